/**
 * 补正 (条例第三十条): one notice listing everything to supplement, within 7 working days of receipt, with a
 * reasonable period. While waiting no reply period runs. A second notice, or a late one, needs a recorded reason.
 */
import type { Ctx } from '../context.ts';
import { parseInput, ValidationError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { CorrectionInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { actorName } from './create-request-record.ts';
import { cnDate } from './letters.ts';

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
      if (earlier.length && !input.overrideReason)
        throw new ValidationError('补正应当一次性告知（条例第三十条）。如确需再次告知补正，请填写理由', {
          overrideReason: '再次告知补正须说明理由',
        });
      const noticeDue = request.correctionNoticeDueOn;
      if (noticeDue && today > noticeDue && !input.overrideReason)
        throw new ValidationError(
          `补正告知应在收到申请之日起7个工作日内（${noticeDue}前）发出，现已超过。如仍需告知补正，请填写理由`,
          { overrideReason: '已超过7个工作日，须说明理由' },
        );
      // The period runs from the applicant's receipt of the notice; counted from today it is printed as a date
      // only when the calendar is loaded for it (§4 point 5).
      const end = cal.addWorkdaysChecked(today, input.periodDays);
      await trx
        .insertInto('request_corrections')
        .values({
          request_id: id,
          items: input.items,
          guidance: input.guidance ?? null,
          notice_on: today,
          period_days: input.periodDays,
          period_end_on: end.date,
          received_on: null,
          override_reason: input.overrideReason ?? null,
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
              补正期限: end.provisional
                ? `收到本告知书之日起${input.periodDays}个工作日内`
                : `${cnDate(end.date)}前（收到本告知书之日起${input.periodDays}个工作日内）`,
            },
          },
        ],
        audit: { after: { periodEnd: end.date }, note: input.overrideReason },
      };
    },
  });
}
