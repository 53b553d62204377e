/**
 * Township review (包村干部 or 党政办): approve publishes the item — it goes on the village's public page, its 公示期
 * starts, the liaison is told to post the board sheet — or return it to the liaison with the reason. A 四议两公开
 * item moves its decision record on (four-deliberations.ts).
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, parseInput } from '../errors.ts';
import { villagePolicy } from './village.policy.ts';
import { itemLink, loadDisclosure } from './disclosure-context.ts';
import { noticeEnd } from './village-disclosure.ts';
import { notifyPersons, whoActs } from './notify.ts';
import { refreshDecisionStatus } from './record-decision.ts';

export const ReviewInput = z
  .object({
    action: z.enum(['approve', 'return'], { error: '请选择审核结果' }),
    reason: z.string().trim().max(2000).optional().default(''),
  })
  .refine((v) => v.action === 'approve' || v.reason.length > 0, {
    message: '退回时须写明理由',
    path: ['reason'],
  });

export async function reviewDisclosure(ctx: Ctx, id: number, raw: unknown): Promise<void> {
  const input = parseInput(ReviewInput, raw);
  const { item, scope, facts } = await loadDisclosure(ctx, id);
  assertCan(villagePolicy.reviewTownship(ctx.actor, scope, facts), {
    message: '只有本村包村干部或乡党政办工作人员可以审核（已签署过本轮意见的人不能再审）',
  });
  const actor = ctx.actor as Extract<Ctx['actor'], { kind: 'user' }>;
  const now = ctx.clock.now().toISOString();
  const today = ctx.clock.today();
  const liaisons = await whoActs(ctx.db, item.agencyId, item.villageId, 'returned');
  await ctx.db.transaction().execute(async (trx) => {
    const approve = input.action === 'approve';
    await trx
      .updateTable('village_disclosures')
      .set(
        approve
          ? {
              status: 'published',
              published_on: today,
              notice_end_on: item.noticeDays > 0 ? noticeEnd(today, item.noticeDays) : null,
              township_by_name: actor.name,
              updated_at: now,
              version: item.version + 1,
            }
          : { status: 'returned', updated_at: now, version: item.version + 1 },
      )
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('village_disclosure_steps')
      .values({
        disclosure_id: id,
        round: item.round,
        step: 'township',
        action: input.action,
        reason: input.reason || null,
        user_id: actor.userId,
        user_name: actor.name,
        signed_at: now,
      })
      .execute();
    await recordEvent(trx, ctx, {
      action: approve ? 'village_disclosure.published' : 'village_disclosure.returned',
      objectType: 'village_disclosure',
      objectId: id,
      agencyId: item.agencyId,
      after: { action: input.action, reason: input.reason || null, publishedOn: approve ? today : null },
    });
    if (item.decisionId) await refreshDecisionStatus(trx, item.decisionId);
    await notifyPersons(trx, ctx, liaisons, {
      kind: approve ? 'village.published' : 'village.returned',
      title: approve ? `已公开，请张贴公开栏并上传照片：${item.title}` : `乡镇退回修改：${item.title}`,
      body: approve
        ? '请打印公开栏张贴单（带二维码）张贴到村务公开栏，并上传张贴照片（中办发〔2004〕17号：固定公开栏）。'
        : input.reason,
      link: itemLink(id),
    });
  });
}
