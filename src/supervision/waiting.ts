/**
 * What a problem of the 整改台账 waits for, and on whom by name (issue 10, the 待我处理 inbox): 待整改 on its
 * responsible person and the unit's head and liaison (the clerks, else the administrator, when the unit has nobody: rectifierIds), 待销号 on a
 * second person of the supervision staff — a clerk, else a leader or the administrator — never the one who rectified
 * it nor the responsible person (closeOutRefusal), and a county 督办 waiting for an answer on the township's own
 * supervision staff. Pure over the organisation snapshot.
 */
import type { DbOrTrx } from '../db/database.ts';
import { holdersOf, orgSnapshot, type OrgSnapshot } from '../org/acting-persons.ts';
import type { WaitingItem } from '../notifications/waiting-item.ts';
import { problemLink } from './supervision.queries.ts';
import type { ProblemStatus } from './problem.ts';

/** The facts of a problem the waiting list needs. */
export interface WaitingProblem {
  id: number;
  reference: string;
  title: string;
  status: ProblemStatus;
  unitKind: string;
  unitId: number | null;
  unitName: string;
  responsibleUserId: number | null;
  rectifiedBy: number | null;
  deadline: string;
  /** The answer date of a 督办 still waiting, if any. */
  supervisionAnswerBy: string | null;
}

const COLUMNS = [
  'id',
  'reference',
  'title',
  'status',
  'unit_kind',
  'unit_id',
  'unit_name',
  'responsible_user_id',
  'rectified_by',
  'deadline',
] as const;

const role = (ids: number[]) => ({ userIds: ids, via: 'role' as const });

/** Who rectifies: the responsible person, the unit's head and liaison; the clerks when there is nobody. */
export function problemRectifiers(
  org: Pick<OrgSnapshot, 'users'>,
  p: Pick<WaitingProblem, 'responsibleUserId' | 'unitKind' | 'unitId'>,
): number[] {
  const active = new Set(org.users.map((u) => u.id));
  const ids = new Set<number>();
  if (p.responsibleUserId != null && active.has(p.responsibleUserId)) ids.add(p.responsibleUserId);
  if (p.unitId != null && p.unitKind === 'office')
    for (const id of holdersOf(org, ['office_head', 'liaison'], { officeId: p.unitId })) ids.add(id);
  if (p.unitId != null && p.unitKind === 'village')
    for (const id of holdersOf(org, ['office_head', 'liaison'], { villageId: p.unitId })) ids.add(id);
  if (!ids.size) for (const id of holdersOf(org, ['clerk'])) ids.add(id);
  // No clerk either: the administrator, whom the policy lets rectify (no dead end).
  if (!ids.size) for (const id of holdersOf(org, ['admin'])) ids.add(id);
  return [...ids];
}

/** Who closes out (销号): a clerk, else a leader or the administrator, other than the rectifier and the responsible. */
export function problemClosers(
  org: Pick<OrgSnapshot, 'users'>,
  p: Pick<WaitingProblem, 'rectifiedBy' | 'responsibleUserId'>,
): number[] {
  const exclude = [p.rectifiedBy, p.responsibleUserId].filter((x): x is number => x != null);
  const clerks = holdersOf(org, ['clerk'], { exclude });
  return clerks.length ? clerks : holdersOf(org, ['principal_leader', 'deputy_leader', 'admin'], { exclude });
}

/** The township's own supervision staff, who answer a 督办. */
export const supervisionAnswerers = (org: OrgSnapshot): number[] => {
  const clerks = holdersOf(org, ['clerk']);
  return clerks.length ? clerks : holdersOf(org, ['admin', 'principal_leader', 'deputy_leader']);
};

/** The items a problem waits on (pure over the snapshot). */
export function problemWaiting(org: OrgSnapshot, p: WaitingProblem): WaitingItem[] {
  const base = {
    objectType: 'sv_problem',
    objectId: p.id,
    title: `${p.reference} ${p.title}（${p.unitName}）`,
    link: problemLink(p.id),
    step: null,
    inbox: true,
  };
  const items: WaitingItem[] = [];
  if (p.status === 'open') {
    const rectifiers = problemRectifiers(org, p);
    // Nobody's rectification could then be closed out (four-eyes rule): say so now, not at the refusal.
    const blocked = rectifiers.every((id) => rectifyDeadEnd(org, p, id) != null);
    items.push({
      ...base,
      kind: 'supervision.rectify',
      label: '督查问题待整改',
      detail: blocked
        ? `整改期限${p.deadline}。本单位没有整改人和责任人以外可以复核销号的人员，请先联系系统管理员增加政务公开工作机构人员或领导账号`
        : `整改期限${p.deadline}，整改后上传佐证`,
      dueOn: p.deadline,
      persons: role(rectifiers),
    });
  }
  if (p.status === 'rectified')
    items.push({
      ...base,
      kind: 'supervision.close_out',
      label: '督查问题已整改待销号',
      detail: '由整改人和责任人以外的督查人员复核销号',
      dueOn: null,
      persons: role(problemClosers(org, p)),
    });
  if (p.supervisionAnswerBy != null)
    items.push({
      ...base,
      kind: 'supervision.answer',
      label: '县级督办待答复',
      detail: `须于${p.supervisionAnswerBy}前答复`,
      dueOn: p.supervisionAnswerBy,
      persons: role(supervisionAnswerers(org)),
    });
  return items;
}

/** Every waiting item of an agency's problem ledger. */
export async function listProblemWaiting(db: DbOrTrx, agencyId: number): Promise<WaitingItem[]> {
  const rows = await db
    .selectFrom('sv_problems')
    .select(COLUMNS)
    .where('agency_id', '=', agencyId)
    .where('status', 'in', ['open', 'rectified'])
    .execute();
  const waitingSv = await db
    .selectFrom('sv_supervisions as s')
    .innerJoin('sv_problems as p', 'p.id', 's.problem_id')
    .select(['s.problem_id', 's.answer_by'])
    .where('p.agency_id', '=', agencyId)
    .where('s.status', '=', 'waiting')
    .execute();
  if (rows.length === 0 && waitingSv.length === 0) return [];
  const org = await orgSnapshot(db, agencyId);
  const answerBy = new Map(waitingSv.map((s) => [Number(s.problem_id), s.answer_by]));
  const ids = new Set(rows.map((r) => Number(r.id)));
  // A 督办 on a closed problem still waits for its answer.
  const extra = [...answerBy.keys()].filter((id) => !ids.has(id));
  const closed = extra.length
    ? await db.selectFrom('sv_problems').select(COLUMNS).where('id', 'in', extra).execute()
    : [];
  return [...rows, ...closed].flatMap((r) =>
    problemWaiting(org, {
      id: Number(r.id),
      reference: r.reference,
      title: r.title,
      status: r.status as ProblemStatus,
      unitKind: r.unit_kind,
      unitId: r.unit_id == null ? null : Number(r.unit_id),
      unitName: r.unit_name,
      responsibleUserId: r.responsible_user_id == null ? null : Number(r.responsible_user_id),
      rectifiedBy: r.rectified_by == null ? null : Number(r.rectified_by),
      deadline: r.deadline,
      supervisionAnswerBy: answerBy.get(Number(r.id)) ?? null,
    }),
  );
}

/**
 * The refusal of a rectification that would leave the problem waiting for a 销号 nobody may give (issue 10, "no dead
 * ends"), or null. The four-eyes rule (closeOutRefusal) bars the rectifier and the responsible person; when the
 * agency has no other clerk, leader or administrator, the problem would sit in 待销号 for nobody. We refuse the
 * submission beforehand instead of routing the 销号 elsewhere: the county supervisor may close a problem under the
 * policy, but 销号 is the township's own re-check of its own 台账 (the county acts through 督办 and is not told of the
 * township's 待销号 items), and bending the rule to let the rectifier close it would defeat its purpose. If another
 * rectifier would leave a closer (e.g. the responsible person submits and this clerk closes), the message says so.
 */
export function rectifyDeadEnd(
  org: Pick<OrgSnapshot, 'users'>,
  p: Pick<WaitingProblem, 'responsibleUserId' | 'unitKind' | 'unitId'>,
  actorUserId: number,
): string | null {
  const after = { rectifiedBy: actorUserId, responsibleUserId: p.responsibleUserId };
  if (problemClosers(org, after).length > 0) return null;
  const others = problemRectifiers(org, p).filter(
    (id) =>
      id !== actorUserId &&
      problemClosers(org, { rectifiedBy: id, responsibleUserId: p.responsibleUserId }).length > 0,
  );
  const instead = others.length ? '可改由责任人或责任单位其他人员提交整改，再由您复核销号；或' : '请';
  return `销号须由整改人和责任人以外的第二人复核（整改与销号不得为同一人）。本单位除整改人和责任人外没有可以复核销号的人员（政务公开工作机构人员、分管或主要领导、系统管理员），提交后该问题将无人可以销号。${instead}联系系统管理员（本单位没有时为平台管理员）在“组织与用户”中增加一名政务公开工作机构人员或为领导开通账号后再提交整改`;
}
