/** Not paid within the window → 视为放弃申请, `result.other.fee_unpaid` (§5.5). Refused before the window ends. */
import type { Ctx } from '../context.ts';
import { InvalidStateError } from '../errors.ts';
import { requestStep } from './request-step.ts';
import { closingPatch } from './close-request.ts';

export async function closeUnpaidFee(ctx: Ctx, id: number) {
  return requestStep(ctx, id, {
    policy: 'handle',
    action: 'close_fee_unpaid',
    audit: 'request.abandoned',
    async run({ request, today, settings }) {
      if (!request.feeDueOn || today <= request.feeDueOn)
        throw new InvalidStateError(
          `缴费期限尚未届满（至${request.feeDueOn ?? '未知'}），不能按逾期未缴费视为放弃申请`,
        );
      return {
        patch: closingPatch(settings, 'abandoned_fee_unpaid', today, true),
        letters: [{ kind: 'reply_abandoned', vars: { 依据: '第四十二条' } }],
      };
    },
  });
}
