import type { Db } from './db/database.ts';
import type { Clock } from './clock.ts';
import type { Role } from './org/roles.ts';

/** Who is acting: a signed-in user, or the system itself (jobs, CLI, migrations). */
export type Actor =
  | {
      kind: 'user';
      userId: number;
      name: string;
      agencyId: number;
      officeId: number | null;
      villageId: number | null;
      roles: readonly Role[];
    }
  | { kind: 'system'; name: string }
  | { kind: 'public' };

/** Request metadata recorded in audit rows. */
export interface Meta {
  ip: string | null;
  userAgent?: string | null;
}

/** What every use case receives. */
export interface Ctx {
  db: Db;
  actor: Actor;
  clock: Clock;
  meta: Meta;
}

export const systemActor = (name = '系统'): Actor => ({ kind: 'system', name });
