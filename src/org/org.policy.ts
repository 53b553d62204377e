import type { Actor } from '../context.ts';
import {
  hasRole,
  isAdminAbove,
  isAgencyStaff,
  isInspectorAbove,
  isMember,
  type AgencyScope,
} from './access.ts';

/**
 * Whether the actor may grant or take away these roles, or manage a user who holds them: platform roles only by a
 * platform admin (or the system).
 */
export function mayTouchPlatformRoles(actor: Actor): boolean {
  return actor.kind === 'system' || hasRole(actor, 'platform_admin');
}

/**
 * Organisation policies: pure, default-deny. An admin administers the agency it belongs to and the agencies
 * below it (a county sets up its townships); an inspector above reads; everybody else sees only their own agency.
 */
export const orgPolicy = {
  /** See the agency's offices, villages and people (not a village-only user: isVillageOnly). */
  view(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    if (isAgencyStaff(actor, scope)) return true;
    return isInspectorAbove(actor, scope) || isAdminAbove(actor, scope);
  },
  /** Create or change offices, villages, users of the agency; import CSV. */
  manage(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    if (!hasRole(actor, 'admin')) return false;
    return isMember(actor, scope) || isAdminAbove(actor, scope);
  },
  /** Create an agency under the given parent. */
  createChild(actor: Actor, parent: AgencyScope): boolean {
    return orgPolicy.manage(actor, parent);
  },
} as const;
