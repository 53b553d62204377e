import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../db/database.ts';
import { dialectOf } from '../db/database.ts';
import { nowIso } from '../db/values.ts';
import type { Ctx } from '../context.ts';

/** A job handler: runs with a system context; throw to retry (with back-off) up to max_attempts. */
export type JobHandler = (ctx: Ctx, payload: unknown) => Promise<void>;

/**
 * A handler for a job whose payload has the shape P: the payload is the JSON that `enqueue(…, kind, payload)` wrote
 * for this kind, so the handler may read it as P (the kind is the contract between the two ends).
 */
export function jobHandler<P>(run: (ctx: Ctx, payload: P) => Promise<void>): JobHandler {
  return (ctx, payload) => run(ctx, payload as P);
}

/** The columns `claimNext` returns (ids and counts as the driver gives them). */
interface ClaimedRow {
  id: number | string;
  kind: string;
  payload_json: string;
  attempts: number | string;
  max_attempts: number | string;
}

export interface EnqueueOptions {
  runAt?: Date;
  /** At most one job with this key ever exists: the way to run a scheduled job exactly once across instances. */
  uniqueKey?: string;
  maxAttempts?: number;
}

/** Add a job, usually inside the transaction of the change that causes it. Returns false if the unique key exists. */
export async function enqueue(
  db: DbOrTrx,
  kind: string,
  payload: unknown,
  opts: EnqueueOptions = {},
): Promise<boolean> {
  const now = new Date();
  const r = await db
    .insertInto('jobs')
    .values({
      kind,
      payload_json: JSON.stringify(payload ?? {}),
      run_at: nowIso(opts.runAt ?? now),
      status: 'pending',
      attempts: 0,
      max_attempts: opts.maxAttempts ?? 5,
      unique_key: opts.uniqueKey ?? null,
      locked_by: null,
      locked_at: null,
      finished_at: null,
      last_error: null,
      created_at: nowIso(now),
    })
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/**
 * Claim the next due job for a worker. PostgreSQL: FOR UPDATE SKIP LOCKED, so instances never take the same row;
 * SQLite: a single UPDATE … RETURNING, serialised by the database's write lock.
 */
export async function claimNext(db: Db, workerId: string, now: Date): Promise<ClaimedJob | null> {
  const nowS = nowIso(now);
  const staleBefore = nowIso(new Date(now.getTime() - 10 * 60 * 1000));
  const rows =
    dialectOf(db) === 'postgres'
      ? await sql<ClaimedRow>`update jobs set status = 'running', locked_by = ${workerId}, locked_at = ${nowS}, attempts = attempts + 1
          where id = (select id from jobs
                      where (status = 'pending' and run_at <= ${nowS}) or (status = 'running' and locked_at < ${staleBefore})
                      order by run_at, id limit 1 for update skip locked)
          returning id, kind, payload_json, attempts, max_attempts`.execute(db)
      : await sql<ClaimedRow>`update jobs set status = 'running', locked_by = ${workerId}, locked_at = ${nowS}, attempts = attempts + 1
          where id = (select id from jobs
                      where (status = 'pending' and run_at <= ${nowS}) or (status = 'running' and locked_at < ${staleBefore})
                      order by run_at, id limit 1)
          returning id, kind, payload_json, attempts, max_attempts`.execute(db);
  const r = rows.rows[0];
  if (!r) return null;
  return {
    id: Number(r.id),
    kind: r.kind,
    payload: JSON.parse(r.payload_json),
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
  };
}

export async function completeJob(db: Db, id: number, now: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: nowIso(now), locked_by: null })
    .where('id', '=', id)
    .execute();
}

/** Record a failure; retry later with exponential back-off until attempts run out. */
export async function failJob(db: Db, job: ClaimedJob, error: string, now: Date): Promise<void> {
  const final = job.attempts >= job.maxAttempts;
  await db
    .updateTable('jobs')
    .set({
      status: final ? 'failed' : 'pending',
      last_error: error.slice(0, 2000),
      locked_by: null,
      run_at: nowIso(new Date(now.getTime() + 2 ** job.attempts * 30_000)),
      finished_at: final ? nowIso(now) : null,
    })
    .where('id', '=', job.id)
    .execute();
}
