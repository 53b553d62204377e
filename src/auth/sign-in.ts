import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { DomainError, ValidationError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { DUMMY_HASH, hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { createSession, deleteSession } from './session.ts';
import { getUser } from '../org/org.queries.ts';
import type { User } from '../org/org.ts';

/** After 5 consecutive failures the account is locked for 15 minutes (GB/T 22239-2019 login failure handling). */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MS = 15 * 60 * 1000;

export interface SignInResult {
  user: User;
  token: string;
  csrfToken: string;
}

const BAD_CREDENTIALS = '用户名或密码错误';

/** Verify credentials, enforce the lockout, open a session. Every outcome is audited. */
export async function signIn(ctx: Ctx, username: string, password: string): Promise<SignInResult> {
  const now = ctx.clock.now();
  const row = await ctx.db
    .selectFrom('users')
    .select(['id', 'agency_id', 'password_hash', 'failed_attempts', 'locked_until', 'is_active'])
    .where('username', '=', username.trim())
    .executeTakeFirst();
  if (!row) {
    await verifyPassword(await DUMMY_HASH, password); // equal timing for unknown users
    await recordEvent(ctx.db, ctx, {
      action: 'auth.sign_in_failed',
      objectType: 'user',
      note: `未知用户名 ${username.slice(0, 40)}`,
    });
    throw new DomainError('unauthenticated', BAD_CREDENTIALS);
  }
  if (row.locked_until && new Date(row.locked_until) > now) {
    const minutes = Math.ceil((new Date(row.locked_until).getTime() - now.getTime()) / 60000);
    await recordEvent(ctx.db, ctx, {
      action: 'auth.sign_in_failed',
      objectType: 'user',
      objectId: row.id,
      agencyId: row.agency_id,
      note: '账号已锁定',
    });
    throw new DomainError('locked', `连续登录失败次数过多，账号已锁定，请${minutes}分钟后再试`);
  }
  const ok = row.is_active === 1 && (await verifyPassword(row.password_hash, password));
  if (!ok) {
    const attempts = row.failed_attempts + 1;
    const lock = attempts >= MAX_FAILED_ATTEMPTS;
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({
          failed_attempts: lock ? 0 : attempts,
          locked_until: lock ? nowIso(new Date(now.getTime() + LOCK_MS)) : row.locked_until,
        })
        .where('id', '=', row.id)
        .execute();
      await recordEvent(trx, ctx, {
        action: 'auth.sign_in_failed',
        objectType: 'user',
        objectId: row.id,
        agencyId: row.agency_id,
        note: `第${attempts}次失败`,
      });
      if (lock)
        await recordEvent(trx, ctx, {
          action: 'auth.locked',
          objectType: 'user',
          objectId: row.id,
          agencyId: row.agency_id,
          note: '锁定15分钟',
        });
    });
    if (lock) throw new DomainError('locked', '连续5次登录失败，账号已锁定15分钟');
    throw new DomainError(
      'unauthenticated',
      `${BAD_CREDENTIALS}（还可尝试${MAX_FAILED_ATTEMPTS - attempts}次）`,
    );
  }
  const session = await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null, last_login_at: nowIso(now) })
      .where('id', '=', row.id)
      .execute();
    const s = await createSession(trx, row.id, now, ctx.meta);
    await recordEvent(
      trx,
      { ...ctx, actor: { kind: 'system', name: username } },
      {
        action: 'auth.sign_in',
        objectType: 'user',
        objectId: row.id,
        agencyId: row.agency_id,
      },
    );
    return s;
  });
  return { user: await getUser(ctx.db, row.id), ...session };
}

/** End a session. */
export async function signOut(ctx: Ctx, sessionId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    if (ctx.actor.kind === 'user') {
      await recordEvent(trx, ctx, {
        action: 'auth.sign_out',
        objectType: 'user',
        objectId: ctx.actor.userId,
      });
    }
  });
}

/** Change one's own password (checks the current one); other sessions of the user are ended. */
export async function changePassword(
  ctx: Ctx,
  input: { current: string; next: string; confirm: string; keepSessionId?: string },
): Promise<void> {
  if (ctx.actor.kind !== 'user') throw new DomainError('unauthenticated', '请先登录');
  const userId = ctx.actor.userId;
  const row = await ctx.db
    .selectFrom('users')
    .select(['username', 'password_hash', 'agency_id'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, input.current))) {
    throw new ValidationError('当前密码不正确', { current: '当前密码不正确' });
  }
  if (input.next !== input.confirm)
    throw new ValidationError('两次输入的新密码不一致', { confirm: '两次输入不一致' });
  if (input.next === input.current)
    throw new ValidationError('新密码不能与当前密码相同', { next: '不能与当前密码相同' });
  const problem = passwordProblem(input.next, row.username);
  if (problem) throw new ValidationError(problem, { next: problem });
  const hash = await hashPassword(input.next);
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso(ctx.clock.now());
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 0, password_changed_at: now, updated_at: now })
      .where('id', '=', userId)
      .execute();
    let del = trx.deleteFrom('sessions').where('user_id', '=', userId);
    if (input.keepSessionId) del = del.where('id', '!=', input.keepSessionId);
    await del.execute();
    await recordEvent(trx, ctx, {
      action: 'auth.password_changed',
      objectType: 'user',
      objectId: userId,
      agencyId: row.agency_id,
    });
  });
}
