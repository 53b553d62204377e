/**
 * 考核 (条例第五十条第（四）项; the seed report: 纳入乡镇年度目标责任考核): the annual score of each office and village
 * from the system's own records plus manual items, with the formula shown beside the result. Units are scored,
 * never persons: no activity counts, check-ins or rankings of people. Also the 责任追究 records (who, what, basis,
 * measure).
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { parseJson, toNumber } from '../db/values.ts';
import { assertCan, InvalidStateError, ValidationError } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { agencyScope, listOffices, listVillages } from '../org/org.queries.ts';
import { supervisionPolicy } from './supervision.policy.ts';
import { allProblems } from './supervision-stats.ts';
import { dateInput } from '../calendar/date-input.ts';

/** Weights of the record-based items; together they make AUTO_POINTS of the 100. */
export const AUTO_ITEMS = [
  { code: 'publication_timeliness', label: '主动公开按时率', weight: 30, basis: '《条例》第二十六条' },
  { code: 'reply_timeliness', label: '依申请公开按期答复率', weight: 20, basis: '《条例》第三十三条' },
  { code: 'rectification_on_time', label: '问题按期整改率', weight: 30, basis: '整改台账' },
  { code: 'no_recurrence', label: '问题未复发率', weight: 20, basis: '回头看' },
] as const;
export const AUTO_POINTS = 80;
export const MANUAL_POINTS = 20;

export const FORMULA =
  `记录得分 = ${AUTO_POINTS} × Σ(权重 × 比率) ÷ Σ(有记录项目的权重)；比率：主动公开按时率 = 按时公开条数 ÷ 应公开条数，` +
  `按期答复率 = 按期答复件数 ÷ 办结件数，按期整改率 = 按期整改问题数 ÷ 到期问题数，未复发率 = 1 − 复发问题数 ÷ 问题总数；` +
  `本年度无记录的项目不计入分母，全部项目均无记录的单位记录得分为${AUTO_POINTS}分。总分 = 记录得分 + 人工评分项（合计不超过${MANUAL_POINTS}分）。只考核单位，不对个人排名。`;

export interface ItemScore {
  code: string;
  label: string;
  weight: number;
  numerator: number;
  denominator: number;
  /** null: no record this year (left out of the denominator). */
  rate: number | null;
}
export interface UnitScore {
  unitKind: 'office' | 'village';
  unitId: number;
  unitName: string;
  items: ItemScore[];
  auto: number;
  manual: number;
  total: number;
}
export interface ManualItem {
  label: string;
  max: number;
  /** Points per unit key 'office:3'. */
  scores: Record<string, number>;
}
export interface Assessment {
  id: number;
  year: number;
  status: 'draft' | 'final';
  manual: ManualItem[];
  results: UnitScore[];
  computedAt: string;
  finalisedAt: string | null;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The record-based score from item rates. Pure. */
export function autoScore(items: ItemScore[]): number {
  const used = items.filter((i) => i.rate != null);
  const w = used.reduce((s, i) => s + i.weight, 0);
  // A unit with no record at all this year has nothing to lose points on.
  if (!w) return AUTO_POINTS;
  return round1((AUTO_POINTS * used.reduce((s, i) => s + i.weight * i.rate!, 0)) / w);
}

const rate = (n: number, d: number) => (d === 0 ? null : n / d);

export async function computeUnitScores(
  db: DbOrTrx,
  agencyId: number,
  year: number,
  manual: ManualItem[],
): Promise<UnitScore[]> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const [offices, villages, problems, pubs, reqs] = await Promise.all([
    listOffices(db, agencyId),
    listVillages(db, agencyId),
    allProblems(db, agencyId),
    db
      .selectFrom('publications')
      .select(['office_id', 'published_on', 'due_on', 'status'])
      .where('agency_id', '=', agencyId)
      .where('attribute', '=', 'proactive')
      .where('due_on', '>=', first)
      .where('due_on', '<=', last)
      .execute(),
    db
      .selectFrom('info_requests')
      .select(['office_id', 'closed_on', 'due_on'])
      .where('agency_id', '=', agencyId)
      .where('closed_on', '>=', first)
      .where('closed_on', '<=', last)
      .execute(),
  ]);
  const units = [
    ...offices.map((o) => ({ unitKind: 'office' as const, unitId: o.id, unitName: o.name })),
    ...villages.map((v) => ({ unitKind: 'village' as const, unitId: v.id, unitName: v.name })),
  ];
  return units.map((u) => {
    const key = `${u.unitKind}:${u.unitId}`;
    const myPubs =
      u.unitKind === 'office'
        ? pubs.filter((p) => p.office_id != null && toNumber(p.office_id) === u.unitId)
        : [];
    const duePubs = myPubs.filter(
      (p) => p.status === 'published' || p.status === 'withdrawn' || p.due_on <= last,
    );
    const onTime = duePubs.filter((p) => p.published_on != null && p.published_on <= p.due_on).length;
    const myReqs =
      u.unitKind === 'office'
        ? reqs.filter((r) => r.office_id != null && toNumber(r.office_id) === u.unitId)
        : [];
    const replied = myReqs.filter((r) => r.due_on == null || r.closed_on! <= r.due_on).length;
    const myProblems = problems.filter(
      (p) => p.unitKind === u.unitKind && p.unitId === u.unitId && p.foundOn >= first && p.foundOn <= last,
    );
    const due = myProblems.filter((p) => p.deadline <= last);
    const fixedOnTime = due.filter(
      (p) => p.rectifiedOn != null && p.rectifiedOn <= p.deadline && p.status !== 'open',
    ).length;
    const recurring = myProblems.filter((p) => p.isRecurring).length;
    const items: ItemScore[] = [
      {
        ...AUTO_ITEMS[0],
        numerator: onTime,
        denominator: duePubs.length,
        rate: rate(onTime, duePubs.length),
      },
      {
        ...AUTO_ITEMS[1],
        numerator: replied,
        denominator: myReqs.length,
        rate: rate(replied, myReqs.length),
      },
      {
        ...AUTO_ITEMS[2],
        numerator: fixedOnTime,
        denominator: due.length,
        rate: rate(fixedOnTime, due.length),
      },
      {
        ...AUTO_ITEMS[3],
        numerator: myProblems.length - recurring,
        denominator: myProblems.length,
        rate: rate(myProblems.length - recurring, myProblems.length),
      },
    ].map(({ code, label, weight, numerator, denominator, rate: r }) => ({
      code,
      label,
      weight,
      numerator,
      denominator,
      rate: r,
    }));
    const auto = autoScore(items);
    const man = round1(manual.reduce((s, m) => s + Math.min(m.max, Math.max(0, m.scores[key] ?? 0)), 0));
    return { ...u, items, auto, manual: man, total: round1(auto + man) };
  });
}

export const ManualInput = z
  .array(
    z.object({
      label: z.string().trim().min(2, '请填写评分项名称').max(40),
      max: z.number().min(0.5).max(MANUAL_POINTS),
      scores: z.record(z.string(), z.number().min(0)),
    }),
  )
  .max(10);

export async function computeAssessment(
  ctx: Ctx,
  agencyId: number,
  year: number,
  manual: ManualItem[],
): Promise<Assessment> {
  assertCan(supervisionPolicy.manage(ctx.actor, await agencyScope(ctx.db, agencyId)));
  if (manual.reduce((s, m) => s + m.max, 0) > MANUAL_POINTS)
    throw new ValidationError(`人工评分项合计不能超过${MANUAL_POINTS}分`, {
      manual: `合计不超过${MANUAL_POINTS}分`,
    });
  for (const m of manual)
    for (const v of Object.values(m.scores))
      if (v > m.max)
        throw new ValidationError(`“${m.label}”的得分不能超过${m.max}分`, { manual: '得分超过满分' });
  const existing = await findAssessment(ctx.db, agencyId, year);
  if (existing?.status === 'final') throw new InvalidStateError('考核结果已确定，不能重新计算');
  const results = await computeUnitScores(ctx.db, agencyId, year, manual);
  const by = ctx.actor.kind === 'user' ? ctx.actor.name : '系统';
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const values = {
      manual_json: JSON.stringify(manual),
      results_json: JSON.stringify(results),
      computed_at: now,
      computed_by_name: by,
    };
    if (existing) await trx.updateTable('sv_assessments').set(values).where('id', '=', existing.id).execute();
    else
      await trx
        .insertInto('sv_assessments')
        .values({
          agency_id: agencyId,
          year,
          status: 'draft',
          ...values,
          finalised_at: null,
          finalised_by_name: null,
        })
        .execute();
    await recordEvent(trx, ctx, {
      action: 'supervision.assessment_computed',
      objectType: 'sv_assessment',
      objectId: year,
      agencyId,
      after: { year, units: results.map((r) => ({ unit: r.unitName, total: r.total })) },
    });
  });
  return (await findAssessment(ctx.db, agencyId, year))!;
}

export async function finaliseAssessment(ctx: Ctx, agencyId: number, year: number): Promise<void> {
  assertCan(supervisionPolicy.manage(ctx.actor, await agencyScope(ctx.db, agencyId)));
  const a = await findAssessment(ctx.db, agencyId, year);
  if (!a) throw new InvalidStateError('请先计算考核得分');
  if (a.status === 'final') throw new InvalidStateError('考核结果已确定');
  const by = ctx.actor.kind === 'user' ? ctx.actor.name : '系统';
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sv_assessments')
      .set({ status: 'final', finalised_at: ctx.clock.now().toISOString(), finalised_by_name: by })
      .where('id', '=', a.id)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'supervision.assessment_finalised',
      objectType: 'sv_assessment',
      objectId: year,
      agencyId,
      after: { year },
    });
  });
}

export async function findAssessment(
  db: DbOrTrx,
  agencyId: number,
  year: number,
): Promise<Assessment | undefined> {
  const r = await db
    .selectFrom('sv_assessments')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: toNumber(r.id),
    year: toNumber(r.year),
    status: r.status as Assessment['status'],
    manual: parseJson<ManualItem[]>(r.manual_json, []),
    results: parseJson<UnitScore[]>(r.results_json, []),
    computedAt: r.computed_at,
    finalisedAt: r.finalised_at,
  };
}

// ---------- 责任追究 ----------

export const AccountabilityInput = z.object({
  decidedOn: dateInput('决定日期'),
  person: z.string().trim().min(2, '请填写被追责人或单位').max(60),
  matter: z.string().trim().min(4, '请填写追责事由').max(1000),
  basis: z.string().trim().min(4, '请填写追责依据（如《条例》第五十三条）').max(500),
  measure: z.string().trim().min(2, '请填写处理措施').max(200),
});

export interface Accountability {
  id: number;
  decidedOn: string;
  person: string;
  matter: string;
  basis: string;
  measure: string;
}

export async function recordAccountability(
  ctx: Ctx,
  agencyId: number,
  input: z.infer<typeof AccountabilityInput>,
): Promise<void> {
  assertCan(supervisionPolicy.manage(ctx.actor, await agencyScope(ctx.db, agencyId)));
  const by = ctx.actor.kind === 'user' ? ctx.actor.name : '系统';
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('sv_accountability')
      .values({
        agency_id: agencyId,
        decided_on: input.decidedOn,
        person: input.person,
        matter: input.matter,
        basis: input.basis,
        measure: input.measure,
        created_by_name: by,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      action: 'supervision.accountability_recorded',
      objectType: 'sv_accountability',
      objectId: toNumber(r.id),
      agencyId,
      after: input,
    });
  });
}

export async function listAccountability(
  db: DbOrTrx,
  agencyId: number,
  year: number,
): Promise<Accountability[]> {
  const rows = await db
    .selectFrom('sv_accountability')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('decided_on', '>=', `${year}-01-01`)
    .where('decided_on', '<=', `${year}-12-31`)
    .orderBy('decided_on')
    .execute();
  return rows.map((r) => ({
    id: toNumber(r.id),
    decidedOn: r.decided_on,
    person: r.person,
    matter: r.matter,
    basis: r.basis,
    measure: r.measure,
  }));
}
