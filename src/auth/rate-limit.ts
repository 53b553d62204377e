import type { Db } from '../db/database.ts';
import { dialectOf } from '../db/database.ts';
import { sql } from 'kysely';

/**
 * Fixed-window counter in the database, so several app instances share it. Returns false when the key has
 * used up its budget for the window.
 */
export async function takeToken(
  db: Db,
  key: string,
  limit: number,
  windowMs: number,
  now: Date,
): Promise<boolean> {
  return (await countHit(db, key, windowMs, now)) <= limit;
}

/** Count one hit of the key in the current fixed window (atomically, on both databases); returns the count so far. */
export async function countHit(db: Db, key: string, windowMs: number, now: Date): Promise<number> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString();
  const upsert =
    dialectOf(db) === 'postgres'
      ? sql<{
          count: number;
        }>`insert into rate_limits (key, window_start, count) values (${key}, ${windowStart}, 1)
          on conflict (key) do update set
            count = case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end,
            window_start = excluded.window_start
          returning count`
      : sql<{
          count: number;
        }>`insert into rate_limits (key, window_start, count) values (${key}, ${windowStart}, 1)
          on conflict (key) do update set
            count = case when window_start = excluded.window_start then count + 1 else 1 end,
            window_start = excluded.window_start
          returning count`;
  const r = await upsert.execute(db);
  return Number(r.rows[0]?.count ?? 0);
}
