/**
 * 收费通知 (条例第四十二条; 《政府信息公开信息处理费管理办法》): within the reply period, one method per request
 * (按件 or 按量, never both), minus any waiver decided before; payment within 20 working days of the day after
 * the applicant receives the notice.
 */
import type { Ctx } from '../context.ts';
import { InvalidStateError, parseInput, ValidationError } from '../errors.ts';
import { sql } from 'kysely';
import { FeeNoticeInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { requestFee, feeMonth } from './fee.ts';
import { toNumber } from '../db/values.ts';

const STANDARD = {
  by_count:
    '按件计收，同一申请人一个自然月内累计申请10件以下（含10件）不收费，11—30件（含30件）的部分100元/件，31件以上的部分以10件为一档，每增加一档，收费标准提高100元/件',
  by_volume:
    '按量计收，30页以下（含30页）不收费，31—100页（含100页）的部分10元/页，101—200页（含200页）的部分20元/页，201页以上的部分40元/页',
};

export async function issueFeeNotice(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(FeeNoticeInput, raw);
  return requestStep(ctx, id, {
    policy: 'handle',
    action: 'issue_fee_notice',
    audit: 'request.fee_notice_issued',
    async run({ trx, request, today, clock }) {
      if (request.feeNoticeOn) throw new InvalidStateError('本申请已发出过收费通知');
      if (!clock || today > clock.due)
        throw new InvalidStateError('收费通知应在答复期限内发出，答复期限已过');
      if (input.noticeOn > today)
        throw new ValidationError('申请人收到通知的日期不能晚于今天', { noticeOn: '不能晚于今天' });
      if (input.method === 'by_volume' && input.pages == null)
        throw new ValidationError('按量计收请填写提供信息的页数', { pages: '请填写页数' });
      const month = feeMonth(request.receivedOn!);
      // 按件: the applicant's requests to this agency received earlier in the same calendar month (§5.2, §9).
      const earlier = await trx
        .selectFrom('info_requests')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('agency_id', '=', request.agencyId)
        .where('applicant_key', '=', request.applicantKey)
        .where('received_on', '>=', `${month}-01`)
        .where('received_on', '<=', `${month}-31`)
        .where((eb) =>
          eb.or([
            eb('received_on', '<', request.receivedOn!),
            eb.and([eb('received_on', '=', request.receivedOn!), eb('id', '<', request.id)]),
          ]),
        )
        .executeTakeFirstOrThrow();
      const gross = requestFee({
        method: input.method,
        earlierThisMonth: toNumber(earlier.n),
        pages: input.pages,
      });
      const waived = await trx
        .selectFrom('request_fee_waivers')
        .select(sql<number>`coalesce(sum(amount_waived), 0)`.as('w'))
        .where('request_id', '=', id)
        .where('superseded', '=', 0)
        .executeTakeFirstOrThrow();
      const w = Math.min(gross, toNumber(waived.w));
      const amount = gross - w;
      if (amount <= 0)
        throw new InvalidStateError(
          gross === 0
            ? `按所选方式计算，本申请不需收费（本月第${toNumber(earlier.n) + 1}件 / ${input.pages ?? 0}页）`
            : '减免后应收金额为0，无需发出收费通知',
        );
      return {
        patch: {
          fee_method: input.method,
          fee_pages: input.pages ?? null,
          fee_amount: amount,
          fee_notice_on: input.noticeOn,
        },
        letters: [
          {
            kind: 'fee_notice',
            vars: {
              收费标准: STANDARD[input.method],
              收费金额: String(amount),
              减免说明: w ? `（应收${gross}元，经本机关决定减免${w}元）` : '',
            },
          },
        ],
        audit: { after: { method: input.method, gross, waived: w, amount }, note: input.reason },
      };
    },
  });
}
