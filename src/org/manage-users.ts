import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, ForbiddenError, NotFoundError, ValidationError, parseInput } from '../errors.ts';
import { fromBool, nowIso } from '../db/values.ts';
import { generatePassword, hashPassword, passwordProblem } from '../auth/password.ts';
import { assertPasswordNotReused, rememberPassword } from '../auth/password-history.ts';
import { mayTouchPlatformRoles, orgPolicy } from './org.policy.ts';
import { PLATFORM_ROLES, type Role } from './roles.ts';
import { agencyScope, findUserByUsername, getUser, insertUser } from './org.queries.ts';
import { UserInput } from './org.schema.ts';
import type { User } from './org.ts';

/** Check that the office/village belong to the agency, and that a liaison is attached to one of them. */
async function checkPlacement(db: DbOrTrx, agencyId: number, input: UserInput): Promise<void> {
  if (input.officeId != null) {
    const o = await db
      .selectFrom('offices')
      .select('id')
      .where('id', '=', input.officeId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    if (!o) throw new ValidationError('所选站办所不属于本机关', { officeId: '站办所不属于本机关' });
  }
  if (input.villageId != null) {
    const v = await db
      .selectFrom('villages')
      .select('id')
      .where('id', '=', input.villageId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    if (!v) throw new ValidationError('所选村不属于本机关', { villageId: '村不属于本机关' });
  }
  if (input.roles.includes('liaison') && input.officeId == null && input.villageId == null) {
    throw new ValidationError('信息联络员须指定所在站办所或村', { officeId: '请选择站办所或村' });
  }
  // 村务监督委员会 members and 包村干部 act for one village (村民委员会组织法第三十二条; the township's 包村 duty).
  if (
    (input.roles.includes('village_supervisor') || input.roles.includes('village_cadre')) &&
    input.villageId == null
  ) {
    throw new ValidationError('村务监督委员会成员和包村干部须指定所在（所包）村', { villageId: '请选择村' });
  }
  if (input.roles.includes('office_head') && input.officeId == null) {
    throw new ValidationError('站办所负责人须指定所在站办所', { officeId: '请选择站办所' });
  }
}

const PLATFORM_ROLE_MESSAGE = '只有平台管理员可以授予、撤销平台管理员角色或管理平台管理员账号';

/** Refuse a change of platform roles (or of a platform admin's account) by anyone but a platform admin. */
function assertPlatformRoles(ctx: Ctx, before: readonly Role[], after: readonly Role[]): void {
  const touched = PLATFORM_ROLES.some((r) => before.includes(r) || after.includes(r));
  if (touched && !mayTouchPlatformRoles(ctx.actor)) throw new ForbiddenError(PLATFORM_ROLE_MESSAGE);
}

export interface CreatedUser {
  user: User;
  /** The one-time password when none was given (shown once, never stored in clear). */
  oneTimePassword: string | null;
}

/**
 * Create a user. Without a password, a one-time password is generated. Users created by an admin must change
 * their password at first sign-in.
 */
export async function createUser(
  ctx: Ctx,
  agencyId: number,
  raw: unknown,
  opts: { password?: string } = {},
): Promise<CreatedUser> {
  const input = parseInput(UserInput, raw);
  assertCan(orgPolicy.manage(ctx.actor, await agencyScope(ctx.db, agencyId)));
  assertPlatformRoles(ctx, [], input.roles);
  await checkPlacement(ctx.db, agencyId, input);
  if (await findUserByUsername(ctx.db, input.username)) {
    throw new ValidationError(`用户名“${input.username}”已被使用`, { username: '用户名已被使用' });
  }
  const oneTimePassword = opts.password ? null : generatePassword();
  const password = opts.password ?? oneTimePassword!;
  const problem = passwordProblem(password, input.username);
  if (problem) throw new ValidationError(problem, { password: problem });
  const hash = await hashPassword(password);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso(ctx.clock.now());
    const id = await insertUser(trx, agencyId, input, hash, now);
    await recordEvent(trx, ctx, {
      action: 'user.create',
      objectType: 'user',
      objectId: id,
      agencyId,
      after: input,
    });
    return id;
  });
  return { user: await getUser(ctx.db, id), oneTimePassword };
}

/** Change a user's name, roles, placement or contact details; or (de)activate. */
export async function updateUser(ctx: Ctx, userId: number, raw: unknown, isActive = true): Promise<User> {
  const before = await getUser(ctx.db, userId);
  const input = parseInput(UserInput, { ...(raw as object), username: before.username });
  assertCan(orgPolicy.manage(ctx.actor, await agencyScope(ctx.db, before.agencyId)), { hide: true });
  assertPlatformRoles(ctx, before.roles, input.roles);
  if (
    ctx.actor.kind === 'user' &&
    ctx.actor.userId === userId &&
    (!isActive || !input.roles.includes('admin')) &&
    before.roles.includes('admin')
  ) {
    throw new ValidationError('不能停用自己或撤销自己的管理员角色', { roles: '不能撤销自己的管理员角色' });
  }
  await checkPlacement(ctx.db, before.agencyId, input);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        display_name: input.displayName,
        office_id: input.officeId,
        village_id: input.villageId,
        phone: input.phone,
        email: input.email,
        is_active: fromBool(isActive),
        updated_at: nowIso(ctx.clock.now()),
      })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    await trx
      .insertInto('user_roles')
      .values(input.roles.map((role) => ({ user_id: userId, role })))
      .execute();
    if (!isActive) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    const rolesChanged = before.roles.slice().sort().join() !== input.roles.slice().sort().join();
    await recordEvent(trx, ctx, {
      action:
        !isActive && before.isActive
          ? 'user.deactivate'
          : rolesChanged
            ? 'user.roles_changed'
            : 'user.update',
      objectType: 'user',
      objectId: userId,
      agencyId: before.agencyId,
      before: {
        displayName: before.displayName,
        roles: before.roles,
        officeId: before.officeId,
        villageId: before.villageId,
        isActive: before.isActive,
      },
      after: { ...input, isActive },
    });
  });
  return getUser(ctx.db, userId);
}

/** Reset a user's password to a new one-time password (must be changed at next sign-in); unlocks the account. */
export async function resetPassword(ctx: Ctx, userId: number, password?: string): Promise<string> {
  const user = await getUser(ctx.db, userId).catch(() => {
    throw new NotFoundError('未找到该用户');
  });
  // "Not yours" and "does not exist" get the same answer.
  assertCan(orgPolicy.manage(ctx.actor, await agencyScope(ctx.db, user.agencyId)), { hide: true });
  assertPlatformRoles(ctx, user.roles, user.roles);
  const pw = password ?? generatePassword();
  const problem = passwordProblem(pw, user.username);
  if (problem) throw new ValidationError(problem, { password: problem });
  if (password) await assertPasswordNotReused(ctx.db, userId, pw, 'password');
  const hash = await hashPassword(pw);
  const old = await ctx.db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  await ctx.db.transaction().execute(async (trx) => {
    await rememberPassword(trx, userId, old.password_hash, nowIso(ctx.clock.now()));
    await trx
      .updateTable('users')
      .set({
        password_hash: hash,
        must_change_password: 1,
        failed_attempts: 0,
        locked_until: null,
        updated_at: nowIso(ctx.clock.now()),
      })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordEvent(trx, ctx, {
      action: 'auth.password_reset',
      objectType: 'user',
      objectId: userId,
      agencyId: user.agencyId,
    });
  });
  return pw;
}
