/**
 * A clerk registers a request from any other channel (当面, 邮寄, 传真, 电子邮件, 口头 — art. 29: the office
 * fills the form for an oral applicant). The receipt date follows 条例第三十一条 for the channel; a request whose
 * receipt still needs confirmation (平信, 传真, 电子邮件 without a confirmation date) waits as 待确认.
 */
import { checkLateConfirmation } from './decision-rules.ts';
import type { Ctx } from '../context.ts';
import { assertCan, parseInput, ValidationError } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { RegisterRequestInput } from './request.schema.ts';
import { CHANNEL_LABELS, receiptDate, type InfoRequest } from './request.ts';
import { requestPolicy } from './request.policy.ts';
import { getRequest, requestScope } from './requests.queries.ts';
import { getRequestSettings } from './settings.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { createRequestRecord } from './create-request-record.ts';
import { issueLetter } from './issue-letter.ts';

export async function registerRequest(ctx: Ctx, agencyId: number, raw: unknown): Promise<InfoRequest> {
  const scope = await requestScope(ctx.db, agencyId);
  assertCan(requestPolicy.view(ctx.actor, scope), { hide: true });
  assertCan(requestPolicy.register(ctx.actor, scope), {
    message: '只有政府信息公开工作机构人员可以登记申请',
  });
  const input = parseInput(RegisterRequestInput, raw);
  const today = ctx.clock.today();
  if (input.submittedOn > today)
    throw new ValidationError('提交或到达日期不能晚于今天', { submittedOn: '不能晚于今天' });
  if (input.confirmedOn && input.confirmedOn > today)
    throw new ValidationError('签收或确认日期不能晚于今天', { confirmedOn: '不能晚于今天' });
  if (input.confirmedOn && input.confirmedOn < input.submittedOn)
    throw new ValidationError('签收或确认日期不能早于提交或到达日期', { confirmedOn: '早于到达日期' });
  if (input.channel === 'registered_mail' && !input.confirmedOn)
    throw new ValidationError('挂号信请填写本机关签收日期（条例第三十一条第（二）项）', {
      confirmedOn: '请填写签收日期',
    });
  const lateWarning = input.confirmedOn
    ? checkLateConfirmation({
        channel: input.channel,
        arrivedOn: input.submittedOn,
        confirmedOn: input.confirmedOn,
        reason: input.lateReason,
      })
    : null;
  const receivedOn = receiptDate(input.channel, input.submittedOn, input.confirmedOn ?? null);
  const settings = await getRequestSettings(ctx.db, agencyId);
  const agency = scope.agency;
  const cal = await getCalendar(ctx.db, agency.id);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await createRequestRecord(trx, ctx, agency, settings, cal, {
      input,
      channel: input.channel,
      submittedOn: input.submittedOn,
      receivedOn,
      receiptEvidence: input.receiptEvidence ?? null,
      status: receivedOn ? 'accepted' : 'pending_confirmation',
    });
    if (lateWarning)
      await trx
        .updateTable('info_requests')
        .set({ late_confirmation_reason: input.lateReason ?? null })
        .where('id', '=', id)
        .execute();
    const r = await getRequest(trx, id);
    if (receivedOn)
      await issueLetter(trx, ctx, r, agency, settings, {
        kind: 'receipt',
        vars: { 收到方式: CHANNEL_LABELS[r.channel] },
      });
    await recordEvent(trx, ctx, {
      action: 'request.registered',
      objectType: 'info_request',
      objectId: id,
      agencyId,
      after: { reference: r.reference, channel: r.channel, receivedOn },
      note: lateWarning,
    });
    return r;
  });
}
