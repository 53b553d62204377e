/**
 * An office's substitute reviewer (代理审核人): who signs the office head's review step while the office has no head
 * user (issue 10). Without one, the step falls to the head of the disclosure office (acting-persons.ts). Audited.
 */
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, NotFoundError, ValidationError } from '../errors.ts';
import { orgPolicy } from './org.policy.ts';
import { agencyScope } from './org.queries.ts';

export async function setOfficeSubstitute(
  ctx: Ctx,
  agencyId: number,
  officeId: number,
  userId: number | null,
): Promise<void> {
  const scope = await agencyScope(ctx.db, agencyId);
  assertCan(orgPolicy.view(ctx.actor, scope), { hide: true });
  assertCan(orgPolicy.manage(ctx.actor, scope));
  const office = await ctx.db
    .selectFrom('offices')
    .select(['id', 'name', 'substitute_user_id'])
    .where('id', '=', officeId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!office) throw new NotFoundError('未找到该站办所');
  if (userId != null) {
    const u = await ctx.db
      .selectFrom('users')
      .select(['agency_id', 'is_active'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!u || u.agency_id !== agencyId || Number(u.is_active) !== 1)
      throw new ValidationError('请选择本机关在职的工作人员', { userId: '请选择代理审核人' });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('offices').set({ substitute_user_id: userId }).where('id', '=', officeId).execute();
    await recordEvent(trx, ctx, {
      action: 'office.update',
      objectType: 'office',
      objectId: officeId,
      agencyId,
      before: { substituteUserId: office.substitute_user_id },
      after: { substituteUserId: userId },
      note: `代理审核人（${office.name}）`,
    });
  });
}
