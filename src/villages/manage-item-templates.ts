/**
 * The township versions its item templates and pushes a version to its villages (the seed report's plan: 制定统一的
 * 村级公开模板，明确公开重点、格式要求). A version is never changed once made: items keep the version they were filled
 * on, so their history reads as it was. A new version may not lower the 公示期 below the default set's statutory
 * minimum (低保 7 days …). The village settings (answer period for objections …) are edited here too.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { nowIso } from '../db/values.ts';
import { assertCan, parseInput, ValidationError } from '../errors.ts';
import { agencyScope, listVillages } from '../org/org.queries.ts';
import { villagePolicy } from './village.policy.ts';
import { listTemplateVersions } from './villages.queries.ts';
import { templateRow } from './seed-item-templates.ts';
import { DEFAULT_ITEM_TEMPLATES } from './default-templates.ts';
import { CADENCES } from './village-disclosure.ts';
import { APPROVALS, ATTACHMENT_KINDS, type FieldDef } from './item-template.ts';
import {
  getVillageSettings,
  SETTINGS_KEY,
  VillageSettingsSchema,
  type VillageSettings,
} from './village-settings.ts';

const Column = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,30}$/),
  label: z.string().min(1).max(40),
  type: z.enum(['text', 'money', 'date', 'number']),
  unit: z.enum(['yuan', 'wan']).optional(),
  required: z.boolean().optional(),
});
const Field = z.union([
  z.object({
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,30}$/),
    label: z.string().min(1).max(60),
    type: z.enum(['text', 'longtext', 'date', 'number']),
    required: z.boolean().optional(),
    hint: z.string().max(200).optional(),
  }),
  z.object({
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,30}$/),
    label: z.string().min(1).max(60),
    type: z.literal('money'),
    unit: z.enum(['yuan', 'wan']),
    required: z.boolean().optional(),
    hint: z.string().max(200).optional(),
  }),
  z.object({
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,30}$/),
    label: z.string().min(1).max(60),
    type: z.enum(['persons', 'table']),
    columns: z.array(Column).min(1).max(12),
    required: z.boolean().optional(),
    hint: z.string().max(200).optional(),
    personal: z.boolean().optional(),
  }),
]);

export const TemplateVersionInput = z.object({
  code: z.string().min(1),
  name: z.string().trim().min(1, '请填写模板名称').max(60),
  cadence: z.enum(CADENCES),
  minNoticeDays: z.coerce.number({ error: '应为天数' }).int().min(0).max(90),
  legalBasis: z.string().trim().min(1, '请填写法律依据').max(500),
  offlineNote: z.string().trim().max(300).optional().default(''),
  approvals: z.array(z.enum(APPROVALS)).min(1, '至少一级审核'),
  attachments: z.array(z.enum(ATTACHMENT_KINDS)).default([]),
  /** The fields as JSON (the catalogue page edits them as text; typed and checked here). */
  fieldsJson: z.string().optional(),
});

/** Make a new version of a template from its newest one. Returns the new version's id. */
export async function newTemplateVersion(ctx: Ctx, agencyId: number, raw: unknown): Promise<number> {
  // Who may first, what was typed second: a role that may not revise templates is not shown their field errors.
  assertCan(villagePolicy.manageTemplates(ctx.actor, await agencyScope(ctx.db, agencyId)), {
    message: '只有乡党政办或管理员可以修改公开模板',
  });
  const input = parseInput(TemplateVersionInput, raw);
  const versions = (await listTemplateVersions(ctx.db, agencyId)).filter((t) => t.code === input.code);
  const latest = versions.at(-1);
  if (!latest) throw new ValidationError('模板不存在', { code: '模板不存在' });
  const floor = DEFAULT_ITEM_TEMPLATES.find((d) => d.code === input.code)?.minNoticeDays ?? 0;
  if (input.minNoticeDays < floor)
    throw new ValidationError(`公示期不得低于法定最短${floor}天（${latest.legalBasis}）`, {
      minNoticeDays: `至少${floor}天`,
    });
  let fields: FieldDef[] = latest.fields;
  if (input.fieldsJson?.trim()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(input.fieldsJson);
    } catch {
      throw new ValidationError('字段定义不是有效的 JSON', { fieldsJson: 'JSON 格式错误' });
    }
    const r = z.array(Field).min(1).safeParse(parsed);
    if (!r.success)
      throw new ValidationError(
        '字段定义有误：每个字段须有 key、label、type（金额须有 unit，表格须有 columns）',
        { fieldsJson: '字段定义有误' },
      );
    fields = r.data as FieldDef[];
  }
  const def = { ...latest, ...input, fields, offlineNote: input.offlineNote || null, checks: latest.checks };
  const actorName = ctx.actor.kind === 'user' ? ctx.actor.name : '系统';
  return ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('village_item_templates')
      .values(
        templateRow(
          agencyId,
          def,
          latest.version + 1,
          latest.sortOrder,
          actorName,
          ctx.clock.now().toISOString(),
        ),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      action: 'village_template.versioned',
      objectType: 'village_item_template',
      objectId: r.id,
      agencyId,
      before: { version: latest.version, minNoticeDays: latest.minNoticeDays, cadence: latest.cadence },
      after: { version: latest.version + 1, minNoticeDays: input.minNoticeDays, cadence: input.cadence },
    });
    return r.id;
  });
}

/** Push a template version to villages (all of the township's when none are named). Returns how many. */
export async function pushTemplate(
  ctx: Ctx,
  agencyId: number,
  templateId: number,
  villageIds: number[] = [],
): Promise<number> {
  assertCan(villagePolicy.manageTemplates(ctx.actor, await agencyScope(ctx.db, agencyId)), {
    message: '只有乡党政办或管理员可以推送公开模板',
  });
  const t = (await listTemplateVersions(ctx.db, agencyId)).find((x) => x.id === templateId);
  if (!t) throw new ValidationError('模板版本不存在');
  const all = await listVillages(ctx.db, agencyId);
  const targets = villageIds.length ? all.filter((v) => villageIds.includes(v.id)) : all;
  const now = ctx.clock.now().toISOString();
  const by = ctx.actor.kind === 'user' ? ctx.actor.name : '系统';
  await ctx.db.transaction().execute(async (trx) => {
    for (const v of targets) {
      // Monthly and quarterly finance replace each other: a village discloses its finance at one cadence.
      if (t.code === 'finance_monthly' || t.code === 'finance_quarterly')
        await trx
          .deleteFrom('village_template_uses')
          .where('village_id', '=', v.id)
          .where('code', 'in', ['finance_monthly', 'finance_quarterly'])
          .execute();
      await trx
        .insertInto('village_template_uses')
        .values({ village_id: v.id, code: t.code, template_id: t.id, pushed_at: now, pushed_by_name: by })
        .onConflict((oc) =>
          oc
            .columns(['village_id', 'code'])
            .doUpdateSet({ template_id: t.id, pushed_at: now, pushed_by_name: by }),
        )
        .execute();
    }
    await recordEvent(trx, ctx, {
      action: 'village_template.pushed',
      objectType: 'village_item_template',
      objectId: t.id,
      agencyId,
      after: { code: t.code, version: t.version, villages: targets.map((v) => v.name) },
    });
  });
  return targets.length;
}

/** Change the township's village settings (答复期限, whether name/phone are required …). */
export async function updateVillageSettings(
  ctx: Ctx,
  agencyId: number,
  /** Changed settings (form strings or typed values), merged over the current ones and parsed. */
  raw: Record<string, unknown>,
): Promise<VillageSettings> {
  assertCan(villagePolicy.manageTemplates(ctx.actor, await agencyScope(ctx.db, agencyId)), {
    message: '只有乡党政办或管理员可以修改设置',
  });
  const before = await getVillageSettings(ctx.db, agencyId);
  const next = parseInput(VillageSettingsSchema, { ...before, ...raw });
  await ctx.db.transaction().execute(async (trx) => {
    const value_json = JSON.stringify(next);
    const updated_at = nowIso(ctx.clock.now());
    await trx
      .insertInto('agency_settings')
      .values({ agency_id: agencyId, key: SETTINGS_KEY, value_json, updated_at })
      .onConflict((oc) => oc.columns(['agency_id', 'key']).doUpdateSet({ value_json, updated_at }))
      .execute();
    await recordEvent(trx, ctx, {
      action: 'village_settings.changed',
      objectType: 'agency',
      objectId: agencyId,
      agencyId,
      before,
      after: next,
    });
  });
  return next;
}
