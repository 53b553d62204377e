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

/** Read access to an agency's business data: its own staff, or an inspector above it. */
export function canReadAgencyData(actor: Actor, scope: AgencyScope): boolean {
  if (actor.kind === 'system') return true;
  return isMember(actor, scope) || isInspectorAbove(actor, scope);
}
