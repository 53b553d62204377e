/**
 * Waive or reduce the 信息处理费 (disclosure-rules.md §5.6): a reasoned decision by the head of the disclosure
 * office or a leader, recorded before the 收费通知 and never edited — a new decision supersedes the old one.
 */
import type { Ctx } from '../context.ts';
import { InvalidStateError, parseInput, ValidationError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { FeeWaiverInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { actorName } from './create-request-record.ts';
import { ROLE_LABELS } from '../org/roles.ts';

export async function waiveFee(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(FeeWaiverInput, raw);
  return requestStep(ctx, id, {
    policy: 'waiveFee',
    audit: 'request.fee_waived',
    async run({ trx, request, today }) {
      if (!['accepted', 'extended', 'consulting'].includes(request.status) || request.feeNoticeOn)
        throw new InvalidStateError('减免决定应在发出收费通知之前（或与之同时）作出');
      if (!input.full && (input.amount == null || input.amount <= 0))
        throw new ValidationError('部分减免请填写减免金额', { amount: '请填写减免金额' });
      await trx
        .updateTable('request_fee_waivers')
        .set({ superseded: 1 })
        .where('request_id', '=', id)
        .execute();
      const role = ctx.actor.kind === 'user' ? ctx.actor.roles.map((r) => ROLE_LABELS[r]).join('、') : '系统';
      await trx
        .insertInto('request_fee_waivers')
        .values({
          request_id: id,
          is_full: input.full ? 1 : 0,
          amount_waived: input.full ? 1_000_000_000 : input.amount!,
          reason: input.reason,
          decided_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          decided_by_name: actorName(ctx),
          decided_role: role,
          decided_on: today,
          superseded: 0,
          created_at: nowIso(ctx.clock.now()),
        })
        .execute();
      return { audit: { after: { full: input.full, amount: input.amount ?? null }, note: input.reason } };
    },
  });
}
