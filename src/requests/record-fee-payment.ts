/** The applicant paid the 信息处理费: payment date, amount and 财政票据 number are kept (§5.5, §5.7). */
import type { Ctx } from '../context.ts';
import { parseInput, ValidationError } from '../errors.ts';
import { FeePaymentInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';

export async function recordFeePayment(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(FeePaymentInput, raw);
  return requestStep(ctx, id, {
    policy: 'handle',
    action: 'record_payment',
    audit: 'request.fee_paid',
    async run({ request, today }) {
      if (input.paidOn > today) throw new ValidationError('缴费日期不能晚于今天', { paidOn: '不能晚于今天' });
      if (request.feeNoticeOn && input.paidOn < request.feeNoticeOn)
        throw new ValidationError('缴费日期不能早于收到收费通知的日期', { paidOn: '早于收费通知' });
      if (input.amount !== request.feeAmount)
        throw new ValidationError(`缴费金额应为收费通知的金额${request.feeAmount}元`, {
          amount: '与通知金额不符',
        });
      return {
        patch: { fee_paid_on: input.paidOn, fee_paid_amount: input.amount, fee_receipt_no: input.receiptNo },
        audit: { after: { paidOn: input.paidOn, amount: input.amount } },
      };
    },
  });
}
