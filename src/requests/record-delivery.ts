/** 送达: how and when a letter reached the applicant (条例第四十五条; kept in the file, not printed). */
import type { Ctx } from '../context.ts';
import { parseInput, ValidationError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { DeliveryInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { actorName } from './create-request-record.ts';
import { checkDisclosureWait, disclosureNotBefore } from './third-party-rules.ts';
import { consultationsOf } from './procedure.queries.ts';

export async function recordDelivery(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(DeliveryInput, raw);
  return requestStep(ctx, id, {
    policy: 'handle',
    action: 'record_delivery',
    audit: 'request.delivered',
    async run({ trx, request, today, cal, settings }) {
      // 第三十二条: information disclosed over a third party's objection waits for the period after the 决定公开告知书.
      if (request.outcome)
        checkDisclosureWait(
          disclosureNotBefore(
            cal,
            request.outcome,
            await consultationsOf(trx, id),
            settings.thirdPartyWaitDays,
          ),
          input.deliveredOn,
        );
      if (input.deliveredOn > today)
        throw new ValidationError('送达日期不能晚于今天', { deliveredOn: '不能晚于今天' });
      if (request.closedOn && input.deliveredOn < request.closedOn)
        throw new ValidationError('送达日期不能早于答复日期', { deliveredOn: '早于答复日期' });
      let letterId = input.letterId ?? null;
      if (letterId == null) {
        const reply = await trx
          .selectFrom('request_letters')
          .select('id')
          .where('request_id', '=', id)
          .where('kind', 'like', 'reply_%')
          .orderBy('id', 'desc')
          .executeTakeFirst();
        letterId = reply?.id ?? null;
      } else {
        const l = await trx
          .selectFrom('request_letters')
          .select('id')
          .where('id', '=', letterId)
          .where('request_id', '=', id)
          .executeTakeFirst();
        if (!l) throw new ValidationError('所选文书不属于本申请', { letterId: '文书不存在' });
      }
      await trx
        .insertInto('request_deliveries')
        .values({
          request_id: id,
          letter_id: letterId,
          method: input.method,
          delivered_on: input.deliveredOn,
          proof: input.proof ?? null,
          created_by_name: actorName(ctx),
          created_at: nowIso(ctx.clock.now()),
        })
        .execute();
      return {
        patch: { delivered_on: request.deliveredOn ?? input.deliveredOn },
        audit: { after: { method: input.method, deliveredOn: input.deliveredOn } },
      };
    },
  });
}
