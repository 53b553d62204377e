/**
 * The 村务监督委员会 signs its opinion (第三十二条; 2017年《关于建立健全村务监督委员会的指导意见》): 同意 sends the
 * item to the township; 修改 returns it to the liaison with the reason; 不同意 sends it to the township with the
 * reason, which decides — the opinion is published with the item either way.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, parseInput } from '../errors.ts';
import { villagePolicy } from './village.policy.ts';
import { itemLink, loadDisclosure } from './disclosure-context.ts';
import { afterOpinion, OPINION_LABELS, OPINIONS } from './village-disclosure.ts';
import { notifyPersons, requireActors, whoActs } from './notify.ts';

export const SuperviseInput = z
  .object({
    opinion: z.enum(OPINIONS, { error: '请选择意见' }),
    reason: z.string().trim().max(2000, '理由最多2000字').optional().default(''),
  })
  .refine((v) => v.opinion === 'agree' || v.reason.length > 0, {
    message: '选择“修改”或“不同意”时须写明理由',
    path: ['reason'],
  });

export async function superviseDisclosure(ctx: Ctx, id: number, raw: unknown): Promise<void> {
  const input = parseInput(SuperviseInput, raw);
  const { item, scope, facts } = await loadDisclosure(ctx, id);
  assertCan(villagePolicy.supervise(ctx.actor, scope, facts), {
    message: '只有本村村务监督委员会成员可以签署意见（提交人本人不能审核）',
  });
  const next = afterOpinion(input.opinion);
  const recipients =
    next === 'township_review'
      ? await requireActors(ctx.db, item.agencyId, item.villageId, 'township_review')
      : await whoActs(ctx.db, item.agencyId, item.villageId, 'returned');
  const actor = ctx.actor as Extract<Ctx['actor'], { kind: 'user' }>;
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('village_disclosures')
      .set({
        status: next,
        supervision_opinion: input.opinion,
        supervision_reason: input.reason || null,
        supervision_by_name: actor.name,
        updated_at: now,
        version: item.version + 1,
      })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('village_disclosure_steps')
      .values({
        disclosure_id: id,
        round: item.round,
        step: 'supervision',
        action: input.opinion,
        reason: input.reason || null,
        user_id: actor.userId,
        user_name: actor.name,
        signed_at: now,
      })
      .execute();
    await recordEvent(trx, ctx, {
      action: 'village_disclosure.supervised',
      objectType: 'village_disclosure',
      objectId: id,
      agencyId: item.agencyId,
      after: { opinion: input.opinion, reason: input.reason || null },
    });
    await notifyPersons(trx, ctx, recipients, {
      kind: next === 'returned' ? 'village.returned' : 'village.township_review',
      title:
        next === 'returned'
          ? `村务监督委员会要求修改：${item.title}`
          : `待乡镇审核：${item.title}（监委会意见：${OPINION_LABELS[input.opinion]}）`,
      body: input.reason || '村务监督委员会已同意，请审核后发布。',
      link: itemLink(id),
    });
  });
}
