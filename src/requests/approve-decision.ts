/**
 * The head of the disclosure office (or a leader) approves the draft reply: the request is answered today, the
 * reply letter is issued with its relief wording, and the request counts in Table B of this year. A disclosure over
 * a third party's objection needs the 决定公开告知书 first (第三十二条); the information then waits for the period
 * after its delivery (disclosure_not_before).
 */
import type { Ctx } from '../context.ts';
import { InvalidStateError, parseInput } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { VersionInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { replyKindOf, cnDate, GROUND_TEXT, quoted, sentence } from './letters.ts';
import type { Outcome } from './request.ts';
import { checkDisclosureNotices, disclosureNotBefore } from './third-party-rules.ts';
import { consultationsOf } from './procedure.queries.ts';

export async function approveDecision(ctx: Ctx, id: number, raw: unknown = {}) {
  const input = parseInput(VersionInput, raw);
  return requestStep(ctx, id, {
    policy: 'approve',
    action: 'approve_decision',
    expectedVersion: input.expectedVersion,
    audit: 'request.decision_approved',
    async run({ trx, request, today, cal, settings }) {
      if (!request.outcome || !request.basis) throw new InvalidStateError('答复草稿缺少办理结果或法律依据');
      const consultations = await consultationsOf(trx, id);
      checkDisclosureNotices(request.outcome, consultations);
      const notBefore = disclosureNotBefore(cal, request.outcome, consultations, settings.thirdPartyWaitDays);
      const withheld = await trx
        .selectFrom('request_withheld_parts')
        .selectAll()
        .where('request_id', '=', id)
        .orderBy('id')
        .execute();
      const corrected = await trx
        .selectFrom('request_corrections')
        .select(['received_on', 'corrected_content'])
        .where('request_id', '=', id)
        .where('received_on', 'is not', null)
        .orderBy('received_on', 'desc')
        .executeTakeFirst();
      const you = request.applicantKind === 'natural_person' ? '您' : '贵单位';
      const extra: string[] = [];
      if (request.outcome === 'not_this_agency' && request.responsibleAgency)
        extra.push(
          `该政府信息由${request.responsibleAgency}负责公开，联系方式：${request.responsibleContact ?? ''}。`,
        );
      if (request.outcome === 'repeated' && request.earlierReplyRef)
        extra.push(`本机关此前已作出答复：${request.earlierReplyRef}。`);
      if (notBefore !== undefined)
        extra.push(
          notBefore
            ? `因该信息涉及第三方合法权益，本机关已将决定公开的内容和理由书面告知第三方，将于${cnDate(notBefore)}起向${you}提供。`
            : `因该信息涉及第三方合法权益，本机关已将决定公开的内容和理由书面告知第三方，将在第三方收到告知书之日起${settings.thirdPartyWaitDays}个工作日后向${you}提供。`,
        );
      return {
        patch: {
          approved_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          approved_by_name: ctx.actor.kind === 'user' ? ctx.actor.name : '系统',
          approved_at: nowIso(ctx.clock.now()),
          closed_on: today,
          disclosure_not_before: notBefore ?? null,
        },
        letters: [
          {
            kind: replyKindOf(request.outcome),
            vars: {
              // The reply quotes the request as narrowed by the 补正 (条例第三十条).
              补正说明: corrected?.received_on
                ? `。经本机关告知补正，${you}于${cnDate(corrected.received_on)}提交了补正${
                    corrected.corrected_content
                      ? `，补正后的申请内容为“${quoted(corrected.corrected_content)}”`
                      : ''
                  }`
                : '',
              不予公开部分: withheld
                .map(
                  (w, i) =>
                    `${i + 1}. ${quoted(w.part)}：${quoted(w.reason)}，${GROUND_TEXT[w.ground as Outcome] ?? '不予公开'}。`,
                )
                .join('\n'),
              ...(extra.length
                ? { 决定说明: [sentence(request.decisionReason ?? ''), ...extra].join('') }
                : {}),
            },
          },
        ],
        audit: notBefore !== undefined ? { after: { disclosureNotBefore: notBefore } } : undefined,
      };
    },
  });
}
