/**
 * The handler drafts the reply and submits it for approval: the outcome (条例第三十六条 etc.), its Table B row
 * from the agency's mapping (default §7, interpretation), the legal basis (required), the reasons, and for 部分公开
 * each withheld part with its ground (第三十七条). Refused when the reply lacks what its outcome requires
 * (decision-rules.ts), when it withholds on third-party grounds after the third party consented (第十五条), when it says
 * 「补正后仍不明确」 without an answered 补正 (第三十条), or 不予处理 under （五）4 without the 说明理由 step (第三十五条).
 */
import type { Ctx } from '../context.ts';
import { parseInput, ValidationError } from '../errors.ts';
import { DecisionInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { reportRowOf } from './settings.ts';
import { OUTCOME_LABELS, type Outcome } from './request.ts';
import { checkDecisionContent } from './decision-rules.ts';
import { checkUnclearAfterCorrection } from './correction-rules.ts';
import { checkExcessiveNotProcessed } from './reasons-rules.ts';
import { checkConsentRespected } from './third-party-rules.ts';
import { consultationsOf, reasonRequestsOf } from './procedure.queries.ts';

export async function submitDecision(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(DecisionInput, raw);
  const outcome = input.outcome as Outcome;
  if (outcome === 'partially_disclosed' && input.withheld.length === 0)
    throw new ValidationError('部分公开须逐项列明不予公开的内容及理由（条例第三十七条）', {
      withheld: '请至少填写一项不予公开的内容',
    });
  if (outcome !== 'partially_disclosed' && input.withheld.length > 0)
    throw new ValidationError('只有部分公开的答复需要填写不予公开的部分', { withheld: '非部分公开' });
  if (!/第.+条/.test(input.basis))
    throw new ValidationError('法律依据应写明条例的条款，如“第三十六条第（二）项”', { basis: '请写明条款' });
  return requestStep(ctx, id, {
    policy: 'handle',
    action: 'submit_decision',
    expectedVersion: input.expectedVersion,
    audit: 'request.decision_submitted',
    async run({ trx, settings, request, today }) {
      // 重复申请: the earlier reply of the flagged duplicate, when the handler did not type it.
      let earlier = input.earlierReplyRef ?? null;
      if (outcome === 'repeated' && !earlier && request.duplicateOfId != null) {
        const l = await trx
          .selectFrom('request_letters')
          .select(['doc_no', 'issued_on'])
          .where('request_id', '=', request.duplicateOfId)
          .where('kind', 'like', 'reply_%')
          .orderBy('id', 'desc')
          .executeTakeFirst();
        if (l) earlier = `${l.doc_no}（${l.issued_on}）`;
      }
      checkDecisionContent({
        outcome,
        basis: input.basis,
        responsibleAgency: input.responsibleAgency,
        responsibleContact: input.responsibleContact,
        earlierReplyRef: earlier,
      });
      if (outcome === 'unclear_after_correction') {
        const cs = await trx
          .selectFrom('request_corrections')
          .select('received_on')
          .where('request_id', '=', id)
          .execute();
        checkUnclearAfterCorrection(cs.map((c) => ({ receivedOn: c.received_on })));
      }
      if (outcome === 'excessive_unreasonable')
        checkExcessiveNotProcessed(await reasonRequestsOf(trx, id), today);
      checkConsentRespected(
        outcome,
        input.withheld.map((w) => w.ground),
        await consultationsOf(trx, id),
      );
      await trx.deleteFrom('request_withheld_parts').where('request_id', '=', id).execute();
      for (const w of input.withheld)
        await trx
          .insertInto('request_withheld_parts')
          .values({ request_id: id, ...w })
          .execute();
      return {
        patch: {
          outcome,
          report_row: reportRowOf(settings, outcome),
          basis: input.basis,
          decision_reason: input.reason,
          responsible_agency: outcome === 'not_this_agency' ? (input.responsibleAgency ?? null) : null,
          responsible_contact: outcome === 'not_this_agency' ? (input.responsibleContact ?? null) : null,
          earlier_reply_ref: outcome === 'repeated' ? earlier : null,
          decided_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          decided_by_name: ctx.actor.kind === 'user' ? ctx.actor.name : '系统',
        },
        audit: { after: { outcome, basis: input.basis }, note: OUTCOME_LABELS[outcome] },
      };
    },
  });
}
