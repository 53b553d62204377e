/**
 * 补正 (条例第三十条): one notice listing everything to supplement, within 7 working days of receipt, with a
 * reasonable period counted from the day the applicant receives the notice. A late or second notice is refused: it
 * could only restart the 20 days (correction-rules.ts). While waiting no reply period runs.
 */
import type { Ctx } from '../context.ts';
import { parseInput } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { CorrectionInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { actorName } from './create-request-record.ts';
import { cnDate } from './letters.ts';
import { checkCorrectionNotice, correctionPeriodEnd, defaultDeliveredOn } from './correction-rules.ts';

export async function requestCorrection(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(CorrectionInput, raw);
  return requestStep(ctx, id, {
    policy: 'handle',
    action: 'request_correction',
    audit: 'request.correction_requested',
    async run({ trx, request, today, cal }) {
      const earlier = await trx
        .selectFrom('request_corrections')
        .select('id')
        .where('request_id', '=', id)
        .execute();
      checkCorrectionNotice({
        earlierNotices: earlier.length,
        today,
        noticeDue: request.correctionNoticeDueOn,
      });
      const deliveredOn = defaultDeliveredOn(input.deliveryMethod, today);
      const end = correctionPeriodEnd(cal, deliveredOn, input.periodDays);
      await trx
        .insertInto('request_corrections')
        .values({
          request_id: id,
          items: input.items,
          guidance: input.guidance ?? null,
          notice_on: today,
          period_days: input.periodDays,
          // Unknown until the applicant has the notice (post: the signed-for day, recorded later).
          period_end_on: end?.date ?? '',
          received_on: null,
          override_reason: null,
          delivered_on: deliveredOn,
          delivery_method: input.deliveryMethod,
          created_by_name: actorName(ctx),
          created_at: nowIso(ctx.clock.now()),
        })
        .execute();
      return {
        letters: [
          {
            kind: 'correction_notice',
            vars: {
              补正事项: input.items,
              补正指导: input.guidance ?? '',
              补正期限:
                end && !end.provisional
                  ? `${cnDate(end.date)}前（自收到本告知书之日起${input.periodDays}个工作日内）`
                  : `自收到本告知书之日起${input.periodDays}个工作日内`,
            },
          },
        ],
        audit: { after: { deliveredOn, periodEnd: end?.date ?? null } },
      };
    },
  });
}
