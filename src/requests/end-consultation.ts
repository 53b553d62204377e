/**
 * The consulted party answers, or its 15 working days end without an answer (third party: the agency decides;
 * co-producing agency: silence is consent — 条例第三十二条、第三十四条). The pause ends on the answer day.
 */
import type { Ctx } from '../context.ts';
import { InvalidStateError, parseInput, ValidationError } from '../errors.ts';
import { ConsultationEndInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { CONSULTATION_WINDOW } from './deadline.ts';

export async function endConsultation(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(ConsultationEndInput, raw);
  return requestStep(ctx, id, {
    policy: 'handle',
    action: 'end_consultation',
    audit: 'request.consultation_ended',
    async run({ trx, today, cal }) {
      const c = await trx
        .selectFrom('request_consultations')
        .selectAll()
        .where('id', '=', input.consultationId)
        .where('request_id', '=', id)
        .executeTakeFirst();
      if (!c || c.answered_on || c.answer) throw new InvalidStateError('该征求意见已结束或不存在');
      const windowEnd = cal.addWorkdays(c.delivered_on ?? c.sent_on, CONSULTATION_WINDOW);
      if (input.answeredOn) {
        if (input.answeredOn > today)
          throw new ValidationError('收到意见日期不能晚于今天', { answeredOn: '不能晚于今天' });
        if (input.answeredOn < c.sent_on)
          throw new ValidationError('收到意见日期不能早于发出日期', { answeredOn: '早于发出日期' });
      } else if (today <= windowEnd || input.answer !== 'none') {
        throw new ValidationError(
          `请填写收到意见的日期；未收到意见的，须待15个工作日期满（${windowEnd}）后登记`,
          {
            answeredOn: '请填写收到意见日期',
          },
        );
      }
      await trx
        .updateTable('request_consultations')
        .set({ answered_on: input.answeredOn ?? null, answer: input.answer, answer_note: input.note ?? null })
        .where('id', '=', c.id)
        .execute();
      // Other consultations still open keep the request in 征求意见中.
      const open = await trx
        .selectFrom('request_consultations')
        .select('id')
        .where('request_id', '=', id)
        .where('answer', 'is', null)
        .execute();
      return {
        patch: open.length ? { status: 'consulting' } : {},
        audit: {
          note: `${c.party}：${{ agree: '同意公开', object: '不同意公开', none: '逾期未提出意见' }[input.answer]}`,
        },
      };
    },
  });
}
