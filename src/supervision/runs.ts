/** A record of every run of the daily, weekly and monthly jobs (what period, when, what it did). */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';

export async function startRun(ctx: Ctx, kind: string, period: string): Promise<number> {
  const r = await ctx.db
    .insertInto('sv_runs')
    .values({ kind, period, started_at: ctx.clock.now().toISOString(), finished_at: null, result_json: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return toNumber(r.id);
}

export async function finishRun(ctx: Ctx, id: number, result: unknown): Promise<void> {
  await ctx.db
    .updateTable('sv_runs')
    .set({ finished_at: ctx.clock.now().toISOString(), result_json: JSON.stringify(result) })
    .where('id', '=', id)
    .execute();
}

export interface Run {
  id: number;
  kind: string;
  period: string;
  startedAt: string;
  finishedAt: string | null;
  result: Record<string, unknown> | null;
}

export async function listRuns(db: DbOrTrx, limit = 30): Promise<Run[]> {
  const rows = await db.selectFrom('sv_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: toNumber(r.id),
    kind: r.kind,
    period: r.period,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    result: r.result_json ? JSON.parse(r.result_json) : null,
  }));
}
