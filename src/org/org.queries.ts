import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import { fixedStatement, runFixed } from '../db/fixed-statement.ts';
import type { UserInput } from './org.schema.ts';
import { toBool, toNumber } from '../db/values.ts';
import { NotFoundError } from '../errors.ts';
import type { AgencyScope } from './access.ts';
import type { Agency, AgencyKind, Office, User, Village } from './org.ts';
import { isRole, type Role } from './roles.ts';

type AgencyRow = {
  id: number;
  code: string;
  name: string;
  short_name: string;
  kind: string;
  parent_id: number | null;
  is_people_government: number;
  disclosure_office_id: number | null;
};

export function toAgency(r: AgencyRow): Agency {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind as AgencyKind,
    parentId: r.parent_id,
    isPeopleGovernment: toBool(r.is_people_government),
    disclosureOfficeId: r.disclosure_office_id,
  };
}

/** An agency row as a raw SQL statement returns it, its columns named with a prefix (ids may come as strings). */
export type RawAgencyRow<P extends string = ''> = { [K in keyof AgencyRow as `${P}${K}`]: unknown };

/**
 * The agency of a raw SQL row (a join's agency columns, selected as `<prefix><column>`): the one decoder of the
 * statements that read agencies beside other tables (the county dashboard's tree, the report overview).
 */
/** The column names of an agency row under each prefix, built once (no string built per row and column). */
const prefixedColumns = new Map<string, Record<keyof AgencyRow, string>>();

export function agencyOfRawRow<P extends string = ''>(r: RawAgencyRow<P>, prefix: P = '' as P): Agency {
  const row = r as Record<string, unknown>;
  let k = prefixedColumns.get(prefix);
  if (!k) {
    const names = {} as Record<keyof AgencyRow, string>;
    for (const c of AGENCY_COLUMNS) names[c] = `${prefix}${c}`;
    prefixedColumns.set(prefix, (k = names));
  }
  const parentId = row[k.parent_id];
  const officeId = row[k.disclosure_office_id];
  return toAgency({
    id: toNumber(row[k.id]),
    code: row[k.code] as string,
    name: row[k.name] as string,
    short_name: row[k.short_name] as string,
    kind: row[k.kind] as string,
    parent_id: parentId == null ? null : toNumber(parentId),
    is_people_government: toNumber(row[k.is_people_government]),
    disclosure_office_id: officeId == null ? null : toNumber(officeId),
  });
}

export const AGENCY_COLUMNS = [
  'id',
  'code',
  'name',
  'short_name',
  'kind',
  'parent_id',
  'is_people_government',
  'disclosure_office_id',
] as const;

export async function findAgency(db: DbOrTrx, id: number): Promise<Agency | undefined> {
  const r = await db.selectFrom('agencies').select(AGENCY_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r && toAgency(r);
}

export async function getAgency(db: DbOrTrx, id: number): Promise<Agency> {
  const a = await findAgency(db, id);
  if (!a) throw new NotFoundError('未找到该机关');
  return a;
}

export async function findAgencyByCode(db: DbOrTrx, code: string): Promise<Agency | undefined> {
  const r = await db
    .selectFrom('agencies')
    .select(AGENCY_COLUMNS)
    .where('code', '=', code)
    .executeTakeFirst();
  return r && toAgency(r);
}

export async function listAgencies(db: DbOrTrx): Promise<Agency[]> {
  const rows = await db.selectFrom('agencies').select(AGENCY_COLUMNS).orderBy('id').execute();
  return rows.map(toAgency);
}

/**
 * The agency's scope: itself and its ancestors, nearest first (the tree is shallow: ≤ 5 levels; at most 10 are
 * followed, against a cycle). One statement walks the chain (it was one per level; docs/scale.md, "Ninth pass").
 */
const ancestorsStatement = fixedStatement(
  ['agencyId'],
  (_db, p) => sql<{ parent_id: number | null }>`with recursive chain (id, parent_id, depth) as (
      select id, parent_id, 0 from agencies where id = ${p.agencyId}
      union all
      select a.id, a.parent_id, c.depth + 1 from agencies a join chain c on a.id = c.parent_id where c.depth < 10
    ) select parent_id from chain order by depth`,
);

export async function agencyScope(db: DbOrTrx, agencyId: number): Promise<AgencyScope> {
  const rows = await runFixed(db, ancestorsStatement(db, { agencyId }));
  if (!rows.length) throw new NotFoundError('未找到该机关');
  const ancestorIds: number[] = [];
  for (const r of rows)
    if (r.parent_id != null && ancestorIds.length < 10) ancestorIds.push(Number(r.parent_id));
  return { agencyId, ancestorIds };
}

/** The scopes of several agencies from one read of the tree (the county views ask for every agency below). */
export function scopesFromTree(
  tree: readonly { id: number; parentId: number | null }[],
  agencyIds: readonly number[],
): Map<number, AgencyScope> {
  const parent = new Map(tree.map((a) => [a.id, a.parentId]));
  const out = new Map<number, AgencyScope>();
  for (const agencyId of agencyIds) {
    if (!parent.has(agencyId)) throw new NotFoundError('未找到该机关');
    const ancestorIds: number[] = [];
    let p = parent.get(agencyId) ?? null;
    while (p != null && ancestorIds.length < 10) {
      ancestorIds.push(p);
      p = parent.get(p) ?? null;
    }
    out.set(agencyId, { agencyId, ancestorIds });
  }
  return out;
}

/** Ids of the agency and every agency below it. */
export async function descendantIds(db: DbOrTrx, agencyId: number): Promise<number[]> {
  const all = await db.selectFrom('agencies').select(['id', 'parent_id']).execute();
  return descendantsInTree(
    all.map((a) => ({ id: a.id, parentId: a.parent_id })),
    agencyId,
  );
}

/** The agency and every agency below it, from a tree already read (depth first, as descendantIds). */
export function descendantsInTree(
  tree: readonly { id: number; parentId: number | null }[],
  agencyId: number,
): number[] {
  const children = new Map<number, number[]>();
  for (const a of tree) {
    if (a.parentId == null) continue;
    const list = children.get(a.parentId) ?? [];
    list.push(a.id);
    children.set(a.parentId, list);
  }
  const out: number[] = [];
  const stack = [agencyId];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export async function listOffices(db: DbOrTrx, agencyId: number): Promise<Office[]> {
  const rows = await db
    .selectFrom('offices')
    .select(['id', 'agency_id', 'name', 'sort_order', 'substitute_user_id'])
    .where('agency_id', '=', agencyId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    name: r.name,
    sortOrder: r.sort_order,
    substituteUserId: r.substitute_user_id,
  }));
}

const villagesStatement = fixedStatement(['agencyId'], (db, p) =>
  db
    .selectFrom('villages')
    .select(['id', 'agency_id', 'name', 'code', 'sort_order'])
    .where('agency_id', '=', p.agencyId)
    .orderBy('sort_order')
    .orderBy('id'),
);

export async function listVillages(db: DbOrTrx, agencyId: number): Promise<Village[]> {
  const rows = await runFixed(db, villagesStatement(db, { agencyId }));
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    name: r.name,
    code: r.code,
    sortOrder: r.sort_order,
  }));
}

export type UserRow = {
  id: number;
  agency_id: number;
  office_id: number | null;
  village_id: number | null;
  username: string;
  display_name: string;
  must_change_password: number;
  is_active: number;
  locked_until: string | null;
  phone: string | null;
  email: string | null;
  last_login_at: string | null;
};

export const userColumns = [
  'id',
  'agency_id',
  'office_id',
  'village_id',
  'username',
  'display_name',
  'must_change_password',
  'is_active',
  'locked_until',
  'phone',
  'email',
  'last_login_at',
] as const;

export function toUser(r: UserRow, roles: Role[]): User {
  return {
    id: r.id,
    agencyId: r.agency_id,
    officeId: r.office_id,
    villageId: r.village_id,
    username: r.username,
    displayName: r.display_name,
    roles,
    mustChangePassword: toBool(r.must_change_password),
    isActive: toBool(r.is_active),
    lockedUntil: r.locked_until,
    phone: r.phone,
    email: r.email,
    lastLoginAt: r.last_login_at,
  };
}

export async function rolesOf(db: DbOrTrx, userId: number): Promise<Role[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return rows.map((r) => r.role).filter(isRole);
}

export async function findUser(db: DbOrTrx, id: number): Promise<User | undefined> {
  const r = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  return r && toUser(r, await rolesOf(db, r.id));
}

export async function getUser(db: DbOrTrx, id: number): Promise<User> {
  const u = await findUser(db, id);
  if (!u) throw new NotFoundError('未找到该用户');
  return u;
}

export async function findUserByUsername(db: DbOrTrx, username: string): Promise<User | undefined> {
  const r = await db
    .selectFrom('users')
    .select(userColumns)
    .where('username', '=', username)
    .executeTakeFirst();
  return r && toUser(r, await rolesOf(db, r.id));
}

export async function listUsers(db: DbOrTrx, agencyId: number): Promise<User[]> {
  const rows = await db
    .selectFrom('users')
    .select(userColumns)
    .where('agency_id', '=', agencyId)
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const roleRows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where(
      'user_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const byUser = new Map<number, Role[]>();
  for (const rr of roleRows)
    if (isRole(rr.role)) byUser.set(rr.user_id, [...(byUser.get(rr.user_id) ?? []), rr.role]);
  return rows.map((r) => toUser(r, byUser.get(r.id) ?? []));
}

/** Users of an agency holding a role (e.g. every clerk, for notifications). */
export async function usersWithRole(db: DbOrTrx, agencyId: number, role: Role): Promise<User[]> {
  return (await listUsers(db, agencyId)).filter((u) => u.isActive && u.roles.includes(role));
}

/** Insert a new user with its roles; the user must change the password at first sign-in. Returns the id. */
export async function insertUser(
  trx: DbOrTrx,
  agencyId: number,
  u: UserInput,
  passwordHash: string,
  now: string,
): Promise<number> {
  const { id } = await trx
    .insertInto('users')
    .values({
      agency_id: agencyId,
      office_id: u.officeId,
      village_id: u.villageId,
      username: u.username,
      display_name: u.displayName,
      password_hash: passwordHash,
      must_change_password: 1,
      failed_attempts: 0,
      locked_until: null,
      is_active: 1,
      phone: u.phone,
      email: u.email,
      last_login_at: null,
      password_changed_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('user_roles')
    .values(u.roles.map((role) => ({ user_id: id, role })))
    .execute();
  return id;
}
