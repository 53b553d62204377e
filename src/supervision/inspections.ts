/**
 * 专项督查 (每季度, 条例第四十七条): plan (quarter, targets among the agency's offices and villages — or, for a county,
 * its townships — and the checklist items), carry out per target (each item passed, or a problem recorded in the
 * ledger with evidence), and close. A county inspector holding the named permission plans inspections of its
 * townships; the problems go to the township's ledger.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { parseJson, toNumber } from '../db/values.ts';
import { assertCan, InvalidStateError, NotFoundError, ValidationError } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { agencyScope, findAgency, listOffices, listVillages } from '../org/org.queries.ts';
import type { AgencyScope } from '../org/access.ts';
import { supervisionPolicy } from './supervision.policy.ts';
import { ensureChecklist, listChecklist } from './checklist.queries.ts';
import { insertProblem, ProblemInput } from './record-problem.ts';
import type { EvidenceInput } from './evidence.ts';
import type { Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';

export const INSPECTION_STATUS_LABELS: Record<string, string> = {
  planned: '已计划',
  in_progress: '督查中',
  closed: '已结束',
};

export interface Inspection {
  id: number;
  agencyId: number;
  organizerAgencyId: number;
  year: number;
  quarter: number;
  title: string;
  status: 'planned' | 'in_progress' | 'closed';
  itemIds: number[];
  plannedByName: string;
  summary: string | null;
  closedAt: string | null;
  closedByName: string | null;
  createdAt: string;
}
export interface InspectionTarget {
  id: number;
  inspectionId: number;
  unitKind: 'office' | 'village' | 'agency';
  unitId: number;
  unitName: string;
  status: 'pending' | 'done';
  checkedAt: string | null;
  checkedByName: string | null;
}
export interface InspectionResult {
  id: number;
  targetId: number;
  itemId: number;
  outcome: 'passed' | 'problem';
  problemId: number | null;
  note: string | null;
}

const toInspection = (r: Selectable<DB['sv_inspections']>): Inspection => ({
  id: toNumber(r.id),
  agencyId: toNumber(r.agency_id),
  organizerAgencyId: toNumber(r.organizer_agency_id),
  year: toNumber(r.year),
  quarter: toNumber(r.quarter),
  title: r.title,
  status: r.status as Inspection['status'],
  itemIds: parseJson<number[]>(r.item_ids_json, []),
  plannedByName: r.planned_by_name,
  summary: r.summary,
  closedAt: r.closed_at,
  closedByName: r.closed_by_name,
  createdAt: r.created_at,
});

export async function listInspections(
  db: DbOrTrx,
  agencyIds: number[],
  year?: number,
): Promise<Inspection[]> {
  if (!agencyIds.length) return [];
  let q = db.selectFrom('sv_inspections').selectAll().where('agency_id', 'in', agencyIds);
  if (year) q = q.where('year', '=', year);
  return (await q.orderBy('year', 'desc').orderBy('quarter', 'desc').orderBy('id', 'desc').execute()).map(
    toInspection,
  );
}

export async function loadInspection(
  db: DbOrTrx,
  id: number,
): Promise<{
  inspection: Inspection;
  targets: InspectionTarget[];
  results: InspectionResult[];
  scope: AgencyScope;
}> {
  const r = await db.selectFrom('sv_inspections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('未找到该督查');
  const inspection = toInspection(r);
  const targets = (
    await db
      .selectFrom('sv_inspection_targets')
      .selectAll()
      .where('inspection_id', '=', id)
      .orderBy('id')
      .execute()
  ).map((t): InspectionTarget => ({
    id: toNumber(t.id),
    inspectionId: id,
    unitKind: t.unit_kind as InspectionTarget['unitKind'],
    unitId: toNumber(t.unit_id),
    unitName: t.unit_name,
    status: t.status as InspectionTarget['status'],
    checkedAt: t.checked_at,
    checkedByName: t.checked_by_name,
  }));
  const results = targets.length
    ? (
        await db
          .selectFrom('sv_inspection_results')
          .selectAll()
          .where(
            'target_id',
            'in',
            targets.map((t) => t.id),
          )
          .execute()
      ).map((x): InspectionResult => ({
        id: toNumber(x.id),
        targetId: toNumber(x.target_id),
        itemId: toNumber(x.item_id),
        outcome: x.outcome as InspectionResult['outcome'],
        problemId: x.problem_id == null ? null : toNumber(x.problem_id),
        note: x.note,
      }))
    : [];
  return { inspection, targets, results, scope: await agencyScope(db, inspection.agencyId) };
}

export const PlanInput = z.object({
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1, '请选择季度').max(4, '请选择季度'),
  title: z.string().trim().max(100).default(''),
  /** 'office:3', 'village:7', 'agency:12'. */
  targets: z.array(z.string().regex(/^(office|village|agency):\d+$/)).min(1, '请至少选择一个督查对象'),
  itemIds: z.array(z.number().int()).min(1, '请至少选择一个检查项目'),
});

/**
 * Plan an inspection of `agencyId`'s units, or (from a county) of townships below it: each township target gets its
 * own inspection in its own ledger's agency.
 */
export async function planInspection(
  ctx: Ctx,
  organizerAgencyId: number,
  input: z.infer<typeof PlanInput>,
): Promise<number[]> {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'system') throw new InvalidStateError('请先登录');
  const now = ctx.clock.now().toISOString();
  await ensureChecklist(ctx.db, organizerAgencyId, now);
  const items = await listChecklist(ctx.db, organizerAgencyId, true);
  const itemIds = input.itemIds.filter((i) => items.some((x) => x.id === i));
  if (!itemIds.length)
    throw new ValidationError('请至少选择一个检查项目', { itemIds: '请至少选择一个检查项目' });
  const parsed = input.targets.map((t) => {
    const [kind, id] = t.split(':');
    return { kind: kind as InspectionTarget['unitKind'], id: Number(id) };
  });
  const offices = await listOffices(ctx.db, organizerAgencyId);
  const villages = await listVillages(ctx.db, organizerAgencyId);
  const groups = new Map<number, { kind: InspectionTarget['unitKind']; id: number; name: string }[]>();
  for (const t of parsed) {
    if (t.kind === 'agency') {
      const a = await findAgency(ctx.db, t.id);
      if (!a || a.parentId !== organizerAgencyId)
        throw new ValidationError('督查对象不是本级下属乡镇', { targets: '督查对象有误' });
      assertCan(supervisionPolicy.inspect(ctx.actor, await agencyScope(ctx.db, a.id)), {
        message: '督查下级乡镇须由上级政务公开办的督办人员进行',
      });
      groups.set(a.id, [...(groups.get(a.id) ?? []), { kind: 'agency', id: a.id, name: a.name }]);
    } else {
      const unit = (t.kind === 'office' ? offices : villages).find((u) => u.id === t.id);
      if (!unit) throw new ValidationError('督查对象不属于本乡镇', { targets: '督查对象有误' });
      groups.set(organizerAgencyId, [
        ...(groups.get(organizerAgencyId) ?? []),
        { kind: t.kind, id: unit.id, name: unit.name },
      ]);
    }
  }
  if (groups.has(organizerAgencyId))
    assertCan(supervisionPolicy.inspect(ctx.actor, await agencyScope(ctx.db, organizerAgencyId)));
  const by = ctx.actor.kind === 'user' ? ctx.actor : null;
  const ids: number[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (const [agencyId, targets] of groups) {
      const title = input.title || `${input.year}年第${'一二三四'[input.quarter - 1]}季度政务公开专项督查`;
      const r = await trx
        .insertInto('sv_inspections')
        .values({
          agency_id: agencyId,
          organizer_agency_id: organizerAgencyId,
          year: input.year,
          quarter: input.quarter,
          title,
          status: 'planned',
          item_ids_json: JSON.stringify(itemIds),
          planned_by: by?.userId ?? null,
          planned_by_name: by?.name ?? '系统',
          summary: null,
          closed_at: null,
          closed_by_name: null,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const id = toNumber(r.id);
      ids.push(id);
      await trx
        .insertInto('sv_inspection_targets')
        .values(
          targets.map((t) => ({
            inspection_id: id,
            unit_kind: t.kind,
            unit_id: t.id,
            unit_name: t.name,
            status: 'pending',
            checked_at: null,
            checked_by_name: null,
          })),
        )
        .execute();
      await recordEvent(trx, ctx, {
        action: 'supervision.inspection_planned',
        objectType: 'sv_inspection',
        objectId: id,
        agencyId,
        after: { title, targets: targets.map((t) => t.name), items: itemIds.length },
      });
    }
  });
  return ids;
}

export const TargetResultInput = z.object({
  /** Per item: 'passed' or a problem. */
  results: z.array(
    z.object({
      itemId: z.number().int(),
      outcome: z.enum(['passed', 'problem']),
      note: z.string().trim().max(2000).default(''),
      problem: ProblemInput.partial().optional(),
      evidence: z.array(z.any()).default([]),
    }),
  ),
});
export type TargetResults = z.infer<typeof TargetResultInput>['results'];

/** Record the results of one target: every item passed or a problem (then in the ledger, with evidence). */
export async function checkTarget(
  ctx: Ctx,
  inspectionId: number,
  targetId: number,
  results: TargetResults,
): Promise<number[]> {
  const { inspection, targets, scope } = await loadInspection(ctx.db, inspectionId);
  assertCan(supervisionPolicy.inspect(ctx.actor, scope), {
    hide: !supervisionPolicy.read(ctx.actor, scope),
  });
  if (inspection.status === 'closed') throw new InvalidStateError('该督查已结束');
  const target = targets.find((t) => t.id === targetId);
  if (!target) throw new NotFoundError('未找到该督查对象');
  if (target.status === 'done') throw new InvalidStateError('该督查对象已记录结果');
  const missing = inspection.itemIds.filter((i) => !results.some((r) => r.itemId === i));
  if (missing.length)
    throw new ValidationError('每个检查项目都要选择“通过”或“发现问题”', {
      results: `还有${missing.length}项未选择`,
    });
  for (const r of results)
    if (r.outcome === 'problem' && !(r.problem?.title ?? '').trim())
      throw new ValidationError('发现问题的项目请填写问题描述', { [`problem-${r.itemId}`]: '请填写问题' });
  const now = ctx.clock.now().toISOString();
  const by = ctx.actor.kind === 'user' ? ctx.actor.name : '系统';
  const problemIds: number[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of results.filter((x) => inspection.itemIds.includes(x.itemId))) {
      let problemId: number | null = null;
      if (r.outcome === 'problem') {
        const pr = r.problem!;
        const p = await insertProblem(
          trx,
          ctx,
          inspection.agencyId,
          {
            // The target is responsible unless the inspector names another unit of the agency (a village's late
            // township review is the 党政办's to fix); the problem stays about the inspected village.
            ...(pr.unitKind
              ? { unitKind: pr.unitKind, unitId: pr.unitKind === 'agency' ? null : (pr.unitId ?? null) }
              : { unitKind: target.unitKind, unitId: target.unitKind === 'agency' ? null : target.unitId }),
            responsibleUserId: pr.responsibleUserId ?? null,
            responsibleName: pr.responsibleName ?? '',
            title: pr.title!,
            description: pr.description ?? r.note,
            deadline: pr.deadline ?? null,
            link: pr.link ?? null,
          },
          {
            source: inspection.organizerAgencyId !== inspection.agencyId ? 'county' : 'inspection',
            inspectionId,
            checklistItemId: r.itemId,
            checkKind: null,
            checkKey: null,
            villageId: target.unitKind === 'village' ? target.unitId : null,
          },
          r.evidence as EvidenceInput[],
        );
        problemId = p.id;
        problemIds.push(p.id);
      }
      await trx
        .insertInto('sv_inspection_results')
        .values({
          target_id: targetId,
          item_id: r.itemId,
          outcome: r.outcome,
          problem_id: problemId,
          note: r.note || null,
          created_at: now,
        })
        .execute();
    }
    await trx
      .updateTable('sv_inspection_targets')
      .set({ status: 'done', checked_at: now, checked_by_name: by })
      .where('id', '=', targetId)
      .execute();
    if (inspection.status === 'planned')
      await trx
        .updateTable('sv_inspections')
        .set({ status: 'in_progress' })
        .where('id', '=', inspectionId)
        .execute();
    await recordEvent(trx, ctx, {
      action: 'supervision.inspection_checked',
      objectType: 'sv_inspection',
      objectId: inspectionId,
      agencyId: inspection.agencyId,
      after: {
        target: target.unitName,
        passed: results.filter((x) => x.outcome === 'passed').length,
        problems: problemIds.length,
      },
    });
  });
  return problemIds;
}

export async function closeInspection(ctx: Ctx, inspectionId: number, summary: string): Promise<void> {
  const { inspection, targets, scope } = await loadInspection(ctx.db, inspectionId);
  assertCan(supervisionPolicy.inspect(ctx.actor, scope), {
    hide: !supervisionPolicy.read(ctx.actor, scope),
  });
  if (inspection.status === 'closed') throw new InvalidStateError('该督查已结束');
  const pending = targets.filter((t) => t.status !== 'done');
  if (pending.length)
    throw new InvalidStateError(
      `还有${pending.length}个督查对象未记录结果：${pending.map((t) => t.unitName).join('、')}`,
    );
  const by = ctx.actor.kind === 'user' ? ctx.actor.name : '系统';
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sv_inspections')
      .set({
        status: 'closed',
        summary: summary.trim() || null,
        closed_at: ctx.clock.now().toISOString(),
        closed_by_name: by,
      })
      .where('id', '=', inspectionId)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'supervision.inspection_closed',
      objectType: 'sv_inspection',
      objectId: inspectionId,
      agencyId: inspection.agencyId,
      after: { summary },
    });
  });
}
