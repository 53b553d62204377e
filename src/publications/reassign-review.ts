/**
 * An admin hands the waiting review step of an item, or its publishing once approved, to a named person (issue 10): the way out when the step's
 * office has no head, the head is away, or nobody else may sign. Audited; the person is told and may then sign or
 * return that step (publication.policy.ts takes the resolved persons as facts). The one-person-one-step rule holds:
 * someone who signed an earlier step of this round cannot be given the next one.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, InvalidStateError, parseInput, ValidationError } from '../errors.ts';
import { insertAssignment } from '../org/work-assignments.ts';
import { notifyHandover } from '../notifications/handover.ts';
import { loadPublication, stalePublication } from './publication-context.ts';
import { publicationPolicy } from './publication.policy.ts';
import { STEP_LABELS } from './publication.ts';
import { reviewStepKey, waitingOfPublication } from './waiting.ts';

export const ReassignReviewInput = z.object({
  version: z.coerce.number().int(),
  userId: z.coerce.number({ error: '请选择指派给谁' }).int().positive('请选择指派给谁'),
  reason: z.string({ error: '请写明指派理由' }).trim().min(1, '请写明指派理由').max(300, '理由最多300字'),
});

export async function reassignReview(ctx: Ctx, id: number, raw: unknown): Promise<void> {
  const input = parseInput(ReassignReviewInput, raw);
  const { item, scope, chain } = await loadPublication(ctx, id);
  assertCan(publicationPolicy.reassign(ctx.actor, scope), { message: '只有系统管理员可以指派审核人' });
  // Refused when the item moved on since the form was built: the message says who did what, and the state now.
  if (input.version !== item.version) throw await stalePublication(ctx.db, id);
  const publishing = item.status === 'approved';
  if (!publishing && (item.status !== 'in_review' || !chain.next))
    throw new InvalidStateError('该信息当前没有等待办理的审核或发布环节');
  if (!publishing && chain.signerIds.includes(input.userId))
    throw new ValidationError('同一人不能签批同一事项的两个审核环节，请指派其他人', {
      userId: '已签批过前一环节',
    });
  const step = publishing ? 'publish' : chain.next!.step;
  const stepLabel = publishing ? '发布' : STEP_LABELS[chain.next!.step];
  const before = await waitingOfPublication(ctx.db, id);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const who = await insertAssignment(trx, {
      agencyId: item.agencyId,
      objectType: 'publication',
      objectId: id,
      step: reviewStepKey(step, item.reviewRound),
      userId: input.userId,
      reason: input.reason,
      assignedByName: ctx.actor.kind === 'user' ? ctx.actor.name : '系统',
      at: now.toISOString(),
    });
    await recordEvent(trx, ctx, {
      action: 'publication.reassigned',
      objectType: 'publication',
      objectId: id,
      agencyId: item.agencyId,
      after: { step, stepLabel, userId: input.userId, to: who.displayName },
      note: input.reason,
    });
    await notifyHandover(
      trx,
      now,
      ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      before,
      await waitingOfPublication(trx, id),
    );
  });
}
