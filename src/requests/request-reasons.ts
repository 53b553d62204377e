/**
 * 说明理由 (条例第三十五条): a large or repeated request — the agency asks the applicant for the reasons, with a
 * 说明理由告知书 and a period counted from its delivery; then records the answer, and either decides （五）4 不予处理
 * (submit-decision.ts) or sets a later reply date (setLaterReply). The reply clock keeps running meanwhile: the 条例
 * does not pause it for this step.
 */
import type { Ctx } from '../context.ts';
import { InvalidStateError, parseInput, ValidationError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { LaterReplyInput, ReasonsReceivedInput, ReasonsRequestInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { actorName } from './create-request-record.ts';
import { cnDate, sentence } from './letters.ts';
import { defaultDeliveredOn } from './correction-rules.ts';
import { checkLaterReply, checkReasonsRequest } from './reasons-rules.ts';
import { reasonRequestsOf } from './procedure.queries.ts';

const HANDLING = ['accepted', 'extended', 'consulting'];

export async function requestReasons(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(ReasonsRequestInput, raw);
  return requestStep(ctx, id, {
    policy: 'handle',
    audit: 'request.reasons_requested',
    async run({ trx, request, today, cal, settings }) {
      if (!HANDLING.includes(request.status)) throw new InvalidStateError('申请当前状态不能要求说明理由');
      checkReasonsRequest(await reasonRequestsOf(trx, id));
      const days = input.periodDays ?? settings.reasonsPeriodDays;
      const deliveredOn = defaultDeliveredOn(input.deliveryMethod, today);
      const end = deliveredOn ? cal.addWorkdaysChecked(deliveredOn, days) : null;
      await trx
        .insertInto('request_reason_requests')
        .values({
          request_id: id,
          matter: input.matter,
          notice_on: today,
          delivered_on: deliveredOn,
          period_days: days,
          period_end_on: end?.date ?? null,
          answered_on: null,
          answer: null,
          created_by_name: actorName(ctx),
          created_at: nowIso(ctx.clock.now()),
        })
        .execute();
      return {
        letters: [
          {
            kind: 'reasons_request',
            vars: {
              理由事项: sentence(input.matter),
              理由期限:
                end && !end.provisional
                  ? `${cnDate(end.date)}前（自收到本告知书之日起${days}个工作日内）`
                  : `自收到本告知书之日起${days}个工作日内`,
            },
          },
        ],
        audit: { after: { periodEnd: end?.date ?? null } },
      };
    },
  });
}

export async function receiveReasons(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(ReasonsReceivedInput, raw);
  return requestStep(ctx, id, {
    policy: 'handle',
    audit: 'request.reasons_received',
    async run({ trx, today }) {
      const r = await trx
        .selectFrom('request_reason_requests')
        .select(['id', 'notice_on', 'answered_on'])
        .where('request_id', '=', id)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (!r) throw new InvalidStateError('尚未要求申请人说明理由');
      if (r.answered_on) throw new InvalidStateError(`已于${r.answered_on}登记申请人说明的理由`);
      if (input.answeredOn < r.notice_on || input.answeredOn > today)
        throw new ValidationError('收到理由日期应在告知书发出日期与今天之间', { answeredOn: '日期不正确' });
      await trx
        .updateTable('request_reason_requests')
        .set({ answered_on: input.answeredOn, answer: input.answer })
        .where('id', '=', r.id)
        .execute();
      return {};
    },
  });
}

/** The reasons are reasonable but the reply cannot be made in time: a later reply date, told to the applicant. */
export async function setLaterReply(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(LaterReplyInput, raw);
  return requestStep(ctx, id, {
    policy: 'handle',
    audit: 'request.later_reply_set',
    async run({ trx, request, today, clock }) {
      if (!HANDLING.includes(request.status)) throw new InvalidStateError('申请当前状态不能确定延迟答复期限');
      if (request.laterReplyOn) throw new InvalidStateError(`已确定延迟答复期限（${request.laterReplyOn}）`);
      checkLaterReply({
        reqs: await reasonRequestsOf(trx, id),
        today,
        laterOn: input.laterOn,
        currentDue: clock?.due ?? null,
      });
      return {
        patch: { later_reply_on: input.laterOn, later_reply_reason: input.reason },
        letters: [
          {
            kind: 'later_reply_notice',
            vars: { 延迟理由: input.reason, 延迟答复日期: cnDate(input.laterOn) },
          },
        ],
        audit: { after: { laterReplyOn: input.laterOn }, note: input.reason },
      };
    },
  });
}
