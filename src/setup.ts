import type { Db } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import type { Clock } from './clock.ts';
import { systemActor, type Ctx } from './context.ts';
import { featureSeeds, wireFeatures } from './features.ts';

/**
 * Steps every entry point runs on an opened database before use: migrations (under the migrator's lock), then
 * the features' idempotent seeds in the order of the features list (the working-day calendar, catalogue defaults, …).
 */

export async function prepareDatabase(db: Db, clock: Clock): Promise<void> {
  wireFeatures();
  await migrateToLatest(db);
  const ctx: Ctx = { db, clock, actor: systemActor(), meta: { ip: null } };
  for (const s of featureSeeds()) await s.run(ctx);
}

/** True when no agency exists yet (a fresh installation). */
export async function isEmpty(db: Db): Promise<boolean> {
  return !(await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst());
}
