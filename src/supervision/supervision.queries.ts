/**
 * All SQL of 监督保障 that more than one use case needs: settings, problems (row → domain),
 * the ledger, notifications to the people a waiting state names. Driver values are normalised here.
 */
import { z } from 'zod';
import type { DbOrTrx, Trx } from '../db/database.ts';
import { parseJson, toBool, toNumber } from '../db/values.ts';
import type { Ctx } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { agencyScope } from '../org/org.queries.ts';
import type { AgencyScope } from '../org/access.ts';
import { nextSerial } from '../serials/next-serial.ts';
import { notify as writeNotifications, type NotificationInput } from '../notifications/notify.ts';
import { DEFAULT_FOLLOW_UP_DAYS, type ProblemSource, type ProblemStatus } from './problem.ts';
import type { Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';

// ---------- settings ----------

export const SETTINGS_KEY = 'supervision.settings';

export const SupervisionSettingsSchema = z.object({
  /** 回头看 offsets after 销号, in days. */
  followUpDays: z.array(z.number().int().min(1).max(730)).min(1).max(5),
  /** 错敏词: words that must not appear in published text. */
  sensitiveWords: z.array(z.string().min(1).max(40)).max(500),
  /** Leaders' names and posts (领导姓名职务名单). */
  leaders: z.array(z.object({ name: z.string().min(2).max(10), post: z.string().min(2).max(30) })).max(100),
  /** Also request external links found in published items (bounded per run). */
  checkExternalLinks: z.boolean(),
  externalLinkLimit: z.number().int().min(1).max(200),
});
export type SupervisionSettings = z.infer<typeof SupervisionSettingsSchema>;

export const DEFAULT_SETTINGS: SupervisionSettings = {
  followUpDays: [...DEFAULT_FOLLOW_UP_DAYS],
  sensitiveWords: [],
  leaders: [],
  checkExternalLinks: false,
  externalLinkLimit: 20,
};

export async function settingsOf(db: DbOrTrx, agencyId: number): Promise<SupervisionSettings> {
  const r = await db
    .selectFrom('agency_settings')
    .select('value_json')
    .where('agency_id', '=', agencyId)
    .where('key', '=', SETTINGS_KEY)
    .executeTakeFirst();
  if (!r) return { ...DEFAULT_SETTINGS };
  const parsed = SupervisionSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...parseJson(r.value_json, {}) });
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export async function writeSettings(trx: DbOrTrx, agencyId: number, s: SupervisionSettings, now: string) {
  await trx
    .insertInto('agency_settings')
    .values({ agency_id: agencyId, key: SETTINGS_KEY, value_json: JSON.stringify(s), updated_at: now })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'key']).doUpdateSet({ value_json: JSON.stringify(s), updated_at: now }),
    )
    .execute();
}

// ---------- problems ----------

export interface Problem {
  id: number;
  agencyId: number;
  reference: string;
  source: ProblemSource;
  inspectionId: number | null;
  checklistItemId: number | null;
  unitKind: string;
  unitId: number | null;
  unitName: string;
  /** The village the problem is about (所涉村), whoever is responsible; null: none. */
  villageId: number | null;
  responsibleUserId: number | null;
  responsibleName: string;
  title: string;
  description: string;
  link: string | null;
  checkKind: string | null;
  checkKey: string | null;
  foundOn: string;
  deadline: string;
  status: ProblemStatus;
  isRecurring: boolean;
  reopenCount: number;
  rectifiedOn: string | null;
  rectificationNote: string | null;
  rectifiedBy: number | null;
  rectifiedByName: string | null;
  closedOn: string | null;
  closedBy: number | null;
  closedByName: string | null;
  closeNote: string | null;
  escalatedOn: string | null;
  recordedBy: number | null;
  recordedByName: string;
  createdAt: string;
  version: number;
}

export function toProblem(r: Selectable<DB['sv_problems']>): Problem {
  return {
    id: toNumber(r.id),
    agencyId: toNumber(r.agency_id),
    reference: r.reference,
    source: r.source as Problem['source'],
    inspectionId: r.inspection_id == null ? null : toNumber(r.inspection_id),
    checklistItemId: r.checklist_item_id == null ? null : toNumber(r.checklist_item_id),
    unitKind: r.unit_kind,
    unitId: r.unit_id == null ? null : toNumber(r.unit_id),
    unitName: r.unit_name,
    villageId: r.village_id == null ? null : toNumber(r.village_id),
    responsibleUserId: r.responsible_user_id == null ? null : toNumber(r.responsible_user_id),
    responsibleName: r.responsible_name,
    title: r.title,
    description: r.description,
    link: r.link,
    checkKind: r.check_kind,
    checkKey: r.check_key,
    foundOn: r.found_on,
    deadline: r.deadline,
    status: r.status as Problem['status'],
    isRecurring: toBool(r.is_recurring),
    reopenCount: toNumber(r.reopen_count),
    rectifiedOn: r.rectified_on,
    rectificationNote: r.rectification_note,
    rectifiedBy: r.rectified_by == null ? null : toNumber(r.rectified_by),
    rectifiedByName: r.rectified_by_name,
    closedOn: r.closed_on,
    closedBy: r.closed_by == null ? null : toNumber(r.closed_by),
    closedByName: r.closed_by_name,
    closeNote: r.close_note,
    escalatedOn: r.escalated_on,
    recordedBy: r.recorded_by == null ? null : toNumber(r.recorded_by),
    recordedByName: r.recorded_by_name,
    createdAt: r.created_at,
    version: toNumber(r.version),
  };
}

export async function findProblem(db: DbOrTrx, id: number): Promise<Problem | undefined> {
  const r = await db.selectFrom('sv_problems').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toProblem(r) : undefined;
}

/** A problem with its agency scope (not found for a missing id). */
export async function loadProblem(
  db: DbOrTrx,
  id: number,
): Promise<{ problem: Problem; scope: AgencyScope }> {
  const problem = await findProblem(db, id);
  if (!problem) throw new NotFoundError('未找到该问题');
  return { problem, scope: await agencyScope(db, problem.agencyId) };
}

export interface LedgerQuery {
  status?: ProblemStatus | 'overdue' | 'recurring';
  year?: number;
  unit?: string;
  /** Only the problems that concern this village-only user (concernsVillageView, in SQL). */
  concern?: { villageId: number; userId: number };
}

export async function listProblems(
  db: DbOrTrx,
  agencyId: number,
  q: LedgerQuery,
  today: string,
): Promise<Problem[]> {
  let s = db.selectFrom('sv_problems').selectAll().where('agency_id', '=', agencyId);
  if (q.status === 'overdue') s = s.where('status', '=', 'open').where('deadline', '<', today);
  else if (q.status === 'recurring') s = s.where('is_recurring', '=', 1);
  else if (q.status) s = s.where('status', '=', q.status);
  if (q.year) s = s.where('found_on', '>=', `${q.year}-01-01`).where('found_on', '<=', `${q.year}-12-31`);
  const v = q.concern;
  if (v)
    s = s.where((eb) =>
      eb.or([
        eb.and([eb('unit_kind', '=', 'village'), eb('unit_id', '=', v.villageId)]),
        eb('village_id', '=', v.villageId),
        eb('responsible_user_id', '=', v.userId),
      ]),
    );
  const rows = await s.orderBy('id', 'desc').limit(1000).execute();
  return rows.map(toProblem);
}

/** Pending 回头看 per problem id. */
export async function pendingFollowUpCounts(db: DbOrTrx, ids: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('sv_follow_ups')
    .select(['problem_id', (eb) => eb.fn.countAll().as('n')])
    .where('problem_id', 'in', ids)
    .where('status', '=', 'scheduled')
    .groupBy('problem_id')
    .execute();
  for (const r of rows) out.set(toNumber(r.problem_id), toNumber(r.n));
  return out;
}

export async function waitingSupervisionIds(db: DbOrTrx, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('sv_supervisions')
    .select('problem_id')
    .where('problem_id', 'in', ids)
    .where('status', '=', 'waiting')
    .execute();
  return new Set(rows.map((r) => toNumber(r.problem_id)));
}

/** The next ledger reference of an agency, e.g. ZG-2026-0007 (gap-free inside the caller's transaction). */
export async function nextProblemReference(trx: Trx, agencyId: number, year: number): Promise<string> {
  const n = await nextSerial(trx, `supervision.problem:${agencyId}:${year}`);
  return `ZG${agencyId}-${year}-${String(n).padStart(4, '0')}`;
}

// ---------- people to notify ----------

async function activeUsers(db: DbOrTrx, agencyId: number, roles: string[]) {
  return db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.office_id', 'users.village_id', 'user_roles.role'])
    .where('users.agency_id', '=', agencyId)
    .where('users.is_active', '=', 1)
    .where('user_roles.role', 'in', roles)
    .execute();
}

/** Users of the agency's disclosure office (clerks), who re-check and close problems. */
export async function clerkIds(db: DbOrTrx, agencyId: number): Promise<number[]> {
  return [...new Set((await activeUsers(db, agencyId, ['clerk'])).map((u) => toNumber(u.id)))];
}

/** Who rectifies a problem: its responsible person and the unit's head and liaison. */
export async function rectifierIds(db: DbOrTrx, p: Problem): Promise<number[]> {
  const ids = new Set<number>();
  if (p.responsibleUserId != null) ids.add(p.responsibleUserId);
  if (p.unitId != null && (p.unitKind === 'office' || p.unitKind === 'village')) {
    for (const u of await activeUsers(db, p.agencyId, ['office_head', 'liaison'])) {
      const unit = p.unitKind === 'office' ? u.office_id : u.village_id;
      if (unit != null && toNumber(unit) === p.unitId) ids.add(toNumber(u.id));
    }
  }
  if (!ids.size) for (const id of await clerkIds(db, p.agencyId)) ids.add(id);
  // No clerk either: the administrator, whom the policy lets rectify (no dead end, issue 10).
  if (!ids.size) for (const u of await activeUsers(db, p.agencyId, ['admin'])) ids.add(toNumber(u.id));
  return [...ids];
}

/** Leaders an overdue rectification escalates to. */
export async function leaderIds(db: DbOrTrx, agencyId: number): Promise<number[]> {
  return [
    ...new Set(
      (await activeUsers(db, agencyId, ['principal_leader', 'deputy_leader'])).map((u) => toNumber(u.id)),
    ),
  ];
}

/** Write one reminder to each user (deduplicated), inside the caller's transaction (the shared writer). */
export async function notify(
  trx: DbOrTrx,
  ctx: Pick<Ctx, 'clock'>,
  userIds: Iterable<number>,
  n: NotificationInput,
  opts: { unlessSince?: string } = {},
): Promise<number> {
  return writeNotifications(trx, ctx.clock.now(), userIds, n, opts);
}

export const problemLink = (id: number) => `/office/supervision/problems/${id}`;
