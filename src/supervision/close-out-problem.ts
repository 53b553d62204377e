/**
 * 销号: a second person re-checks the rectification and closes the problem, or sends it back. The closer may be
 * neither the rectifier nor the responsible person; a machine-checkable problem is closed only if its check, re-run
 * now, passes. Closing schedules the 回头看 at the agency's offsets (+30/+90 days by default).
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { assertCan, ConflictError, InvalidStateError, parseInput } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { supervisionPolicy } from './supervision.policy.ts';
import {
  loadProblem,
  notify,
  problemLink,
  rectifierIds,
  settingsOf,
  type Problem,
} from './supervision.queries.ts';
import { closeOutRefusal, followUpDates } from './problem.ts';
import { recheckProblem } from './recheck.ts';
import { notifyVillageOfProblem } from './village-problems.ts';

export const CloseOutInput = z.object({
  version: z.number().int(),
  decision: z.enum(['close', 'return'], { message: '请选择复核结论' }),
  note: z.string().trim().min(2, '请填写复核意见').max(2000, '复核意见不超过2000字'),
});

export async function closeOutProblem(
  ctx: Ctx,
  id: number,
  raw: z.input<typeof CloseOutInput> | Record<string, unknown>,
): Promise<Problem> {
  const { problem: p, scope } = await loadProblem(ctx.db, id);
  assertCan(supervisionPolicy.inspect(ctx.actor, scope), {
    hide: !supervisionPolicy.readProblem(ctx.actor, scope, p),
    message: '只有督查人员可以复核销号',
  });
  if (ctx.actor.kind !== 'user') throw new InvalidStateError('销号须由督查人员本人复核');
  const actor = ctx.actor;
  const refusal = closeOutRefusal(p, actor.userId);
  if (refusal) throw new InvalidStateError(refusal);
  // Validated only once the actor may act on it now: nobody gets field errors for a form they are not shown.
  const input = parseInput(CloseOutInput, raw);
  if (input.decision === 'close' && (await recheckProblem(ctx, p)) === 'failing')
    throw new InvalidStateError('系统重新检查后该问题仍然存在，不能销号；请退回重新整改');
  const today = ctx.clock.today();
  const now = ctx.clock.now().toISOString();
  const offsets = (await settingsOf(ctx.db, p.agencyId)).followUpDays;
  await ctx.db.transaction().execute(async (trx) => {
    const closing = input.decision === 'close';
    const r = await trx
      .updateTable('sv_problems')
      .set(
        closing
          ? {
              status: 'closed',
              closed_on: today,
              closed_by: actor.userId,
              closed_by_name: actor.name,
              close_note: input.note,
              updated_at: now,
              version: p.version + 1,
            }
          : { status: 'open', close_note: input.note, updated_at: now, version: p.version + 1 },
      )
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new ConflictError();
    if (closing) {
      for (const f of followUpDates(today, offsets))
        await trx
          .insertInto('sv_follow_ups')
          .values({
            problem_id: id,
            offset_days: f.offset,
            due_on: f.dueOn,
            status: 'scheduled',
            notified_on: null,
            done_at: null,
            done_by_name: null,
            note: null,
          })
          .execute();
    }
    await recordEvent(trx, ctx, {
      action: closing ? 'supervision.problem_closed' : 'supervision.problem_rectified',
      objectType: 'sv_problem',
      objectId: id,
      agencyId: p.agencyId,
      before: { status: p.status },
      after: { status: closing ? 'closed' : 'open', note: input.note },
      note: closing
        ? `复核销号，回头看：${followUpDates(today, offsets)
            .map((f) => f.dueOn)
            .join('、')}`
        : '复核未通过，退回重新整改',
    });
    const rectifiers = await rectifierIds(trx, p);
    await notify(trx, ctx, rectifiers, {
      kind: 'supervision.problem',
      title: closing ? `已销号：${p.title}` : `整改未通过复核，请重新整改：${p.title}`,
      body: `${p.reference}：${actor.name}复核意见：${input.note}`,
      link: problemLink(id),
    });
    // The village it is about, when another unit fixed it, learns it is closed (销号).
    if (closing)
      await notifyVillageOfProblem(
        trx,
        ctx,
        { ...p, status: 'closed', closedOn: today },
        'closed',
        rectifiers,
      );
  });
  return (await loadProblem(ctx.db, id)).problem;
}
