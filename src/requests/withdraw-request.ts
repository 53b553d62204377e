/** The applicant withdraws the request: closed as `withdrawn` (§7: `result.other.other`). */
import type { Ctx } from '../context.ts';
import { parseInput } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { WithdrawInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { closingPatch } from './close-request.ts';
import { actorName } from './create-request-record.ts';

export async function withdrawRequest(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(WithdrawInput, raw);
  return requestStep(ctx, id, {
    policy: 'handle',
    action: 'withdraw',
    audit: 'request.withdrawn',
    async run({ trx, request, today, settings }) {
      await trx
        .insertInto('request_notes')
        .values({
          request_id: id,
          kind: 'note',
          body: `申请人撤回申请：${input.reason}`,
          author_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          author_name: actorName(ctx),
          created_at: nowIso(ctx.clock.now()),
        })
        .execute();
      return {
        patch: closingPatch(settings, 'withdrawn', today, request.receivedOn != null),
        audit: { note: input.reason },
      };
    },
  });
}
