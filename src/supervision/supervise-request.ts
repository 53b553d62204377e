/**
 * 督办 on a township's request past its reply deadline (条例第三十三条), issued from the county's supervising view.
 * The overdue request is itself the problem: it goes into the township's ledger (the same record the daily check
 * would file, key `request_deadline:<id>`, reused when already there and not closed) with the answer date as its
 * rectification deadline, and the 督办 is written on it as on any overdue problem.
 */
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { assertCan, InvalidStateError, NotFoundError, ValidationError } from '../errors.ts';
import { toNumber } from '../db/values.ts';
import { agencyScope } from '../org/org.queries.ts';
import { OPEN_STATES } from '../requests/index.ts';
import { supervisionPolicy } from './supervision.policy.ts';
import { toProblem } from './supervision.queries.ts';
import { insertProblem } from './record-problem.ts';
import { SuperviseInput, writeSupervision } from './supervise-problem.ts';

/** Issue 督办 on an overdue request; returns the ledger problem it is written on. */
export async function superviseOverdueRequest(
  ctx: Ctx,
  requestId: number,
  input: z.infer<typeof SuperviseInput>,
): Promise<number> {
  const r = await ctx.db
    .selectFrom('info_requests')
    .select(['id', 'agency_id', 'reference', 'status', 'due_on', 'office_id', 'handler_id'])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!r) throw new NotFoundError('未找到该申请');
  const agencyId = toNumber(r.agency_id);
  const scope = await agencyScope(ctx.db, agencyId);
  assertCan(supervisionPolicy.superviseFromAbove(ctx.actor, scope), {
    hide: !supervisionPolicy.read(ctx.actor, scope),
    message: '督办须由上级政务公开办的督办人员发出',
  });
  const today = ctx.clock.today();
  const open = (OPEN_STATES as readonly string[]).includes(r.status);
  if (!open || r.due_on == null || r.due_on >= today)
    throw new InvalidStateError('只能对超过答复期限仍未办结的申请督办');
  if (input.answerBy < today)
    throw new ValidationError('答复期限不能早于今天', { answerBy: '答复期限不能早于今天' });
  const key = `request_deadline:${requestId}`;
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('sv_problems')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('check_key', '=', key)
      .where('status', '<>', 'closed')
      .executeTakeFirst();
    const problem = existing
      ? toProblem(existing)
      : await insertProblem(
          trx,
          ctx,
          agencyId,
          {
            unitKind: r.office_id != null ? 'office' : 'agency',
            unitId: r.office_id != null ? toNumber(r.office_id) : null,
            responsibleUserId: r.handler_id != null ? toNumber(r.handler_id) : null,
            responsibleName: '',
            title: `依申请公开答复超期：${r.reference}`,
            description: `申请${r.reference}的答复期限为${r.due_on}（《条例》第三十三条），至今未答复。`,
            deadline: input.answerBy,
            link: `/office/requests/${requestId}`,
          },
          { source: 'county', checkKind: 'request_deadline', checkKey: key },
        );
    await writeSupervision(trx, ctx, problem, input);
    return problem.id;
  });
}
