/**
 * Who sees the county's supervising view: the county 政务公开办 — its `inspector` (督查, reads) and its `supervisor`
 * (督办, holding `county.supervision`: plans inspections, records problems, issues 督办); drilling into an agency is
 * reading it, so only such a user above that agency may. The view is read-only; 督办 from it is the supervision
 * module's use case, with its own policy.
 */
import type { Actor } from '../context.ts';
import { hasRole, isInspectorAbove, type AgencyScope } from '../org/access.ts';
import { hasCountyPermission, holdsCountyPermission } from '../org/permissions.ts';

export const countyPolicy = {
  /** The dashboard over every agency below the actor's own. */
  viewDashboard: (actor: Actor) =>
    hasRole(actor, 'inspector') || holdsCountyPermission(actor, 'county.supervision'),
  /** One agency's records behind the figures, read-only. */
  readAgency: (actor: Actor, scope: AgencyScope) =>
    isInspectorAbove(actor, scope) || hasCountyPermission(actor, scope, 'county.supervision'),
};
