/**
 * Who can act on a waiting step, as named persons rather than a role (issue 10, "no dead ends"). A step resolves,
 * in order, to: the person an admin reassigned it to; the holders of the step's role (an office head: of the step's
 * office); the office's configured substitute; the head of the agency's disclosure office (政府信息公开工作机构
 * 负责人), else that office's substitute; and when nobody is left, the agency's admins, who can only reassign it.
 * The clerk's own work (confirming, routing, handling unassigned items) is the exception: an agency with no active
 * clerk has its admins do it themselves ('stand_in'), since a reassignment would only hand it to a user without the
 * clerk role.
 * Pure resolution over rows read once; the policies take the resolved ids as facts.
 */
import type { DbOrTrx } from '../db/database.ts';
import type { Role } from './roles.ts';

/** How the persons were found (shown on the item's page, so people see why it is theirs). */
export type ActingVia =
  'assigned' | 'role' | 'office_head' | 'substitute' | 'disclosure_head' | 'stand_in' | 'admin';

export const ACTING_VIA_LABELS: Record<ActingVia, string> = {
  assigned: '管理员指派',
  role: '按角色',
  office_head: '站办所负责人',
  substitute: '站办所负责人的代理人',
  disclosure_head: '政务公开工作机构负责人（本站办所无负责人）',
  stand_in: '本机关无政务公开工作机构人员，由系统管理员办理',
  admin: '无人可办，待管理员指派',
};

export interface ActingPersons {
  userIds: number[];
  via: ActingVia;
}

/** What a step needs: the role that signs it and, for an office head, the office. */
export interface StepSpec {
  role: Role;
  /** The office whose head signs (office_head steps); null: the agency's disclosure office. */
  officeId?: number | null;
  /** Users who may not take this step (e.g. they signed an earlier step of the same item). */
  exclude?: readonly number[];
  /** Where an admin's reassignment of this step is stored. */
  assignment?: { objectType: string; objectId: number; step: string };
}

/** The agency's people and offices, read once for many resolutions (the inbox, the enumeration test). */
export interface OrgSnapshot {
  disclosureOfficeId: number | null;
  users: { id: number; officeId: number | null; villageId: number | null; roles: Role[] }[];
  substitutes: Map<number, number | null>;
  assignments: { objectType: string; objectId: number; step: string; userId: number }[];
}

/** Read what resolution needs for one agency (active users only). */
export async function orgSnapshot(db: DbOrTrx, agencyId: number): Promise<OrgSnapshot> {
  const [agency, users, roles, offices, assignments] = await Promise.all([
    db.selectFrom('agencies').select('disclosure_office_id').where('id', '=', agencyId).executeTakeFirst(),
    db
      .selectFrom('users')
      .select(['id', 'office_id', 'village_id'])
      .where('agency_id', '=', agencyId)
      .where('is_active', '=', 1)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select(['user_roles.user_id', 'user_roles.role'])
      .where('users.agency_id', '=', agencyId)
      .execute(),
    db.selectFrom('offices').select(['id', 'substitute_user_id']).where('agency_id', '=', agencyId).execute(),
    db
      .selectFrom('work_assignments')
      .select(['object_type', 'object_id', 'step', 'user_id'])
      .where('agency_id', '=', agencyId)
      .orderBy('id', 'desc')
      .execute(),
  ]);
  const rolesOf = new Map<number, Role[]>();
  for (const r of roles) rolesOf.set(r.user_id, [...(rolesOf.get(r.user_id) ?? []), r.role as Role]);
  return {
    disclosureOfficeId: agency?.disclosure_office_id ?? null,
    users: users.map((u) => ({
      id: u.id,
      officeId: u.office_id,
      villageId: u.village_id,
      roles: rolesOf.get(u.id) ?? [],
    })),
    substitutes: new Map(offices.map((o) => [o.id, o.substitute_user_id])),
    assignments: assignments.map((a) => ({
      objectType: a.object_type,
      objectId: a.object_id,
      step: a.step,
      userId: a.user_id,
    })),
  };
}

/** Resolve a step to persons (never empty while the agency has an active admin). */
export function resolveActing(org: OrgSnapshot, spec: StepSpec): ActingPersons {
  const exclude = new Set(spec.exclude ?? []);
  const active = new Set(org.users.map((u) => u.id));
  const ok = (id: number | null | undefined): id is number =>
    id != null && active.has(id) && !exclude.has(id);
  const holders = (role: Role, officeId?: number | null) =>
    org.users
      .filter((u) => u.roles.includes(role) && (officeId === undefined || u.officeId === officeId))
      .map((u) => u.id)
      .filter(ok);

  if (spec.assignment) {
    const a = spec.assignment;
    // The newest reassignment wins; one to a person since deactivated falls through to the rules below.
    const latest = org.assignments.find(
      (x) => x.objectType === a.objectType && x.objectId === a.objectId && x.step === a.step,
    );
    if (latest && ok(latest.userId)) return { userIds: [latest.userId], via: 'assigned' };
  }
  const disclosureHeads = (): ActingPersons | null => {
    const office = org.disclosureOfficeId;
    if (office == null) return null;
    const heads = holders('office_head', office);
    if (heads.length) return { userIds: heads, via: 'disclosure_head' };
    const sub = org.substitutes.get(office);
    return ok(sub) ? { userIds: [sub], via: 'substitute' } : null;
  };

  if (spec.role === 'office_head') {
    const office = spec.officeId ?? org.disclosureOfficeId;
    if (office != null) {
      const heads = holders('office_head', office);
      if (heads.length) return { userIds: heads, via: 'office_head' };
      const sub = org.substitutes.get(office);
      if (ok(sub)) return { userIds: [sub], via: 'substitute' };
    }
    const d = disclosureHeads();
    if (d) return d;
  } else {
    const ids = holders(spec.role);
    if (ids.length) return { userIds: ids, via: 'role' };
    if (spec.role === 'clerk') {
      const admins = holders('admin');
      if (admins.length) return { userIds: admins, via: 'stand_in' };
    }
    if (spec.role !== 'clerk' && spec.role !== 'admin') {
      const d = disclosureHeads();
      if (d) return d;
    }
  }
  // The admins only reassign (they do not take the step), so an admin who signed an earlier step is not excluded.
  return { userIds: holdersOf(org, ['admin']).filter((id) => active.has(id)), via: 'admin' };
}

/** The active holders of any of the roles, optionally of one office or one village (snapshot order). */
export function holdersOf(
  org: Pick<OrgSnapshot, 'users'>,
  roles: readonly Role[],
  where: { officeId?: number | null; villageId?: number | null; exclude?: readonly number[] } = {},
): number[] {
  const exclude = new Set(where.exclude ?? []);
  return org.users
    .filter(
      (u) =>
        u.roles.some((r) => roles.includes(r)) &&
        !exclude.has(u.id) &&
        (where.officeId === undefined || u.officeId === where.officeId) &&
        (where.villageId === undefined || u.villageId === where.villageId),
    )
    .map((u) => u.id);
}

/** Who does the clerk's work: the active clerks, else (an agency with no clerk) the active admins. */
export function clerkWorkers(org: Pick<OrgSnapshot, 'users'>): number[] {
  const clerks = holdersOf(org, ['clerk']);
  return clerks.length ? clerks : holdersOf(org, ['admin']);
}

/** clerkWorkers read from the database (for a policy scope). */
export async function clerkWorkerIds(db: DbOrTrx, agencyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id', 'user_roles.role'])
    .where('users.agency_id', '=', agencyId)
    .where('users.is_active', '=', 1)
    .where('user_roles.role', 'in', ['clerk', 'admin'])
    .orderBy('users.id')
    .execute();
  const of = (role: Role) => [...new Set(rows.filter((r) => r.role === role).map((r) => r.id))];
  const clerks = of('clerk');
  return clerks.length ? clerks : of('admin');
}

/** Whether the resolved persons may take the step itself (an admin fallback may only reassign it). */
export const canTake = (p: ActingPersons, userId: number) => p.via !== 'admin' && p.userIds.includes(userId);
