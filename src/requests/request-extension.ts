/**
 * The clerk asks for an extension; the head of the disclosure office decides (条例第三十三条第二款: 经政府信息
 * 公开工作机构负责人同意). The request waits for the head's approval with the days and reason asked for; approval
 * is extend-deadline.ts (which takes the requested days and reason unless the head changes them), a refusal is
 * declineExtension here. Both the request and the decision tell the persons who act next (the handover).
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { InvalidStateError, parseInput } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { ExtensionInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { assertExtendable } from './extend-deadline.ts';
import { canTransition } from './request.ts';
import { notify } from '../notifications/notify.ts';

const DeclineInput = z.object({
  reason: z
    .string({ error: '请写明不同意延期的理由' })
    .trim()
    .min(1, '请写明不同意延期的理由')
    .max(500, '理由最多500字'),
});

export async function requestExtension(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(ExtensionInput, raw);
  return requestStep(ctx, id, {
    policy: 'requestExtension',
    audit: 'request.extension_requested',
    async run({ request, today, clock }) {
      if (request.extensionRequestedAt)
        throw new InvalidStateError(
          `${request.extensionRequestedByName ?? '承办人'}已申请延期，正等待政务公开工作机构负责人批准`,
        );
      if (!canTransition(request.status, 'extend'))
        throw new InvalidStateError('申请当前所处的环节不能申请延期');
      assertExtendable(request, clock, today);
      return {
        patch: {
          extension_requested_days: input.days,
          extension_requested_reason: input.reason,
          extension_requested_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          extension_requested_by_name: ctx.actor.kind === 'user' ? ctx.actor.name : '系统',
          extension_requested_at: nowIso(ctx.clock.now()),
        },
        audit: { after: { days: input.days }, note: input.reason },
      };
    },
  });
}

export async function declineExtension(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(DeclineInput, raw);
  return requestStep(ctx, id, {
    policy: 'extend',
    audit: 'request.extension_declined',
    async run({ trx, request }) {
      if (!request.extensionRequestedAt || request.extensionDays != null)
        throw new InvalidStateError('该申请没有待批准的延期申请');
      // The one who asked learns why, and keeps the original deadline in view.
      if (request.extensionRequestedBy != null)
        await notify(
          trx,
          ctx.clock.now(),
          [request.extensionRequestedBy],
          {
            kind: 'request.extension_declined',
            title: `延期未获批准：申请${request.reference}`,
            body: `不同意延期的理由：${input.reason}。请在原答复期限（${request.dueOn ?? ''}）内答复。`,
            link: `/office/requests/${request.id}`,
          },
          { deliver: true },
        );
      return {
        patch: {
          extension_requested_days: null,
          extension_requested_reason: null,
          extension_requested_by: null,
          extension_requested_by_name: null,
          extension_requested_at: null,
        },
        audit: { note: input.reason },
      };
    },
  });
}
