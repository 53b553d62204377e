/**
 * The catalogue version: one number for every agency's catalogue (`serials` scope `catalogue.version`), bumped in
 * the transaction of every catalogue change (a category created or changed, a catalogue seeded). A process may keep
 * what it derived from a catalogue (the publication dashboard's top-level categories) under the version read from
 * the database with it, and must read it again when the database gives another: every node sees the same number,
 * so a change on one node is seen by all at their next read. Catalogue changes are rare (an admin's edit, an
 * agency's first use), so one number for all agencies costs one re-read of the catalogues asked for after each.
 */
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';

export const CATALOGUE_VERSION_SCOPE = 'catalogue.version';

/** Bump the catalogue version (call inside the change's transaction; its row lock is held until the commit). */
export async function touchCatalogue(trx: Trx): Promise<void> {
  await sql`insert into serials (scope, next_value) values (${CATALOGUE_VERSION_SCOPE}, 2)
    on conflict (scope) do update set next_value = serials.next_value + 1`.execute(trx);
}

/** The version as stored (0: no catalogue changed since the version was introduced). */
export async function catalogueVersion(db: DbOrTrx): Promise<number> {
  const r = await db
    .selectFrom('serials')
    .select('next_value')
    .where('scope', '=', CATALOGUE_VERSION_SCOPE)
    .executeTakeFirst();
  return r ? toNumber(r.next_value) : 0;
}
