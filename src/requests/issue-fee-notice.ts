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
import { countFee, feeMonth, volumeFee, checkFeeNotice, checkSplit, feeBasisText } from './fee.ts';
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
      checkFeeNotice({
        method: input.method,
        formRequested: request.formRequested,
        receivedOn: request.receivedOn!,
        issuedOn: today,
        noticeOn: input.noticeOn,
        today,
      });
      if (input.method === 'by_volume' && input.pages == null)
        throw new ValidationError('按量计收请填写提供信息的页数', { pages: '请填写页数' });
      const items = input.method === 'by_count' ? input.items : 1;
      checkSplit(items, input.splitReason);
      const month = feeMonth(request.receivedOn!);
      // 按件: the applicant's requests to this agency received earlier in the same calendar month (§5.2, §9).
      const earlier = await trx
        .selectFrom('info_requests')
        // Items, not rows: an earlier request split under 一事一申请 counts as its items (办法第四条).
        .select(sql<number>`coalesce(sum(coalesce(fee_item_count, 1)), 0)`.as('n'))
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
      const earlierItems = toNumber(earlier.n);
      const gross = input.method === 'by_count' ? countFee(earlierItems, items) : volumeFee(input.pages!);
      const basis =
        input.method === 'by_count'
          ? feeBasisText({ method: 'by_count', earlierItems, items, month })
          : feeBasisText({ method: 'by_volume', pages: input.pages! });
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
          gross === 0 ? `按所选方式计算，本申请不需收费（${basis}）` : '减免后应收金额为0，无需发出收费通知',
        );
      return {
        patch: {
          fee_method: input.method,
          fee_pages: input.pages ?? null,
          fee_amount: amount,
          fee_notice_on: input.noticeOn,
          fee_notice_issued_on: today,
          fee_item_count: items,
          fee_split_reason: items > 1 ? (input.splitReason ?? null) : null,
        },
        letters: [
          {
            kind: 'fee_notice',
            // The fee decision is itself open to 复议 or 诉讼: the notice says so.
            relief: { relief: 'review_or_litigation', subject: '本收费决定' },
            vars: {
              收费标准: STANDARD[input.method],
              收费金额: String(amount),
              计费依据: basis,
              减免说明: w ? `（应收${gross}元，经本机关决定减免${w}元）` : '',
            },
          },
        ],
        audit: { after: { method: input.method, gross, waived: w, amount }, note: input.reason },
      };
    },
  });
}
