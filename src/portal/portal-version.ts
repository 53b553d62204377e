/**
 * The portal's content version: bumped inside the transaction of every change a visitor could see (publish,
 * withdrawal, catalogue or page change, an annual report published or reopened). Every process's page cache reads
 * it before serving from memory (src/web/portal-cache.ts), so a change made on one node shows on all of them at once
 * (no route has to remember to invalidate).
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';

const PORTAL_SCOPE = 'portal.version';

/** Bump the version (call inside the change's transaction). */
export async function touchPortal(trx: DbOrTrx): Promise<void> {
  await sql`insert into serials (scope, next_value) values (${PORTAL_SCOPE}, 2)
    on conflict (scope) do update set next_value = serials.next_value + 1`.execute(trx);
}

/** The version as stored. */
export async function portalVersion(db: DbOrTrx): Promise<number> {
  const r = await db
    .selectFrom('serials')
    .select('next_value')
    .where('scope', '=', PORTAL_SCOPE)
    .executeTakeFirst();
  return r ? toNumber(r.next_value) : 0;
}
