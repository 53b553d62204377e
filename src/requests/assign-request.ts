/** Assign a request to a handler and an office (the handler may then work on it). */
import type { Ctx } from '../context.ts';
import { parseInput, ValidationError } from '../errors.ts';
import { AssignInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';

export async function assignRequest(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(AssignInput, raw);
  return requestStep(ctx, id, {
    policy: 'assign',
    audit: 'request.assigned',
    async run({ trx, request }) {
      if (input.officeId != null) {
        const o = await trx
          .selectFrom('offices')
          .select('id')
          .where('id', '=', input.officeId)
          .where('agency_id', '=', request.agencyId)
          .executeTakeFirst();
        if (!o) throw new ValidationError('所选站办所不属于本机关', { officeId: '站办所不存在' });
      }
      let handlerName: string | null = null;
      if (input.handlerId != null) {
        const u = await trx
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('id', '=', input.handlerId)
          .where('agency_id', '=', request.agencyId)
          .where('is_active', '=', 1)
          .executeTakeFirst();
        if (!u) throw new ValidationError('所选承办人不属于本机关', { handlerId: '承办人不存在' });
        handlerName = u.display_name;
      }
      return {
        patch: { office_id: input.officeId ?? request.officeId, handler_id: input.handlerId ?? null },
        audit: {
          after: { officeId: input.officeId, handlerId: input.handlerId },
          note: handlerName ? `承办人：${handlerName}` : undefined,
        },
      };
    },
  });
}
