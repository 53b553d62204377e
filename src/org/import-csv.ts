import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, ValidationError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { orgPolicy } from './org.policy.ts';
import { agencyScope, insertUser, listOffices, listVillages } from './org.queries.ts';
import { UserInput, VillageInput } from './org.schema.ts';
import { headerIndex, parseCsv } from './csv.ts';
import { ROLES, ROLE_LABELS, type Role } from './roles.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';

export interface RowError {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  message: string;
}

export interface ImportResult {
  imported: number;
  errors: RowError[];
  /** For users: username → one-time password, shown once. */
  passwords: { username: string; displayName: string; password: string }[];
}

const VILLAGE_COLUMNS = {
  name: ['name', '名称', '村名称', '村名'],
  code: ['code', '代码', '村代码'],
  sort: ['sort', '排序'],
};
const USER_COLUMNS = {
  username: ['username', '用户名'],
  displayName: ['name', 'display_name', '姓名'],
  roles: ['roles', 'role', '角色'],
  office: ['office', '站办所'],
  village: ['village', '村'],
  phone: ['phone', '电话', '手机'],
  email: ['email', '邮箱', '电子邮箱'],
};

function requireHeader(idx: Record<string, number>, required: string[]) {
  const missing = required.filter((k) => idx[k] === undefined);
  if (missing.length) throw new ValidationError(`CSV 表头缺少列：${missing.join('、')}（第一行应为表头）`);
}

/**
 * Import villages from CSV (columns 名称, 代码, 排序). All rows are checked first; if any row is wrong nothing is
 * imported and every wrong row is reported, so a file is never half-imported.
 */
export async function importVillages(ctx: Ctx, agencyId: number, csvText: string): Promise<ImportResult> {
  assertCan(orgPolicy.manage(ctx.actor, await agencyScope(ctx.db, agencyId)));
  const rows = parseCsv(csvText);
  if (rows.length < 2) throw new ValidationError('CSV 文件为空或只有表头');
  const idx = headerIndex(rows[0]!, VILLAGE_COLUMNS);
  requireHeader(idx, ['name']);
  const existing = new Set((await listVillages(ctx.db, agencyId)).map((v) => v.name));
  const seen = new Set<string>();
  const errors: RowError[] = [];
  const valid: VillageInput[] = [];
  rows.slice(1).forEach((r, i) => {
    const line = i + 2;
    const parsed = VillageInput.safeParse({
      name: r[idx.name!] ?? '',
      code: idx.code !== undefined ? (r[idx.code] ?? '') : '',
      sortOrder: idx.sort !== undefined && r[idx.sort] ? Number(r[idx.sort]) : i,
    });
    if (!parsed.success) return errors.push({ line, message: parsed.error.issues[0]!.message });
    if (existing.has(parsed.data.name))
      return errors.push({ line, message: `村“${parsed.data.name}”已存在` });
    if (seen.has(parsed.data.name))
      return errors.push({ line, message: `村“${parsed.data.name}”在文件中重复` });
    seen.add(parsed.data.name);
    valid.push(parsed.data);
  });
  if (errors.length) return { imported: 0, errors, passwords: [] };
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso(ctx.clock.now());
    for (const v of valid) {
      await trx
        .insertInto('villages')
        .values({ agency_id: agencyId, name: v.name, code: v.code, sort_order: v.sortOrder, created_at: now })
        .execute();
    }
    await recordEvent(trx, ctx, {
      action: 'import.villages',
      objectType: 'agency',
      objectId: agencyId,
      agencyId,
      after: { count: valid.length, names: valid.map((v) => v.name) },
    });
  });
  return { imported: valid.length, errors: [], passwords: [] };
}

function parseRoles(s: string): Role[] | null {
  const parts = s
    .split(/[;；、|/ ]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: Role[] = [];
  for (const p of parts) {
    const r = (ROLES as readonly string[]).includes(p)
      ? (p as Role)
      : ROLES.find((x) => ROLE_LABELS[x] === p);
    if (!r) return null;
    out.push(r);
  }
  return out;
}

/**
 * Import users from CSV (用户名, 姓名, 角色, 站办所, 村, 电话, 邮箱). Each user gets a one-time password and must change
 * it at first sign-in. All-or-nothing, with a per-row error report.
 */
export async function importUsers(ctx: Ctx, agencyId: number, csvText: string): Promise<ImportResult> {
  assertCan(orgPolicy.manage(ctx.actor, await agencyScope(ctx.db, agencyId)));
  const rows = parseCsv(csvText);
  if (rows.length < 2) throw new ValidationError('CSV 文件为空或只有表头');
  const idx = headerIndex(rows[0]!, USER_COLUMNS);
  requireHeader(idx, ['username', 'displayName', 'roles']);
  const offices = new Map((await listOffices(ctx.db, agencyId)).map((o) => [o.name, o.id]));
  const villages = new Map((await listVillages(ctx.db, agencyId)).map((v) => [v.name, v.id]));
  const taken = new Set(
    (await ctx.db.selectFrom('users').select('username').execute()).map((u) => u.username.toLowerCase()),
  );
  const errors: RowError[] = [];
  const valid: UserInput[] = [];
  const cell = (r: string[], k: keyof typeof USER_COLUMNS) =>
    idx[k] !== undefined ? (r[idx[k]!] ?? '') : '';
  rows.slice(1).forEach((r, i) => {
    const line = i + 2;
    const roles = parseRoles(cell(r, 'roles'));
    if (!roles || roles.length === 0)
      return errors.push({ line, message: `角色“${cell(r, 'roles')}”无法识别` });
    const officeName = cell(r, 'office');
    const villageName = cell(r, 'village');
    if (officeName && !offices.has(officeName))
      return errors.push({ line, message: `站办所“${officeName}”不存在` });
    if (villageName && !villages.has(villageName))
      return errors.push({ line, message: `村“${villageName}”不存在` });
    const parsed = UserInput.safeParse({
      username: cell(r, 'username'),
      displayName: cell(r, 'displayName'),
      roles,
      officeId: officeName ? offices.get(officeName)! : null,
      villageId: villageName ? villages.get(villageName)! : null,
      phone: cell(r, 'phone'),
      email: cell(r, 'email'),
    });
    if (!parsed.success) return errors.push({ line, message: parsed.error.issues[0]!.message });
    const u = parsed.data;
    if (taken.has(u.username.toLowerCase()))
      return errors.push({ line, message: `用户名“${u.username}”已被使用` });
    if (u.roles.includes('liaison') && u.officeId == null && u.villageId == null) {
      return errors.push({ line, message: '信息联络员须填写站办所或村' });
    }
    if (u.roles.includes('office_head') && u.officeId == null)
      return errors.push({ line, message: '站办所负责人须填写站办所' });
    taken.add(u.username.toLowerCase());
    valid.push(u);
  });
  if (errors.length) return { imported: 0, errors, passwords: [] };
  const prepared = await Promise.all(
    valid.map(async (u) => {
      const password = generatePassword();
      return { u, password, hash: await hashPassword(password) };
    }),
  );
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso(ctx.clock.now());
    for (const { u, hash } of prepared) {
      await insertUser(trx, agencyId, u, hash, now);
    }
    await recordEvent(trx, ctx, {
      action: 'import.users',
      objectType: 'agency',
      objectId: agencyId,
      agencyId,
      after: { count: valid.length, usernames: valid.map((u) => u.username) },
    });
  });
  return {
    imported: valid.length,
    errors: [],
    passwords: prepared.map((p) => ({
      username: p.u.username,
      displayName: p.u.displayName,
      password: p.password,
    })),
  };
}
