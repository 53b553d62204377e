/**
 * Who may do what with an annual report: pure, default-deny predicates over the actor and the agency scope.
 * Outsiders get "not found" from the use cases.
 */
import type { Actor } from '../../context.ts';
import {
  canReadAgencyData,
  hasRole,
  isInspectorAbove,
  isMember,
  type AgencyScope,
} from '../../org/access.ts';

/** The agency is under the actor's own agency (county admins administer their townships). */
function adminAbove(actor: Actor, scope: AgencyScope): boolean {
  return actor.kind === 'user' && actor.roles.includes('admin') && scope.ancestorIds.includes(actor.agencyId);
}

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
   * complete — the county's admin or 政务公开办 (inspector) for an agency below it.
   */
  import(actor: Actor, scope: AgencyScope): boolean {
    if (reportPolicy.draft(actor, scope)) return true;
    return isInspectorAbove(actor, scope) || adminAbove(actor, scope);
  },
  /** The overview of subordinate agencies' reports and the consolidated table: inspectors and admins of the parent. */
  overview(actor: Actor, parent: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    return isMember(actor, parent) && hasRole(actor, 'inspector', 'admin');
  },
  /** Set an agency's report deadline: the county (admin or inspector above) sets it by notice, or the agency's admin. */
  setDeadline(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    if (isMember(actor, scope) && hasRole(actor, 'admin')) return true;
    return isInspectorAbove(actor, scope) || adminAbove(actor, scope);
  },
} as const;

export type ReportAction = keyof typeof reportPolicy;
