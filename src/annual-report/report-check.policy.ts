import type { Actor } from '../context.ts';
import { hasRole, isInspectorAbove, isMember, type AgencyScope } from '../org/access.ts';

/** 年报体检 policies: pure, default-deny. */
export const reportCheckPolicy = {
  /** Upload reports to check: the disclosure staff, leaders, admins and inspectors of the agency. */
  upload(actor: Actor): boolean {
    return hasRole(actor, 'clerk', 'admin', 'inspector', 'office_head', 'deputy_leader', 'principal_leader');
  },
  /** See an upload: its own agency's staff, or an inspector of an agency above it. */
  view(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    return (reportCheckPolicy.upload(actor) && isMember(actor, scope)) || isInspectorAbove(actor, scope);
  },
} as const;
