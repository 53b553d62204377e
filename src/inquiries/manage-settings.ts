/**
 * The agency's 互动交流 settings (reply periods, extension, reopen window, topics, word lists, petition guide,
 * limits) and its routing rules — edited by the admin or the clerks, audited.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { assertCan, parseInput, ValidationError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { recordEvent } from '../audit/record-event.ts';
import { agencyScope, listOffices, listVillages } from '../org/org.queries.ts';
import { inquiryPolicy } from './inquiry.policy.ts';
import { getInquirySettings, InquirySettingsSchema, SETTINGS_KEY, type InquirySettings } from './settings.ts';
import type { RoutingRule } from './routing.ts';

export async function listRoutingRules(db: DbOrTrx, agencyId: number): Promise<RoutingRule[]> {
  const rows = await db
    .selectFrom('inquiry_routing_rules')
    .select(['id', 'topic', 'village_id', 'office_id'])
    .where('agency_id', '=', agencyId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, topic: r.topic, villageId: r.village_id, officeId: r.office_id }));
}

const lines = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(/[\n,，、]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : v;
const int = (label: string) => z.coerce.number({ error: `${label}应为整数` }).int(`${label}应为整数`);

/** The settings form: one field per setting, word lists one per line. */
export const SettingsForm = z.object({
  question: int('咨询答复期限').min(1, '答复期限至少1个工作日').max(60, '答复期限不能超过60个工作日'),
  suggestion: int('建议答复期限').min(1, '答复期限至少1个工作日').max(60, '答复期限不能超过60个工作日'),
  complaint: int('投诉答复期限').min(1, '答复期限至少1个工作日').max(60, '答复期限不能超过60个工作日'),
  help: int('求助答复期限').min(1, '答复期限至少1个工作日').max(60, '答复期限不能超过60个工作日'),
  maxExtensionDays: int('最长延期').min(1).max(60, '延期不能超过60个工作日'),
  reopenDays: int('重新办理期限').min(1).max(60),
  topics: z.preprocess(lines, z.array(z.string().max(30, '每个事项不超过30个字')).min(1, '至少保留一个事项')),
  sensitiveWords: z.preprocess(lines, z.array(z.string().max(40))),
  allowWords: z.preprocess(lines, z.array(z.string().max(40))),
  petitionGuide: z.string().trim().min(1, '请填写信访渠道告知语').max(500),
  perIpPerHour: int('每小时每个地址的留言数').min(1).max(1000),
  perContactPerDay: int('每天每个联系方式的留言数').min(1).max(1000),
  alarmDaysBefore: int('预警提前天数').min(1).max(60),
  adoptionDays: int('采纳情况公布期限').min(1).max(60),
});

export async function updateInquirySettings(
  ctx: Ctx,
  agencyId: number,
  raw: unknown,
): Promise<InquirySettings> {
  assertCan(inquiryPolicy.manageSettings(ctx.actor, await agencyScope(ctx.db, agencyId)), { hide: true });
  const f = parseInput(SettingsForm, raw);
  const before = await getInquirySettings(ctx.db, agencyId);
  const next = InquirySettingsSchema.parse({
    ...before,
    replyDays: { question: f.question, suggestion: f.suggestion, complaint: f.complaint, help: f.help },
    maxExtensionDays: f.maxExtensionDays,
    reopenDays: f.reopenDays,
    topics: [...new Set(f.topics)],
    sensitiveWords: [...new Set(f.sensitiveWords)],
    allowWords: [...new Set(f.allowWords)],
    petitionGuide: f.petitionGuide,
    perIpPerHour: f.perIpPerHour,
    perContactPerDay: f.perContactPerDay,
    alarmDaysBefore: f.alarmDaysBefore,
    adoptionDays: f.adoptionDays,
  });
  const now = nowIso(ctx.clock.now());
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('agency_settings')
      .values({ agency_id: agencyId, key: SETTINGS_KEY, value_json: JSON.stringify(next), updated_at: now })
      .onConflict((oc) =>
        oc.columns(['agency_id', 'key']).doUpdateSet({ value_json: JSON.stringify(next), updated_at: now }),
      )
      .execute();
    await recordEvent(trx, ctx, {
      action: 'inquiry.settings_updated',
      objectType: 'agency',
      objectId: agencyId,
      agencyId,
      before,
      after: next,
    });
  });
  return next;
}

export const RulesInput = z.object({
  rules: z.array(
    z.object({
      topic: z.string().trim().min(1),
      villageId: z.preprocess(
        (v) => (v === '' || v == null ? null : v),
        z.coerce.number().int().positive().nullable(),
      ),
      officeId: z.coerce.number().int().positive(),
    }),
  ),
});

/** Replace the routing rules (the form lists them all). */
export async function saveRoutingRules(ctx: Ctx, agencyId: number, raw: unknown): Promise<RoutingRule[]> {
  assertCan(inquiryPolicy.manageSettings(ctx.actor, await agencyScope(ctx.db, agencyId)), { hide: true });
  const { rules } = parseInput(RulesInput, raw);
  const settings = await getInquirySettings(ctx.db, agencyId);
  const offices = new Set((await listOffices(ctx.db, agencyId)).map((o) => o.id));
  const villages = new Set((await listVillages(ctx.db, agencyId)).map((v) => v.id));
  for (const [i, r] of rules.entries()) {
    if (!settings.topics.includes(r.topic))
      throw new ValidationError(`第${i + 1}条规则的事项“${r.topic}”不在事项列表中`, { rules: '事项不存在' });
    if (!offices.has(r.officeId))
      throw new ValidationError(`第${i + 1}条规则的承办单位不存在`, { rules: '单位不存在' });
    if (r.villageId != null && !villages.has(r.villageId))
      throw new ValidationError(`第${i + 1}条规则的村不存在`, { rules: '村不存在' });
  }
  const before = await listRoutingRules(ctx.db, agencyId);
  const now = nowIso(ctx.clock.now());
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('inquiry_routing_rules').where('agency_id', '=', agencyId).execute();
    for (const r of rules)
      await trx
        .insertInto('inquiry_routing_rules')
        .values({
          agency_id: agencyId,
          topic: r.topic,
          village_id: r.villageId,
          office_id: r.officeId,
          created_at: now,
        })
        .execute();
    await recordEvent(trx, ctx, {
      action: 'inquiry.routing_rules_saved',
      objectType: 'agency',
      objectId: agencyId,
      agencyId,
      before,
      after: rules,
    });
  });
  return listRoutingRules(ctx.db, agencyId);
}
