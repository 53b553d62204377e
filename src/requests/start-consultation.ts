/**
 * Written consultation of a third party (条例第三十二条) or a co-producing agency (第三十四条). The time is not
 * counted (第三十三条第三款): from the day after the letter is sent up to the answer or the end of the 15-working-
 * day window (deadline.ts).
 */
import type { Ctx } from '../context.ts';
import { parseInput, ValidationError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { ConsultationInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';

export async function startConsultation(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(ConsultationInput, raw);
  return requestStep(ctx, id, {
    policy: 'handle',
    action: 'start_consultation',
    audit: 'request.consultation_started',
    async run({ trx, request, today }) {
      if (input.sentOn > today) throw new ValidationError('发出日期不能晚于今天', { sentOn: '不能晚于今天' });
      const trigger = request.receivedOn!;
      if (input.sentOn < trigger)
        throw new ValidationError('发出日期不能早于收到申请的日期', { sentOn: '早于收到申请日期' });
      if (input.deliveredOn && (input.deliveredOn < input.sentOn || input.deliveredOn > today))
        throw new ValidationError('对方收到日期应在发出日期与今天之间', { deliveredOn: '日期不正确' });
      await trx
        .insertInto('request_consultations')
        .values({
          request_id: id,
          kind: input.kind,
          party: input.party,
          matter: input.matter,
          sent_on: input.sentOn,
          delivered_on: input.deliveredOn ?? null,
          answered_on: null,
          answer: null,
          answer_note: null,
          created_at: nowIso(ctx.clock.now()),
        })
        .execute();
      return {
        letters: [
          {
            kind: input.kind === 'co_agency' ? 'consultation_co_agency' : 'consultation_third_party',
            addressee: input.party,
            forApplicant: false,
            vars: { 征求事项: input.matter },
          },
        ],
        audit: { note: `${input.party}（${input.sentOn}发出）` },
      };
    },
  });
}
