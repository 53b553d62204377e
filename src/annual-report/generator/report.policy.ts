/**
 * Who may do what with an annual report: pure, default-deny predicates over the actor and the agency scope.
 * Outsiders get "not found" from the use cases.
 */
import type { Actor } from '../../context.ts';
import { canReadAgencyData, hasRole, isMember, type AgencyScope } from '../../org/access.ts';
import { hasCountyPermission } from '../../org/permissions.ts';

export const reportPolicy = {
  /** See the agency's reports (drafts included): its own staff, or an inspector above it. */
  view(actor: Actor, scope: AgencyScope): boolean {
    return canReadAgencyData(actor, scope);
  },
  /** Generate, regenerate, edit the narrative, acknowledge warnings: the disclosure office and the admin. */
  draft(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    return isMember(actor, scope) && hasRole(actor, 'clerk', 'office_head', 'admin');
  },
  /** Finalise (naming the approver) and publish: the disclosure office or the leaders. */
  finalise(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    return (
      isMember(actor, scope) &&
      hasRole(actor, 'clerk', 'office_head', 'admin', 'deputy_leader', 'principal_leader')
    );
  },
  /** Reopen a finalised or published report (a reason is required): the leaders or the admin. */
  reopen(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    return isMember(actor, scope) && hasRole(actor, 'admin', 'deputy_leader', 'principal_leader');
  },
  /**
   * Bring in a report published outside gongkai: the agency's own office, or — so the county overview is
   * complete — a county role holding the named permission county.report_import (never the inspector, who reads).
   */
  import(actor: Actor, scope: AgencyScope): boolean {
    if (reportPolicy.draft(actor, scope)) return true;
    return hasCountyPermission(actor, scope, 'county.report_import');
  },
  /** The overview of subordinate agencies' reports and the consolidated table: inspectors and admins of the parent. */
  overview(actor: Actor, parent: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    return isMember(actor, parent) && hasRole(actor, 'inspector', 'admin');
  },
  /**
   * Set an agency's report deadline: the agency's admin, or a county role holding the named permission
   * county.report_deadline (the county's notice) — never the inspector.
   */
  setDeadline(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    if (isMember(actor, scope) && hasRole(actor, 'admin')) return true;
    return hasCountyPermission(actor, scope, 'county.report_deadline');
  },
} as const;

export type ReportAction = keyof typeof reportPolicy;

/** The import is the county's, on behalf of the agency: it is recorded, never published on the agency's portal. */
export function importsOnBehalf(actor: Actor, scope: AgencyScope): boolean {
  return !reportPolicy.draft(actor, scope) && hasCountyPermission(actor, scope, 'county.report_import');
}
