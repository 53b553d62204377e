import type { Actor } from '../context.ts';
import { hasRole, isAdminAbove, isMember, type AgencyScope } from '../org/access.ts';

/** Who reads the audit log: pure, default-deny. */
export const auditPolicy = {
  /** Read and export the audit log of an agency: its admins and auditors, or an admin of an agency above it. */
  view(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    if (!hasRole(actor, 'admin', 'auditor')) return false;
    return isMember(actor, scope) || isAdminAbove(actor, scope);
  },
} as const;
