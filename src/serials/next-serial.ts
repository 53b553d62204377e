/**
 * Gap-free serial numbers per scope (request references, letter numbers, 索引号, and whatever a feature numbers),
 * taken inside the caller's transaction with one upsert … RETURNING on the scope's row: PostgreSQL locks the row
 * until commit and SQLite serialises under its write lock, so two instances never hand out the same number, and a
 * rolled-back transaction gives its number back. Scopes are strings such as `info_request:12:2026`.
 */
import { sql } from 'kysely';
import type { Trx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';

/** The next value of a serial scope (1 for a new scope). */
export async function nextSerial(trx: Trx, scope: string): Promise<number> {
  const r = await sql<{ v: number | string }>`insert into serials (scope, next_value) values (${scope}, 2)
      on conflict (scope) do update set next_value = serials.next_value + 1
      returning next_value - 1 as v`.execute(trx);
  return toNumber(r.rows[0]!.v);
}
