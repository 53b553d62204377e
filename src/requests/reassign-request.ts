/**
 * An admin hands a waiting step of a request (the approval of the draft reply, the approval of an extension) to a
 * named person — the way out when nobody who holds the role can act (away, left, no head appointed). Audited; the
 * person is told (the handover), and from then on the step resolves to them (src/org/acting-persons.ts).
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { InvalidStateError, parseInput } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { insertAssignment } from '../org/work-assignments.ts';
import { requestStep } from './request-step.ts';
import { REQUEST_STEPS } from './waiting.ts';

export const ReassignInput = z.object({
  step: z.enum([REQUEST_STEPS.approval, REQUEST_STEPS.extension], { error: '请选择要指派的环节' }),
  userId: z.coerce.number({ error: '请选择指派给谁' }).int().positive('请选择指派给谁'),
  reason: z.string({ error: '请写明指派理由' }).trim().min(1, '请写明指派理由').max(300, '理由最多300字'),
  /** The version the form was built from: a reassignment after the request moved on is refused (requestStep). */
  version: z.coerce.number().int().optional(),
});

export async function reassignRequest(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(ReassignInput, raw);
  return requestStep(ctx, id, {
    policy: 'reassign',
    audit: 'request.reassigned',
    expectedVersion: input.version,
    async run({ trx, request }) {
      const waiting =
        input.step === REQUEST_STEPS.approval
          ? request.status === 'pending_approval'
          : request.extensionRequestedAt != null && request.extensionDays == null;
      if (!waiting)
        throw new InvalidStateError(
          input.step === REQUEST_STEPS.approval ? '该申请当前没有待审批的答复' : '该申请没有待批准的延期申请',
        );
      const who = await insertAssignment(trx, {
        agencyId: request.agencyId,
        objectType: 'info_request',
        objectId: request.id,
        step: input.step,
        userId: input.userId,
        reason: input.reason,
        assignedByName: ctx.actor.kind === 'user' ? ctx.actor.name : '系统',
        at: nowIso(ctx.clock.now()),
      });
      return {
        audit: { after: { step: input.step, userId: input.userId, to: who.displayName }, note: input.reason },
      };
    },
  });
}
