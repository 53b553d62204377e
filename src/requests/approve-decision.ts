/**
 * The head of the disclosure office (or a leader) approves the draft reply: the request is answered today, the
 * reply letter is issued with its relief wording, and the request counts in Table B of this year.
 */
import type { Ctx } from '../context.ts';
import { InvalidStateError, parseInput } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { VersionInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { replyKindOf, cnDate } from './letters.ts';
import { OUTCOME_LABELS, WITHHOLDING_GROUNDS } from './request.ts';

export async function approveDecision(ctx: Ctx, id: number, raw: unknown = {}) {
  const input = parseInput(VersionInput, raw);
  return requestStep(ctx, id, {
    policy: 'approve',
    action: 'approve_decision',
    expectedVersion: input.expectedVersion,
    audit: 'request.decision_approved',
    async run({ trx, request, today }) {
      if (!request.outcome || !request.basis) throw new InvalidStateError('答复草稿缺少办理结果或法律依据');
      const withheld = await trx
        .selectFrom('request_withheld_parts')
        .selectAll()
        .where('request_id', '=', id)
        .orderBy('id')
        .execute();
      const corrected = await trx
        .selectFrom('request_corrections')
        .select('received_on')
        .where('request_id', '=', id)
        .where('received_on', 'is not', null)
        .orderBy('received_on', 'desc')
        .executeTakeFirst();
      return {
        patch: {
          approved_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          approved_by_name: ctx.actor.kind === 'user' ? ctx.actor.name : '系统',
          approved_at: nowIso(ctx.clock.now()),
          closed_on: today,
        },
        letters: [
          {
            kind: replyKindOf(request.outcome),
            vars: {
              补正说明: corrected?.received_on
                ? `，并于${cnDate(corrected.received_on)}收到您的补正材料`
                : '',
              不予公开部分: withheld
                .map(
                  (w, i) =>
                    `${i + 1}. ${w.part}：不予公开。理由：${w.reason}（${WITHHOLDING_GROUNDS.includes(w.ground as never) ? OUTCOME_LABELS[w.ground as keyof typeof OUTCOME_LABELS] : w.ground}）`,
                )
                .join('\n'),
            },
          },
        ],
      };
    },
  });
}
