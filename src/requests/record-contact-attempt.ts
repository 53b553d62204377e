/**
 * A logged attempt to reach the applicant of an unconfirmed request (国办公开办函〔2015〕207号: the clock starts
 * on the day contact is made; the attempts are the office's evidence).
 */
import type { Ctx } from '../context.ts';
import { parseInput, InvalidStateError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { ContactAttemptInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { actorName } from './create-request-record.ts';

export async function recordContactAttempt(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(ContactAttemptInput, raw);
  return requestStep(ctx, id, {
    policy: 'register',
    audit: 'request.contact_attempt',
    async run({ trx, request }) {
      if (request.status !== 'pending_confirmation')
        throw new InvalidStateError('只有待确认的申请需要登记联系情况');
      await trx
        .insertInto('request_notes')
        .values({
          request_id: id,
          kind: 'contact',
          body: `联系方式：${input.method}；结果：${input.result}`,
          author_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          author_name: actorName(ctx),
          created_at: nowIso(ctx.clock.now()),
        })
        .execute();
      return { audit: { note: `${input.method}：${input.result}` } };
    },
  });
}
