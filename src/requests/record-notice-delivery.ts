/**
 * A notice sent by post reached the applicant (the signed-for day): the 补正 period (条例第三十条) or the period to
 * state reasons (第三十五条) runs from that day, so its end is computed now.
 */
import type { Ctx } from '../context.ts';
import { InvalidStateError, parseInput, ValidationError } from '../errors.ts';
import { NoticeDeliveryInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';

export async function recordNoticeDelivery(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(NoticeDeliveryInput, raw);
  return requestStep(ctx, id, {
    policy: 'handle',
    audit: 'request.notice_delivered',
    async run({ trx, today, cal }) {
      const table = input.notice === 'correction' ? 'request_corrections' : 'request_reason_requests';
      const n = await trx
        .selectFrom(table)
        .select(['id', 'notice_on', 'delivered_on', 'period_days'])
        .where('request_id', '=', id)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (!n) throw new InvalidStateError('没有可登记送达的告知书');
      if (n.delivered_on) throw new InvalidStateError(`该告知书已登记送达（${n.delivered_on}）`);
      if (input.deliveredOn < n.notice_on || input.deliveredOn > today)
        throw new ValidationError('签收日期应在发出日期与今天之间', { deliveredOn: '日期不正确' });
      const end = cal.addWorkdays(input.deliveredOn, Number(n.period_days));
      await trx
        .updateTable(table)
        .set({ delivered_on: input.deliveredOn, period_end_on: end })
        .where('id', '=', n.id)
        .execute();
      return { audit: { after: { deliveredOn: input.deliveredOn, periodEnd: end }, note: input.notice } };
    },
  });
}
