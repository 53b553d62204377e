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
import { canReadAgencyData, hasRole, isMember, type AgencyScope } from '../org/access.ts';
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

export const supervisionPolicy = {
  /**
   * Read the ledgers. Its own staff, an inspector above and the county supervisor above read them; any member still reads them too: a village's liaison opens and rectifies the problems recorded
   * against their village (rectify), which the problem pages need; narrowing that to the village's own problems is
   * the supervision feature's to do.
   */
  read: (actor: Actor, scope: AgencyScope) =>
    canReadAgencyData(actor, scope) || isMember(actor, scope) || isCountySupervisor(actor, scope),
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
