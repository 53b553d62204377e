/**
 * 决定公开告知书 (条例第三十二条): the third party objected, the agency decides to disclose because withholding could
 * seriously affect the public interest; it tells the third party in writing what will be disclosed and why, with the
 * relief the third party has. The letter is in the request's letters (not shown to the applicant) and the ledger; the
 * information waits `thirdPartyWaitDays` working days after the letter reaches the third party (third-party-rules.ts).
 */
import type { Ctx } from '../context.ts';
import { InvalidStateError, parseInput, ValidationError } from '../errors.ts';
import { DisclosureNoticeDeliveryInput, DisclosureNoticeInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { cnDate, sentence } from './letters.ts';
import { addDays } from '../calendar/dates.ts';
import { disclosureNotBefore } from './third-party-rules.ts';
import { consultationsOf } from './procedure.queries.ts';

const OPEN_FOR_NOTICE = ['accepted', 'extended', 'consulting', 'pending_approval'];

export async function issueDisclosureNotice(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(DisclosureNoticeInput, raw);
  return requestStep(ctx, id, {
    policy: 'handle',
    audit: 'request.disclosure_notice_issued',
    async run({ trx, request, today, cal, settings }) {
      if (!OPEN_FOR_NOTICE.includes(request.status))
        throw new InvalidStateError('申请已办结，不能再发出决定公开告知书');
      const c = await trx
        .selectFrom('request_consultations')
        .selectAll()
        .where('id', '=', input.consultationId)
        .where('request_id', '=', id)
        .executeTakeFirst();
      if (!c || c.kind !== 'third_party') throw new InvalidStateError('未找到该第三方征求意见记录');
      if (c.answer !== 'object')
        throw new InvalidStateError(
          '只有第三方不同意公开、本机关仍决定公开的，才需要发出决定公开告知书（条例第三十二条）',
        );
      if (c.decision_notice_on)
        throw new InvalidStateError(`已于${c.decision_notice_on}向该第三方发出决定公开告知书`);
      if (input.deliveredOn && (input.deliveredOn < today || input.deliveredOn > today))
        throw new ValidationError('当面或电子送达的，收到日期为今天；邮寄的请在签收后登记', {
          deliveredOn: '日期不正确',
        });
      await trx
        .updateTable('request_consultations')
        .set({ decision_notice_on: today, decision_notice_delivered_on: input.deliveredOn ?? null })
        .where('id', '=', c.id)
        .execute();
      const notBefore = input.deliveredOn
        ? addDays(cal.addWorkdays(input.deliveredOn, settings.thirdPartyWaitDays), 1)
        : null;
      return {
        letters: [
          {
            kind: 'disclosure_decision_third_party',
            addressee: c.party,
            forApplicant: false,
            vars: {
              征求日期: cnDate(c.sent_on),
              公开内容: sentence(input.content),
              公开理由: sentence(input.reason),
              公开日期: notBefore
                ? cnDate(notBefore)
                : `贵方收到本告知书之日起${settings.thirdPartyWaitDays}个工作日后`,
            },
            relief: { relief: 'review_or_litigation', subject: '本决定' },
          },
        ],
        audit: { note: `${c.party}：决定公开，等待期${settings.thirdPartyWaitDays}个工作日` },
      };
    },
  });
}

/** The 决定公开告知书 reached the third party (post: the signed-for day): the waiting period starts. */
export async function recordDisclosureNoticeDelivery(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(DisclosureNoticeDeliveryInput, raw);
  return requestStep(ctx, id, {
    policy: 'handle',
    audit: 'request.notice_delivered',
    async run({ trx, request, today, cal, settings }) {
      const c = await trx
        .selectFrom('request_consultations')
        .selectAll()
        .where('id', '=', input.consultationId)
        .where('request_id', '=', id)
        .executeTakeFirst();
      if (!c?.decision_notice_on) throw new InvalidStateError('尚未向该第三方发出决定公开告知书');
      if (c.decision_notice_delivered_on) throw new InvalidStateError('已登记第三方收到决定公开告知书');
      if (input.deliveredOn < c.decision_notice_on || input.deliveredOn > today)
        throw new ValidationError('收到日期应在发出日期与今天之间', { deliveredOn: '日期不正确' });
      await trx
        .updateTable('request_consultations')
        .set({ decision_notice_delivered_on: input.deliveredOn })
        .where('id', '=', c.id)
        .execute();
      // Already answered: the waiting period now has its end.
      const patch = request.outcome
        ? {
            disclosure_not_before:
              disclosureNotBefore(
                cal,
                request.outcome,
                await consultationsOf(trx, id),
                settings.thirdPartyWaitDays,
              ) ?? null,
          }
        : {};
      return { patch, audit: { note: `${c.party}于${input.deliveredOn}收到决定公开告知书` } };
    },
  });
}
