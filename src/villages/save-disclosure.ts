/**
 * Start and save a village disclosure draft. Drafts keep exactly what the liaison typed (autosave calls the same
 * use case); only the 公示期 is checked on every save — it may never be shorter than the template's minimum.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, ConflictError, InvalidStateError, parseInput, ValidationError } from '../errors.ts';
import { agencyScope } from '../org/org.queries.ts';
import { villagePolicy } from './village.policy.ts';
import { loadDisclosure } from './disclosure-context.ts';
import { getTemplate, listCurrentTemplates, villageOf } from './villages.queries.ts';
import { dueOn, isPeriod, periodLabel } from './village-disclosure.ts';
import type { RawValues } from './item-template.ts';
import { getVillageSettings } from './village-settings.ts';

export const NewDisclosureInput = z.object({
  villageId: z.coerce.number().int().positive(),
  code: z.string().min(1, '请选择公开模板'),
  period: z.string().trim().optional().default(''),
  title: z.string().trim().max(200, '标题最多200字').optional().default(''),
});
export type NewDisclosureInput = z.input<typeof NewDisclosureInput>;

/** The template version a village uses for a code (the pushed one, else the newest). */
export async function templateForVillage(ctx: Ctx, agencyId: number, villageId: number, code: string) {
  const use = await ctx.db
    .selectFrom('village_template_uses')
    .select('template_id')
    .where('village_id', '=', villageId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (use) return getTemplate(ctx.db, use.template_id);
  const t = (await listCurrentTemplates(ctx.db, agencyId)).find((x) => x.code === code && x.isActive);
  if (!t) throw new ValidationError('公开模板不存在', { code: '请选择公开模板' });
  return t;
}

export async function createDisclosure(
  ctx: Ctx,
  /** Form strings or typed values: parsed with NewDisclosureInput. */
  raw: unknown,
  extra: {
    values?: RawValues;
    decisionId?: number;
    decisionStage?: 'resolution' | 'result';
    dueOn?: string | null;
  } = {},
): Promise<number> {
  const input = parseInput(NewDisclosureInput, raw);
  const village = await villageOf(ctx.db, input.villageId);
  const scope = await agencyScope(ctx.db, village.agencyId);
  assertCan(villagePolicy.draft(ctx.actor, scope, village.id), {
    message: '只有本村信息联络员可以填报本村公开事项',
  });
  const t = await templateForVillage(ctx, village.agencyId, village.id, input.code);
  let period: string | null = null;
  let due: string | null = extra.dueOn ?? null;
  if (t.cadence !== 'on_occurrence') {
    if (!isPeriod(t.cadence, input.period))
      throw new ValidationError(t.cadence === 'monthly' ? '请选择公开月份' : '请选择公开季度', {
        period: '请选择期间',
      });
    period = input.period;
    const dup = await ctx.db
      .selectFrom('village_disclosures')
      .select('id')
      .where('village_id', '=', village.id)
      .where('code', '=', t.code)
      .where('period', '=', period)
      .executeTakeFirst();
    if (dup)
      throw new InvalidStateError(
        `${periodLabel(period)}的“${t.name}”已经填报（编号${dup.id}），请打开原事项继续`,
      );
    due = dueOn(period, (await getVillageSettings(ctx.db, village.agencyId)).dueDay);
  }
  const title = input.title || `${village.name}${period ? periodLabel(period) : ''}${t.name}`;
  const now = ctx.clock.now().toISOString();
  const actor = ctx.actor as Extract<Ctx['actor'], { kind: 'user' }>;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('village_disclosures')
      .values({
        agency_id: village.agencyId,
        village_id: village.id,
        template_id: t.id,
        kind: t.kind,
        code: t.code,
        title,
        period,
        due_on: due,
        status: 'draft',
        values_json: JSON.stringify(extra.values ?? {}),
        notice_days: t.minNoticeDays,
        round: 0,
        decision_id: extra.decisionId ?? null,
        decision_stage: extra.decisionStage ?? null,
        created_by: actor.userId,
        created_by_name: actor.name,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      action: 'village_disclosure.created',
      objectType: 'village_disclosure',
      objectId: row.id,
      agencyId: village.agencyId,
      after: { village: village.name, template: t.code, version: t.version, period },
    });
    return row.id;
  });
}

export const SaveDisclosureInput = z.object({
  version: z.coerce.number().int().positive(),
  title: z.string().trim().min(1, '请填写标题').max(200, '标题最多200字'),
  noticeDays: z.coerce.number({ error: '公示期应为天数' }).int('公示期应为整天数').min(0).max(365),
});

/** Save what the liaison typed. Returns the new version (the autosave script keeps it for the next save). */
export async function saveDisclosure(
  ctx: Ctx,
  id: number,
  /** Form strings or typed values: parsed with SaveDisclosureInput. */
  rawInput: unknown,
  values: RawValues,
): Promise<number> {
  const input = parseInput(SaveDisclosureInput, rawInput);
  const { item, template, scope, facts } = await loadDisclosure(ctx, id);
  assertCan(villagePolicy.edit(ctx.actor, scope, facts), {
    message: '只有本村信息联络员可以修改草稿或退回的事项',
  });
  if (input.noticeDays < template.minNoticeDays)
    throw new ValidationError(
      `公示期不得少于模板规定的${template.minNoticeDays}天（${template.legalBasis}）`,
      { noticeDays: `至少${template.minNoticeDays}天` },
    );
  const r = await ctx.db.transaction().execute(async (trx) => {
    const u = await trx
      .updateTable('village_disclosures')
      .set({
        title: input.title,
        notice_days: input.noticeDays,
        values_json: JSON.stringify(values),
        updated_at: ctx.clock.now().toISOString(),
        version: item.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(u.numUpdatedRows) === 0) throw new ConflictError();
    await recordEvent(trx, ctx, {
      action: 'village_disclosure.updated',
      objectType: 'village_disclosure',
      objectId: id,
      agencyId: item.agencyId,
      after: { title: input.title, noticeDays: input.noticeDays },
    });
    return item.version + 1;
  });
  return r;
}
