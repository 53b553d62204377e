/**
 * Who may do what in 监督保障. Default-deny predicates over the actor, the agency scope of the record and a few
 * facts; the county's right to plan inspections of its townships, record problems in their ledgers and issue 督办
 * is a separate named permission (COUNTY_PERMISSION, granted and revoked with an audit row), never implied by the
 * read-only inspector role.
 */
import type { Actor } from '../context.ts';
import { canReadAgencyData, hasRole, isInspectorAbove, isMember, type AgencyScope } from '../org/access.ts';

export const COUNTY_PERMISSION = 'county_supervision';
export const PERMISSION_LABELS: Record<string, string> = { [COUNTY_PERMISSION]: '县级督查（督办乡镇整改）' };

/** The agency's own supervision staff: the disclosure office, its leaders, the administrator. */
function isOwnManager(actor: Actor, scope: AgencyScope): boolean {
  return isMember(actor, scope) && hasRole(actor, 'clerk', 'admin', 'principal_leader', 'deputy_leader');
}

/** A county user holding the named permission, above the scope. */
function isCountySupervisor(actor: Actor, scope: AgencyScope, hasCountyPermission: boolean): boolean {
  return hasCountyPermission && isInspectorAbove(actor, scope);
}

export interface RectifyFacts {
  responsibleUserId: number | null;
  unitKind: string;
  unitId: number | null;
}

export const supervisionPolicy = {
  /**
   * Read the ledgers. Any member still reads them: a village's liaison opens and rectifies the problems recorded
   * against their village (rectify), which the problem pages need; narrowing that to the village's own problems is
   * the supervision feature's to do.
   */
  read: (actor: Actor, scope: AgencyScope) => canReadAgencyData(actor, scope) || isMember(actor, scope),
  /** Plan and carry out inspections, record problems, 销号, 回头看. */
  inspect: (actor: Actor, scope: AgencyScope, hasCountyPermission = false) =>
    actor.kind === 'system' ||
    isOwnManager(actor, scope) ||
    isCountySupervisor(actor, scope, hasCountyPermission),
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
  /** Issue 督办 on a township's overdue problem: the county, with the named permission. */
  superviseFromAbove: (actor: Actor, scope: AgencyScope, hasCountyPermission: boolean) =>
    isCountySupervisor(actor, scope, hasCountyPermission),
  /** Answer a 督办: the township's own supervision staff. */
  answerSupervision: (actor: Actor, scope: AgencyScope) => isOwnManager(actor, scope),
  /** Grant or revoke the county permission: an administrator of the user's own (county) agency. */
  grantPermission: (actor: Actor, userAgencyId: number) =>
    actor.kind === 'system' ||
    (actor.kind === 'user' && actor.agencyId === userAgencyId && hasRole(actor, 'admin')),
  /** Raw comments of social evaluation (before screening): the agency's own supervision staff only. */
  readRawComments: (actor: Actor, scope: AgencyScope) => isOwnManager(actor, scope),
};
