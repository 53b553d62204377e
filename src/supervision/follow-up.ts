/**
 * 回头看: after 销号, each scheduled re-check comes due at its offset. A machine-checkable problem is re-checked by
 * the daily job itself; any other is put to the person who closed it and the disclosure office, who record what
 * they found. Found again → the problem reopens, flagged recurring, with a new deadline, and the responsible unit
 * is notified; the remaining re-checks are cancelled (new ones follow the next 销号).
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import type { Trx } from '../db/database.ts';
import { assertCan, InvalidStateError, NotFoundError } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { toNumber } from '../db/values.ts';
import { addDays } from '../calendar/dates.ts';
import { supervisionPolicy } from './supervision.policy.ts';
import {
  clerkIds,
  loadProblem,
  notify,
  problemLink,
  rectifierIds,
  toProblem,
  type Problem,
} from './supervision.queries.ts';
import { DEFAULT_RECTIFY_DAYS } from './problem.ts';
import { recheckProblem } from './recheck.ts';
import { checkEvidence, insertEvidence, type EvidenceInput } from './evidence.ts';
import type { Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface FollowUp {
  id: number;
  problemId: number;
  offsetDays: number;
  dueOn: string;
  status: 'scheduled' | 'passed' | 'recurred' | 'cancelled';
  doneAt: string | null;
  doneByName: string | null;
  note: string | null;
}

const toFollowUp = (r: Selectable<DB['sv_follow_ups']>): FollowUp => ({
  id: toNumber(r.id),
  problemId: toNumber(r.problem_id),
  offsetDays: toNumber(r.offset_days),
  dueOn: r.due_on,
  status: r.status as FollowUp['status'],
  doneAt: r.done_at,
  doneByName: r.done_by_name,
  note: r.note,
});

export async function listFollowUps(db: Ctx['db'], problemId: number): Promise<FollowUp[]> {
  const rows = await db
    .selectFrom('sv_follow_ups')
    .selectAll()
    .where('problem_id', '=', problemId)
    .orderBy('due_on')
    .execute();
  return rows.map(toFollowUp);
}

/** Reopen a closed problem found again; inside the caller's transaction. */
async function reopen(trx: Trx, ctx: Ctx, p: Problem, f: FollowUp, note: string): Promise<void> {
  const today = ctx.clock.today();
  const deadline = addDays(today, DEFAULT_RECTIFY_DAYS);
  const by = ctx.actor.kind === 'user' ? ctx.actor.name : '系统（每日巡查）';
  await trx
    .updateTable('sv_follow_ups')
    .set({ status: 'recurred', done_at: ctx.clock.now().toISOString(), done_by_name: by, note })
    .where('id', '=', f.id)
    .execute();
  await trx
    .updateTable('sv_follow_ups')
    .set({ status: 'cancelled' })
    .where('problem_id', '=', p.id)
    .where('status', '=', 'scheduled')
    .execute();
  await trx
    .updateTable('sv_problems')
    .set({
      status: 'open',
      is_recurring: 1,
      reopen_count: p.reopenCount + 1,
      deadline,
      escalated_on: null,
      updated_at: ctx.clock.now().toISOString(),
      version: p.version + 1,
    })
    .where('id', '=', p.id)
    .execute();
  await recordEvent(trx, ctx, {
    action: 'supervision.problem_reopened',
    objectType: 'sv_problem',
    objectId: p.id,
    agencyId: p.agencyId,
    before: { status: p.status },
    after: { status: 'open', recurring: true, deadline },
    note: `销号后${f.offsetDays}天回头看：${note}`,
  });
  await notify(trx, ctx, await rectifierIds(trx, p), {
    kind: 'supervision.problem',
    title: `回头看发现问题复发，请重新整改：${p.title}（${deadline}前）`,
    body: `${p.reference}：销号后${f.offsetDays}天回头看发现问题再次出现，已标记为“复发”。${note}`,
    link: problemLink(p.id),
  });
}

async function pass(trx: Trx, ctx: Ctx, p: Problem, f: FollowUp, note: string): Promise<void> {
  const by = ctx.actor.kind === 'user' ? ctx.actor.name : '系统（每日巡查）';
  await trx
    .updateTable('sv_follow_ups')
    .set({ status: 'passed', done_at: ctx.clock.now().toISOString(), done_by_name: by, note })
    .where('id', '=', f.id)
    .execute();
  await recordEvent(trx, ctx, {
    action: 'supervision.follow_up_passed',
    objectType: 'sv_problem',
    objectId: p.id,
    agencyId: p.agencyId,
    after: { followUp: f.offsetDays, note },
  });
}

/**
 * The daily job's part: every 回头看 due today or earlier. Machine-checkable ones are decided now; the others
 * notify their people once. Returns counts.
 */
export async function runDueFollowUps(
  ctx: Ctx,
): Promise<{ passed: number; reopened: number; notified: number }> {
  const today = ctx.clock.today();
  const due = (
    await ctx.db
      .selectFrom('sv_follow_ups')
      .selectAll()
      .where('status', '=', 'scheduled')
      .where('due_on', '<=', today)
      .orderBy('due_on')
      .execute()
  ).map(toFollowUp);
  const out = { passed: 0, reopened: 0, notified: 0 };
  for (const f of due) {
    const p = toProblem(
      await ctx.db
        .selectFrom('sv_problems')
        .selectAll()
        .where('id', '=', f.problemId)
        .executeTakeFirstOrThrow(),
    );
    if (p.status !== 'closed') continue;
    const result = await recheckProblem(ctx, p);
    await ctx.db.transaction().execute(async (trx) => {
      if (result === 'failing') {
        await reopen(trx, ctx, p, f, '系统重新检查，问题仍然存在');
        out.reopened++;
      } else if (result === 'passing') {
        await pass(trx, ctx, p, f, '系统重新检查，未发现该问题');
        out.passed++;
      } else {
        const row = await trx
          .selectFrom('sv_follow_ups')
          .select('notified_on')
          .where('id', '=', f.id)
          .executeTakeFirstOrThrow();
        if (row.notified_on) return;
        const people = [...(await clerkIds(trx, p.agencyId)), ...(p.closedBy != null ? [p.closedBy] : [])];
        await notify(trx, ctx, people, {
          kind: 'supervision.follow_up',
          title: `待回头看：${p.title}（${p.unitName}，销号后${f.offsetDays}天）`,
          body: `${p.reference}：请到现场或线上复查整改是否巩固，并记录回头看结果；发现复发将重新整改。`,
          link: problemLink(p.id),
        });
        await trx.updateTable('sv_follow_ups').set({ notified_on: today }).where('id', '=', f.id).execute();
        out.notified++;
      }
    });
  }
  return out;
}

export const FollowUpInput = z.object({
  result: z.enum(['passed', 'recurred'], { message: '请选择回头看结果' }),
  note: z.string().trim().min(2, '请填写回头看情况').max(2000, '不超过2000字'),
});

/** A person records a due 回头看 (found again → reopened, recurring). */
export async function recordFollowUp(
  ctx: Ctx,
  followUpId: number,
  input: z.infer<typeof FollowUpInput>,
  photos: EvidenceInput[],
): Promise<Problem> {
  const row = await ctx.db
    .selectFrom('sv_follow_ups')
    .selectAll()
    .where('id', '=', followUpId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('未找到该回头看');
  const f = toFollowUp(row);
  const { problem: p, scope } = await loadProblem(ctx.db, f.problemId);
  assertCan(supervisionPolicy.inspect(ctx.actor, scope), {
    hide: !supervisionPolicy.readProblem(ctx.actor, scope, p),
    message: '只有督查人员可以记录回头看',
  });
  if (f.status !== 'scheduled' || p.status !== 'closed')
    throw new InvalidStateError('该回头看已完成或已取消');
  if (f.dueOn > ctx.clock.today()) throw new InvalidStateError(`该回头看应于${f.dueOn}进行，尚未到期`);
  checkEvidence(photos);
  await ctx.db.transaction().execute(async (trx) => {
    await insertEvidence(trx, ctx, p.id, 'follow_up', [{ kind: 'text', text: input.note }, ...photos]);
    if (input.result === 'recurred') await reopen(trx, ctx, p, f, input.note);
    else await pass(trx, ctx, p, f, input.note);
  });
  return (await loadProblem(ctx.db, p.id)).problem;
}
