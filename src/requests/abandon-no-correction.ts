/**
 * No 补正 by the end of the period, without good reason → 视为放弃申请 (条例第三十条), `result.other.no_correction`.
 * The period runs from the day the applicant received the notice, so nothing can be closed before that is known.
 */
import type { Ctx } from '../context.ts';
import { InvalidStateError } from '../errors.ts';
import { requestStep } from './request-step.ts';
import { closingPatch } from './close-request.ts';
import { checkAbandonNoCorrection } from './correction-rules.ts';

export async function abandonNoCorrection(ctx: Ctx, id: number) {
  return requestStep(ctx, id, {
    policy: 'handle',
    action: 'abandon_no_correction',
    audit: 'request.abandoned',
    async run({ trx, today, settings }) {
      const c = await trx
        .selectFrom('request_corrections')
        .select(['period_end_on', 'delivered_on'])
        .where('request_id', '=', id)
        .where('received_on', 'is', null)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (!c) throw new InvalidStateError('本申请没有待补正的告知');
      checkAbandonNoCorrection({ deliveredOn: c.delivered_on, periodEnd: c.period_end_on || null, today });
      return {
        patch: closingPatch(settings, 'abandoned_no_correction', today, true),
        letters: [{ kind: 'reply_abandoned', vars: { 依据: '第三十条' } }],
      };
    },
  });
}
