/** No 补正 by the end of the period, without good reason → 视为放弃申请 (条例第三十条), `result.other.no_correction`. */
import type { Ctx } from '../context.ts';
import { InvalidStateError } from '../errors.ts';
import { requestStep } from './request-step.ts';
import { closingPatch } from './close-request.ts';

export async function abandonNoCorrection(ctx: Ctx, id: number) {
  return requestStep(ctx, id, {
    policy: 'handle',
    action: 'abandon_no_correction',
    audit: 'request.abandoned',
    async run({ trx, today, settings }) {
      const c = await trx
        .selectFrom('request_corrections')
        .select(['period_end_on'])
        .where('request_id', '=', id)
        .where('received_on', 'is', null)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      if (today <= c.period_end_on)
        throw new InvalidStateError(`补正期限尚未届满（至${c.period_end_on}），不能按视为放弃处理`);
      return {
        patch: closingPatch(settings, 'abandoned_no_correction', today, true),
        letters: [{ kind: 'reply_abandoned', vars: { 依据: '第三十条' } }],
      };
    },
  });
}
