/** The approver sends the draft reply back with a reason; the request returns to handling. */
import type { Ctx } from '../context.ts';
import { parseInput } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { ReturnInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { actorName } from './create-request-record.ts';

export async function returnDecision(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(ReturnInput, raw);
  return requestStep(ctx, id, {
    policy: 'approve',
    action: 'return_decision',
    expectedVersion: input.expectedVersion,
    audit: 'request.decision_returned',
    async run({ trx }) {
      await trx
        .insertInto('request_notes')
        .values({
          request_id: id,
          kind: 'review',
          body: `答复草稿退回：${input.reason}`,
          author_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          author_name: actorName(ctx),
          created_at: nowIso(ctx.clock.now()),
        })
        .execute();
      return { audit: { note: input.reason } };
    },
  });
}
