import type { Db } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import type { Clock } from './clock.ts';
import { systemActor, type Ctx } from './context.ts';
import { calendarSeed } from './calendar/seed-calendar.ts';
import { catalogueSeed } from './publications/seed-catalogue.ts';
import { itemTemplateSeed } from './villages/seed-item-templates.ts';
import './features.ts';

/**
 * Steps every entry point runs on an opened database before use: migrations (under the migrator's lock), then
 * idempotent seeds registered by features (the working-day calendar, catalogue defaults, …).
 */
export const seeds: { name: string; run(ctx: Ctx): Promise<void> }[] = [
  calendarSeed,
  catalogueSeed,
  itemTemplateSeed,
];

export async function prepareDatabase(db: Db, clock: Clock): Promise<void> {
  await migrateToLatest(db);
  const ctx: Ctx = { db, clock, actor: systemActor(), meta: { ip: null } };
  for (const s of seeds) await s.run(ctx);
}

/** True when no agency exists yet (a fresh installation). */
export async function isEmpty(db: Db): Promise<boolean> {
  return !(await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst());
}
