/**
 * Who sees the county's supervising view: the county 政务公开办 (an inspector of an agency with
 * agencies below it); drilling into an agency is reading it, so only an inspector above that agency may.
 */
import type { Actor } from '../context.ts';
import { hasRole, isInspectorAbove, type AgencyScope } from '../org/access.ts';

export const countyPolicy = {
  /** The dashboard over every agency below the actor's own. */
  viewDashboard: (actor: Actor) => hasRole(actor, 'inspector'),
  /** One agency's records behind the figures, read-only. */
  readAgency: (actor: Actor, scope: AgencyScope) => isInspectorAbove(actor, scope),
};
