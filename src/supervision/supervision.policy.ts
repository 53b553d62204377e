/**
 * Who may do what in 监督保障. Default-deny predicates over the actor and the agency scope of the record (and, for
 * rectifying, a few facts of the problem). One model for the county (docs/supervision.md, "County"):
 * - `inspector` (县政务公开办（督查）) reads every agency below: ledgers, inspections, bulletins, the county dashboard;
 *   it never writes;
 * - `supervisor` (县政务公开办（督办）) holds the named permission `county.supervision` (src/org/permissions.ts): it
 *   plans inspections of the townships below, records problems in their ledgers, issues 督办 on an overdue item,
 *   and reads what that needs, read-only otherwise.
 * The permission comes with the role, granted and taken away with the role (audited), never row by row.
 */
import type { Actor } from '../context.ts';
import { canReadAgencyData, hasRole, isMember, isVillageOnly, type AgencyScope } from '../org/access.ts';
import { hasCountyPermission, holdsCountyPermission } from '../org/permissions.ts';

/** The agency's own supervision staff: the disclosure office, its leaders, the administrator. */
function isOwnManager(actor: Actor, scope: AgencyScope): boolean {
  return isMember(actor, scope) && hasRole(actor, 'clerk', 'admin', 'principal_leader', 'deputy_leader');
}

/** A county user holding `county.supervision`, in an agency above the scope. */
function isCountySupervisor(actor: Actor, scope: AgencyScope): boolean {
  return hasCountyPermission(actor, scope, 'county.supervision');
}

export interface RectifyFacts {
  responsibleUserId: number | null;
  unitKind: string;
  unitId: number | null;
}

/** The facts of a problem that decide whether a village-only user may read it. */
export interface ProblemConcern {
  unitKind: string;
  unitId: number | null;
  /** The village the problem is about (所涉村), whoever is responsible. */
  villageId: number | null;
  responsibleUserId: number | null;
}

/** The one village a village-only member of the scope works for, with the user, else null. */
export function villageViewOf(
  actor: Actor,
  scope: AgencyScope,
): { villageId: number; userId: number } | null {
  if (actor.kind !== 'user' || !isMember(actor, scope) || !isVillageOnly(actor)) return null;
  return { villageId: actor.villageId!, userId: actor.userId };
}

/**
 * A problem concerns a village-only user when it was recorded against their village (责任单位 is the village: the
 * daily checks of 村级公开, an inspection target, or by hand), when it is about their village while a township unit
 * must fix it (所涉村: found by an inspection of the village, or about one of its disclosure items — they read it, to
 * supply material and see it fixed, but do not act on it: rectify), or names them as the responsible person.
 */
export function concernsVillageView(p: ProblemConcern, v: { villageId: number; userId: number }): boolean {
  return (
    (p.unitKind === 'village' && p.unitId === v.villageId) ||
    p.villageId === v.villageId ||
    p.responsibleUserId === v.userId
  );
}

const readAgency = (actor: Actor, scope: AgencyScope): boolean =>
  canReadAgencyData(actor, scope) || isCountySupervisor(actor, scope);

export const supervisionPolicy = {
  /**
   * Read a whole agency's supervision data (the ledger, inspections, bulletins, figures, trainings, evaluation,
   * assessment): its own staff, an inspector above and the county supervisor above. Not a village-only user (a
   * village liaison or 村务监督委员会 member, isVillageOnly): they read only the problems that concern their own
   * village (readProblem; 村民委员会组织法第三十二条: the village's 监督机构 supervises its own village's 村务公开).
   */
  read: readAgency,
  /** Read one problem: whoever reads the ledger, or a village-only member whose village or person it concerns. */
  readProblem: (actor: Actor, scope: AgencyScope, p: ProblemConcern) => {
    if (readAgency(actor, scope)) return true;
    const v = villageViewOf(actor, scope);
    return v != null && concernsVillageView(p, v);
  },
  /** Plan and carry out inspections, record problems, 销号, 回头看. */
  inspect: (actor: Actor, scope: AgencyScope) =>
    actor.kind === 'system' || isOwnManager(actor, scope) || isCountySupervisor(actor, scope),
  /** Plan, from the county's own pages, inspections of the agencies below: the county supervisor. */
  planBelow: (actor: Actor) => holdsCountyPermission(actor, 'county.supervision'),
  /** Settings, checklist, bulletins, trainings, evaluation, assessment, 责任追究: the agency's own staff only. */
  manage: (actor: Actor, scope: AgencyScope) => actor.kind === 'system' || isOwnManager(actor, scope),
  /** Record a rectification: the responsible person, the unit's head or liaison, or the disclosure office. */
  rectify: (actor: Actor, scope: AgencyScope, p: RectifyFacts) => {
    if (actor.kind !== 'user' || !isMember(actor, scope)) return false;
    if (p.responsibleUserId === actor.userId) return true;
    if (hasRole(actor, 'clerk', 'admin')) return true;
    if (p.unitKind === 'office' && p.unitId != null && actor.officeId === p.unitId)
      return hasRole(actor, 'office_head', 'liaison');
    if (p.unitKind === 'village' && p.unitId != null && actor.villageId === p.unitId)
      return hasRole(actor, 'liaison', 'office_head');
    return false;
  },
  /** Issue 督办 on a township's overdue problem or request: the county supervisor above it. */
  superviseFromAbove: (actor: Actor, scope: AgencyScope) => isCountySupervisor(actor, scope),
  /** Answer a 督办: the township's own supervision staff. */
  answerSupervision: (actor: Actor, scope: AgencyScope) => isOwnManager(actor, scope),
  /** Raw comments of social evaluation (before screening): the agency's own supervision staff only. */
  readRawComments: (actor: Actor, scope: AgencyScope) => isOwnManager(actor, scope),
};
