/**
 * The database for CLI commands: from config() (or an override in tests), migrated, with every seed run (the shipped calendar,
 * the catalogue), so every command works on a fresh checkout (it creates ./data/gongkai.db). Closed after the command.
 */
import { config } from '../config.ts';
import { openDatabase, type DatabaseTarget } from '../db/database.ts';
import { systemClock, type Clock } from '../clock.ts';
import { systemActor, type Ctx } from '../context.ts';

let override: { target?: DatabaseTarget; clock?: Clock } = {};

/** Use another database (and clock) for CLI commands — for tests; call with no argument to reset. */
export function setCliDatabase(target?: DatabaseTarget, clock?: Clock): void {
  override = { target, clock };
}

/** Open the database, prepare it, run fn with a system context, and close the database. */
export async function withCliDb<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const cfg = override.target ? undefined : config();
  const target = override.target ?? cfg!.database;
  const db = openDatabase(target, { pgPoolSize: cfg?.pgPoolSize ?? 2 });
  try {
    const clock = override.clock ?? systemClock;
    // Imported when run: set-up reads the features list, whose manifests list these very commands.
    const { prepareDatabase } = await import('../setup.ts');
    await prepareDatabase(db, clock);
    const ctx: Ctx = { db, actor: systemActor('命令行'), clock, meta: { ip: null } };
    return await fn(ctx);
  } finally {
    await db.destroy();
  }
}
