/** Actors for pure policy tests: no database, one role each. */
import type { Actor } from '../../src/context.ts';
import type { Role } from '../../src/org/roles.ts';

/** A signed-in user of the agency holding exactly this role. */
export function userWithRole(agencyId: number, role: Role): Actor {
  return { kind: 'user', userId: 9, name: 'x', agencyId, officeId: null, villageId: null, roles: [role] };
}

/** The anonymous visitor of the portal. */
export const publicActor: Actor = { kind: 'public' };
