import type { Actor } from '../context.ts';
import { hasRole, type AgencyScope } from '../org/access.ts';
import { orgPolicy } from '../org/org.policy.ts';

/** Who reads and changes the working-day calendar: pure, default-deny. */
export const calendarPolicy = {
  /**
   * Load or edit the national calendar (one table every agency's deadlines use): the platform role only — an agency
   * admin edits its own regional holidays (manageRegional), never the country's.
   */
  manage(actor: Actor): boolean {
    return actor.kind === 'system' || hasRole(actor, 'platform_admin');
  },
  /** Regional holidays of an agency: whoever administers the agency. */
  manageRegional(actor: Actor, scope: AgencyScope): boolean {
    return orgPolicy.manage(actor, scope);
  },
  /** See the calendar in the office: any signed-in user or the system. */
  view(actor: Actor): boolean {
    return actor.kind !== 'public';
  },
} as const;
