import type { Actor } from '../context.ts';
import type { Role } from './roles.ts';

/**
 * Where a piece of data lives in the agency tree: its agency and that agency's ancestors (nearest first).
 * Every policy decides from this and the actor, nothing else, so policies stay pure.
 */
export interface AgencyScope {
  agencyId: number;
  ancestorIds: readonly number[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.kind === 'user' && roles.some((r) => actor.roles.includes(r));
}

/** The actor works in the scope's own agency. */
export function isMember(actor: Actor, scope: AgencyScope): boolean {
  return actor.kind === 'user' && actor.agencyId === scope.agencyId;
}

/** The actor is an inspector of an agency above the scope (reads subordinate agencies, never writes). */
export function isInspectorAbove(actor: Actor, scope: AgencyScope): boolean {
  return (
    actor.kind === 'user' && actor.roles.includes('inspector') && scope.ancestorIds.includes(actor.agencyId)
  );
}

/** The actor is an admin of an agency above the scope (a county sets up its townships). */
export function isAdminAbove(actor: Actor, scope: AgencyScope): boolean {
  return actor.kind === 'user' && actor.roles.includes('admin') && scope.ancestorIds.includes(actor.agencyId);
}

/** Roles a village's own people hold: its 信息联络员 and its 村务监督委员会 members. */
const VILLAGE_ROLES: readonly Role[] = ['liaison', 'village_supervisor'];

/**
 * The user's only scope is one village: assigned to a village (users.village_id), to no office, and holding no role
 * beyond the village's own. The 'liaison' role alone does not decide it: an office's liaison has an office and
 * works for the township. A 包村干部 (village_cadre) also has a village but is township staff.
 */
export function isVillageOnly(user: {
  roles: readonly Role[];
  villageId: number | null;
  officeId: number | null;
}): boolean {
  return (
    user.villageId != null && user.officeId == null && user.roles.every((r) => VILLAGE_ROLES.includes(r))
  );
}

/** A member of the scope's agency who works for the agency as a whole, not for one of its villages only. */
export function isAgencyStaff(actor: Actor, scope: AgencyScope): boolean {
  return isMember(actor, scope) && actor.kind === 'user' && !isVillageOnly(actor);
}

/**
 * Read access to an agency's business data (requests, publications, reports): its own staff, or an inspector above
 * it. A village-only user sees their village's pages (villagePolicy), not the township's data.
 */
export function canReadAgencyData(actor: Actor, scope: AgencyScope): boolean {
  if (actor.kind === 'system') return true;
  return isAgencyStaff(actor, scope) || isInspectorAbove(actor, scope);
}
