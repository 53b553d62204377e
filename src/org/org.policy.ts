import type { Actor } from '../context.ts';
import { hasRole, isInspectorAbove, isMember, type AgencyScope } from './access.ts';

/**
 * Organisation policies: pure, default-deny. An admin administers the agency it belongs to and the agencies
 * below it (a county sets up its townships); an inspector above reads; everybody else sees only their own agency.
 */
export const orgPolicy = {
  /** See the agency's offices, villages and people. */
  view(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    if (isMember(actor, scope)) return true;
    return isInspectorAbove(actor, scope) || adminAbove(actor, scope);
  },
  /** Create or change offices, villages, users of the agency; import CSV. */
  manage(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    if (!hasRole(actor, 'admin')) return false;
    return isMember(actor, scope) || adminAbove(actor, scope);
  },
  /** Create an agency under the given parent. */
  createChild(actor: Actor, parent: AgencyScope): boolean {
    return orgPolicy.manage(actor, parent);
  },
} as const;

export const auditPolicy = {
  /** Read and export the audit log of an agency. */
  view(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    if (!hasRole(actor, 'admin', 'auditor')) return false;
    return isMember(actor, scope) || adminAbove(actor, scope);
  },
} as const;

export const calendarPolicy = {
  /** Load or edit the national calendar (a system-wide table): admins only. */
  manage(actor: Actor): boolean {
    return actor.kind === 'system' || hasRole(actor, 'admin');
  },
  /** Regional holidays of an agency. */
  manageRegional(actor: Actor, scope: AgencyScope): boolean {
    return orgPolicy.manage(actor, scope);
  },
  view(actor: Actor): boolean {
    return actor.kind !== 'public';
  },
} as const;

function adminAbove(actor: Actor, scope: AgencyScope): boolean {
  return actor.kind === 'user' && actor.roles.includes('admin') && scope.ancestorIds.includes(actor.agencyId);
}
