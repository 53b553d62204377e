/**
 * The portal's content version: bumped inside the transaction of every change a visitor could see (publish,
 * withdrawal, catalogue or page change, an annual report published or reopened, an agency created, renamed or given its
 * office — the portal's agency list is memoised per version). Every process's page cache reads
 * it before serving from memory (src/web/portal-cache.ts), told of changes by portal-watch.ts, so a change made on one
 * node shows on all of them at once (no route has to remember to invalidate).
 */
import { sql } from 'kysely';
import { dialectOf, type DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';
import { fixedStatement, runFixed } from '../db/fixed-statement.ts';
import { PORTAL_CHANNEL } from './portal-watch.ts';

const PORTAL_SCOPE = 'portal.version';
let localChanges = 0;

/** Bump the version (call inside the change's transaction). */
export async function touchPortal(trx: DbOrTrx): Promise<void> {
  await sql`insert into serials (scope, next_value) values (${PORTAL_SCOPE}, 2)
    on conflict (scope) do update set next_value = serials.next_value + 1`.execute(trx);
  // Every node's listener (portal-watch.ts) hears of it at commit; nothing is sent if the transaction rolls back.
  if (dialectOf(trx) === 'postgres') await sql`select pg_notify(${PORTAL_CHANNEL}, '')`.execute(trx);
  // This process sees its own change at once, before the notice comes back (counted even if the transaction rolls
  // back: the cache then re-reads an unchanged version, which is harmless).
  localChanges++;
}

/** The stored version's statement, compiled once: every public request without a change listener reads it. */
const versionStatement = fixedStatement([], (db) =>
  db.selectFrom('serials').select('next_value').where('scope', '=', PORTAL_SCOPE),
);

/** The version as stored. */
export async function portalVersion(db: DbOrTrx): Promise<number> {
  const [r] = await runFixed(db, versionStatement(db, {}));
  return r ? toNumber(r.next_value) : 0;
}

/** How many changes this process has made: the page cache re-reads the stored version whenever it moves. */
export function localPortalChanges(): number {
  return localChanges;
}
