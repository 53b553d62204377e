/**
 * Gap-free serial numbers per scope (year-scoped references and letter numbers), taken inside the caller's
 * transaction: one UPDATE … RETURNING on the scope's row, which PostgreSQL locks until commit and SQLite
 * serialises under its write lock, so two instances never hand out the same number, and a rolled-back
 * transaction gives its number back.
 */
import { sql } from 'kysely';
import type { Trx } from '../db/database.ts';

/** The next value of a serial scope (1 for a new scope). */
export async function nextSerial(trx: Trx, scope: string): Promise<number> {
  await trx
    .insertInto('serials')
    .values({ scope, next_value: 1 })
    .onConflict((oc) => oc.column('scope').doNothing())
    .execute();
  const r = await sql<{ taken: number | string }>`
    update serials set next_value = next_value + 1 where scope = ${scope} returning next_value - 1 as taken`.execute(
    trx,
  );
  return Number(r.rows[0]!.taken);
}
