/**
 * Record a problem in an agency's ledger (from an inspection, a daily check, the county or by hand): responsible
 * unit and person, deadline, evidence. The responsible people are notified in the same transaction.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import type { Trx } from '../db/database.ts';
import { assertCan, ValidationError } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { agencyScope, findAgency } from '../org/org.queries.ts';
import { addDays } from '../calendar/dates.ts';
import { supervisionPolicy } from './supervision.policy.ts';
import {
  nextProblemReference,
  notify,
  problemLink,
  rectifierIds,
  toProblem,
  type Problem,
} from './supervision.queries.ts';
import { checkEvidence, insertEvidence, type EvidenceInput } from './evidence.ts';
import { DEFAULT_RECTIFY_DAYS, type ProblemSource } from './problem.ts';
import { dateInput } from '../calendar/date-input.ts';
import { toNumber } from '../db/values.ts';
import { notifyVillageOfProblem } from './village-problems.ts';

export const ProblemInput = z.object({
  unitKind: z.enum(['office', 'village', 'agency'], { message: '请选择责任单位' }),
  unitId: z.number().int().nullable(),
  responsibleUserId: z.number().int().nullable(),
  responsibleName: z.string().trim().max(40).default(''),
  title: z.string().trim().min(2, '请填写问题（至少2个字）').max(200, '问题不超过200字'),
  description: z.string().trim().max(4000, '说明不超过4000字').default(''),
  deadline: dateInput('整改期限').nullable(),
  link: z.string().trim().max(500).nullable(),
  /** The village the problem is about (所涉村) when a township unit is responsible; derived when not given. */
  villageId: z.number().int().nullable().optional(),
});
export type ProblemInputT = z.infer<typeof ProblemInput>;

export interface ProblemOrigin {
  source: ProblemSource;
  inspectionId?: number | null;
  checklistItemId?: number | null;
  checkKind?: string | null;
  checkKey?: string | null;
  /** The village an inspection target was (the problem is about it whoever is responsible). */
  villageId?: number | null;
}

/** The unit's display name, checked to belong to the agency. */
async function unitName(trx: Trx, agencyId: number, kind: string, id: number | null): Promise<string> {
  if (kind === 'agency') return (await findAgency(trx, agencyId))?.name ?? '';
  if (id == null) throw new ValidationError('请选择责任单位', { unit: '请选择责任单位' });
  const table = kind === 'office' ? 'offices' : 'villages';
  const r = await trx
    .selectFrom(table)
    .select('name')
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!r) throw new ValidationError('责任单位不属于本乡镇', { unit: '责任单位不存在' });
  return r.name;
}

/** A village's page or item in a problem's link: /office/villages/items/N, /office/villages/v/N, ?village=N. */
const ITEM_LINK = /^\/office\/villages\/items\/(\d+)(?:[/?#]|$)/;
const PAGE_LINK = /^\/office\/villages(?:\/v\/(\d+)(?:[/?#]|$)|\?(?:.*&)?village=(\d+)(?:&|#|$))/;

/**
 * The village a problem is about (所涉村): the responsible village; else the one the recorder named, the inspected
 * village, or the village whose item or page the link opens. Each must be one of the agency's villages.
 */
async function subjectVillage(
  trx: Trx,
  agencyId: number,
  input: ProblemInputT,
  origin: ProblemOrigin,
): Promise<number | null> {
  if (input.unitKind === 'village') return input.unitId;
  const ofAgency = async (id: number) =>
    (await trx
      .selectFrom('villages')
      .select('id')
      .where('id', '=', id)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst())
      ? id
      : null;
  if (input.villageId != null) {
    if ((await ofAgency(input.villageId)) == null)
      throw new ValidationError('所涉村不属于本乡镇', { villageId: '所涉村不存在' });
    return input.villageId;
  }
  if (origin.villageId != null) return ofAgency(origin.villageId);
  const link = input.link ?? '';
  const item = ITEM_LINK.exec(link);
  if (item) {
    const d = await trx
      .selectFrom('village_disclosures')
      .select('village_id')
      .where('id', '=', Number(item[1]))
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    return d ? toNumber(d.village_id) : null;
  }
  const page = PAGE_LINK.exec(link);
  return page ? ofAgency(Number(page[1] ?? page[2])) : null;
}

/** Insert a problem inside a transaction (used by the web, inspections and the daily checks). Not authorised here. */
export async function insertProblem(
  trx: Trx,
  ctx: Ctx,
  agencyId: number,
  input: ProblemInputT,
  origin: ProblemOrigin,
  evidence: EvidenceInput[] = [],
): Promise<Problem> {
  checkEvidence(evidence);
  const today = ctx.clock.today();
  const deadline = input.deadline ?? addDays(today, DEFAULT_RECTIFY_DAYS);
  if (deadline < today)
    throw new ValidationError('整改期限不能早于今天', { deadline: '整改期限不能早于今天' });
  const name = await unitName(trx, agencyId, input.unitKind, input.unitId);
  const villageId = await subjectVillage(trx, agencyId, input, origin);
  let responsibleName = input.responsibleName;
  if (input.responsibleUserId != null) {
    const u = await trx
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', input.responsibleUserId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    if (!u) throw new ValidationError('责任人不属于本乡镇', { responsibleUserId: '责任人不存在' });
    responsibleName = u.display_name;
  }
  if (!responsibleName) responsibleName = `${name}负责人`;
  const now = ctx.clock.now().toISOString();
  const actorName = ctx.actor.kind === 'public' ? '公众' : ctx.actor.name;
  const row = await trx
    .insertInto('sv_problems')
    .values({
      agency_id: agencyId,
      reference: await nextProblemReference(trx, agencyId, Number(today.slice(0, 4))),
      source: origin.source,
      inspection_id: origin.inspectionId ?? null,
      checklist_item_id: origin.checklistItemId ?? null,
      unit_kind: input.unitKind,
      unit_id: input.unitKind === 'agency' ? null : input.unitId,
      unit_name: name,
      village_id: villageId,
      responsible_user_id: input.responsibleUserId,
      responsible_name: responsibleName,
      title: input.title,
      description: input.description,
      link: input.link || null,
      check_kind: origin.checkKind ?? null,
      check_key: origin.checkKey ?? null,
      found_on: today,
      deadline,
      status: 'open',
      is_recurring: 0,
      reopen_count: 0,
      recorded_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      recorded_by_name: actorName,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const problem = toProblem(row);
  await insertEvidence(trx, ctx, problem.id, 'found', evidence);
  await recordEvent(trx, ctx, {
    action: 'supervision.problem_recorded',
    objectType: 'sv_problem',
    objectId: problem.id,
    agencyId,
    after: {
      reference: problem.reference,
      unit: name,
      responsible: responsibleName,
      deadline,
      title: input.title,
    },
  });
  const rectifiers = await rectifierIds(trx, problem);
  await notify(trx, ctx, rectifiers, {
    kind: 'supervision.problem',
    title: `待整改：${problem.title}（${name}，${deadline}前整改到位）`,
    body: `${problem.reference}：请在整改期限前完成整改并上传佐证材料，整改后由第二人复核销号。`,
    link: problemLink(problem.id),
  });
  await notifyVillageOfProblem(trx, ctx, problem, 'opened', rectifiers);
  return problem;
}

/** Record a problem by hand (日常发现, or the county in a township's ledger). */
export async function recordProblem(
  ctx: Ctx,
  agencyId: number,
  input: ProblemInputT,
  evidence: EvidenceInput[] = [],
  opts: { fromLastReport?: boolean } = {},
): Promise<Problem> {
  const scope = await agencyScope(ctx.db, agencyId);
  assertCan(supervisionPolicy.inspect(ctx.actor, scope), {
    hide: !supervisionPolicy.read(ctx.actor, scope),
  });
  const fromAbove = ctx.actor.kind === 'user' && ctx.actor.agencyId !== agencyId;
  return ctx.db
    .transaction()
    .execute((trx) =>
      insertProblem(
        trx,
        ctx,
        agencyId,
        input,
        { source: fromAbove ? 'county' : opts.fromLastReport ? 'annual_report' : 'manual' },
        evidence,
      ),
    );
}
