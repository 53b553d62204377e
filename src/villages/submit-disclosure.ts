/**
 * The liaison submits an item to the 村务监督委员会 (第三十二条; 中办发〔2004〕17号: the supervision body checks the
 * content before it goes up). Refused, with every field named, when the values do not check out (money that does not
 * add up names the row), when the scan still finds something that must be masked, or when a required attachment
 * is missing; refused when the village has no committee member who could act (no dead end).
 */
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, InvalidStateError, ValidationError } from '../errors.ts';
import { villagePolicy } from './village.policy.ts';
import { itemLink, loadDisclosure } from './disclosure-context.ts';
import { ATTACHMENT_LABELS, parseValues, scanValues } from './item-template.ts';
import { listFiles } from './villages.queries.ts';
import { notifyPersons, requireActors } from './notify.ts';
import { HIT_LABELS } from '../publications/index.ts';

export async function submitDisclosure(ctx: Ctx, id: number): Promise<void> {
  const { item, template, scope, facts } = await loadDisclosure(ctx, id);
  assertCan(villagePolicy.edit(ctx.actor, scope, facts), { message: '只有本村信息联络员可以提交本村事项' });
  const { errors } = parseValues(template, item.raw);
  if (Object.keys(errors).length) {
    const first = Object.values(errors)[0]!;
    throw new ValidationError(`填报内容有${Object.keys(errors).length}处需要修改：${first}`, errors);
  }
  const high = scanValues(template.fields, item.raw).filter((h) => h.severity === 'high');
  if (high.length) {
    const kinds = [...new Set(high.map((h) => HIT_LABELS[h.kind]))].join('、');
    throw new InvalidStateError(
      `保密审查发现${high.length}处须处理的个人信息或涉密内容（${kinds}），请点“一键脱敏”或修改后再提交（政府信息公开条例第十五条、个人信息保护法）`,
    );
  }
  const files = await listFiles(ctx.db, id);
  const missing = template.attachments.filter((a) => !files.some((f) => f.purpose === a));
  if (missing.length)
    throw new ValidationError(`请先上传${missing.map((a) => ATTACHMENT_LABELS[a]).join('、')}`, {
      files: '缺少附件',
    });
  if (item.noticeDays < template.minNoticeDays)
    throw new ValidationError(`公示期不得少于${template.minNoticeDays}天`, {
      noticeDays: `至少${template.minNoticeDays}天`,
    });
  if (item.status !== 'draft' && item.status !== 'returned') throw new InvalidStateError('该事项已提交');
  // 四议两公开: the result of a decision is disclosed after the decision itself.
  if (item.decisionId && item.decisionStage === 'result') {
    const resolution = await ctx.db
      .selectFrom('village_disclosures')
      .select('status')
      .where('decision_id', '=', item.decisionId)
      .where('decision_stage', '=', 'resolution')
      .executeTakeFirst();
    if (resolution?.status !== 'published')
      throw new InvalidStateError('请先完成“决议公开”，再公开实施结果（四议两公开）');
  }
  const supervisors = await requireActors(ctx.db, item.agencyId, item.villageId, 'supervision');
  const actor = ctx.actor as Extract<Ctx['actor'], { kind: 'user' }>;
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const round = item.round + 1;
    await trx
      .updateTable('village_disclosures')
      .set({
        status: 'supervision',
        round,
        supervision_opinion: null,
        supervision_reason: null,
        supervision_by_name: null,
        updated_at: now,
        version: item.version + 1,
      })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('village_disclosure_steps')
      .values({
        disclosure_id: id,
        round,
        step: 'submit',
        action: 'submit',
        reason: null,
        user_id: actor.userId,
        user_name: actor.name,
        signed_at: now,
      })
      .execute();
    await recordEvent(trx, ctx, {
      action: 'village_disclosure.submitted',
      objectType: 'village_disclosure',
      objectId: id,
      agencyId: item.agencyId,
      after: { round, to: supervisors.map((p) => p.name) },
    });
    await notifyPersons(trx, ctx, supervisors, {
      kind: 'village.supervision',
      title: `待村务监督委员会审核：${item.title}`,
      body: '请审核拟公开内容是否真实、完整，签署“同意”“修改”或“不同意”意见（村民委员会组织法第三十二条）。',
      link: itemLink(id),
    });
  });
}
