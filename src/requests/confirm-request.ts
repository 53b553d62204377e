/**
 * The office confirms a request with the applicant (条例第三十一条: online, fax and e-mail — 双方确认; ordinary
 * post — confirmation on the day the letter reaches the office). The confirmation day becomes the receipt day;
 * the receipt (回执) is issued.
 */
import type { Ctx } from '../context.ts';
import { parseInput, ValidationError } from '../errors.ts';
import { ConfirmInput } from './request.schema.ts';
import { CHANNEL_LABELS } from './request.ts';
import { requestStep } from './request-step.ts';
import { checkLateConfirmation } from './decision-rules.ts';

export async function confirmRequest(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(ConfirmInput, raw);
  return requestStep(ctx, id, {
    policy: 'register',
    action: 'confirm',
    audit: 'request.confirmed',
    async run({ request, today }) {
      if (input.confirmedOn > today)
        throw new ValidationError('确认日期不能晚于今天', { confirmedOn: '不能晚于今天' });
      if (input.confirmedOn < request.submittedOn)
        throw new ValidationError('确认日期不能早于申请提交日期', { confirmedOn: '早于提交日期' });
      const warning = checkLateConfirmation({
        channel: request.channel,
        arrivedOn: request.submittedOn,
        confirmedOn: input.confirmedOn,
        reason: input.lateReason,
      });
      return {
        patch: {
          received_on: input.confirmedOn,
          receipt_evidence: input.evidence,
          late_confirmation_reason: warning ? input.lateReason! : null,
        },
        letters: [{ kind: 'receipt', vars: { 收到方式: CHANNEL_LABELS[request.channel] } }],
        audit: {
          after: { receivedOn: input.confirmedOn },
          note: warning ? `${warning}；原因：${input.lateReason}` : undefined,
        },
      };
    },
  });
}
