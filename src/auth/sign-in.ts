import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import { countHit } from './rate-limit.ts';
import { recordEvent } from '../audit/record-event.ts';
import { DomainError, ValidationError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { DUMMY_HASH, hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { assertPasswordNotReused, rememberPassword } from './password-history.ts';
import { createSession, deleteSession } from './session.ts';
import { getUser } from '../org/org.queries.ts';
import type { User } from '../org/org.ts';
import { cutChars } from '../text/cut.ts';

/** After 5 consecutive failures the account is locked for 15 minutes (GB/T 22239-2019 login failure handling). */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MS = 15 * 60 * 1000;

export interface SignInResult {
  user: User;
  token: string;
  csrfToken: string;
}

/**
 * One answer for every failed sign-in, whether the user name exists or not (no remaining-tries count: that would
 * tell a stranger the account is real). The account's owner is told by a notification instead.
 */
export const BAD_CREDENTIALS = '用户名或密码错误';
export const LOCKED_MESSAGE = '连续登录失败次数过多，账号已暂时锁定，请15分钟后再试';

/**
 * Verify credentials, enforce the lockout, open a session. Every outcome is audited.
 *
 * The attempt is counted before the password is checked, in one UPDATE … RETURNING on both databases: however many
 * requests arrive at once, at most MAX_FAILED_ATTEMPTS passwords are checked per lock window. A success resets the
 * count. Unknown user names are counted too (in the rate-limit table), so they lock exactly like real ones.
 */
export async function signIn(ctx: Ctx, username: string, password: string): Promise<SignInResult> {
  const now = ctx.clock.now();
  const name = username.trim();
  const row = await ctx.db
    .selectFrom('users')
    .select(['id', 'agency_id', 'password_hash', 'is_active'])
    .where('username', '=', name)
    .executeTakeFirst();
  if (!row) {
    const n = await countHit(ctx.db, `sign-in-name:${cutChars(name.toLowerCase(), 80)}`, LOCK_MS, now);
    if (n <= MAX_FAILED_ATTEMPTS) await verifyPassword(await DUMMY_HASH, password); // equal timing
    const allowed = n < MAX_FAILED_ATTEMPTS;
    await recordEvent(ctx.db, ctx, {
      action: 'auth.sign_in_failed',
      objectType: 'user',
      note: `未知用户名 ${cutChars(name, 40)}`,
    });
    if (!allowed) throw new DomainError('locked', LOCKED_MESSAGE);
    throw new DomainError('unauthenticated', BAD_CREDENTIALS);
  }
  const nowStr = nowIso(now);
  const lockUntil = nowIso(new Date(now.getTime() + LOCK_MS));
  const reserved = await ctx.db
    .updateTable('users')
    .set({
      failed_attempts: sql<number>`case when failed_attempts + 1 >= ${MAX_FAILED_ATTEMPTS} then 0 else failed_attempts + 1 end`,
      locked_until: sql<
        string | null
      >`case when failed_attempts + 1 >= ${MAX_FAILED_ATTEMPTS} then ${lockUntil} else null end`,
    })
    .where('id', '=', row.id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowStr)]))
    .returning(['failed_attempts', 'locked_until'])
    .executeTakeFirst();
  if (!reserved) {
    await recordEvent(ctx.db, ctx, {
      action: 'auth.sign_in_failed',
      objectType: 'user',
      objectId: row.id,
      agencyId: row.agency_id,
      note: '账号已锁定',
    });
    throw new DomainError('locked', LOCKED_MESSAGE);
  }
  const lockedNow = reserved.locked_until !== null;
  const ok = row.is_active === 1 && (await verifyPassword(row.password_hash, password));
  if (!ok) {
    await ctx.db.transaction().execute(async (trx) => {
      await recordEvent(trx, ctx, {
        action: 'auth.sign_in_failed',
        objectType: 'user',
        objectId: row.id,
        agencyId: row.agency_id,
        note: lockedNow ? `第${MAX_FAILED_ATTEMPTS}次失败` : `第${reserved.failed_attempts}次失败`,
      });
      if (lockedNow) {
        await recordEvent(trx, ctx, {
          action: 'auth.locked',
          objectType: 'user',
          objectId: row.id,
          agencyId: row.agency_id,
          note: '锁定15分钟',
        });
        await trx
          .insertInto('notifications')
          .values({
            user_id: row.id,
            kind: 'auth.locked',
            title: '您的账号因连续登录失败已被暂时锁定',
            body: `您的账号连续${MAX_FAILED_ATTEMPTS}次登录失败（最近一次来自 ${ctx.meta.ip ?? '未知地址'}），已锁定15分钟。如果不是您本人操作，请立即联系系统管理员并修改密码。`,
            link: '/office/password',
            created_at: nowStr,
            read_at: null,
          })
          .execute();
      }
    });
    if (lockedNow) throw new DomainError('locked', LOCKED_MESSAGE);
    throw new DomainError('unauthenticated', BAD_CREDENTIALS);
  }
  const session = await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null, last_login_at: nowStr })
      .where('id', '=', row.id)
      .execute();
    const s = await createSession(trx, row.id, now, ctx.meta);
    await recordEvent(
      trx,
      { ...ctx, actor: { kind: 'system', name } },
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
  await assertPasswordNotReused(ctx.db, userId, input.next);
  const hash = await hashPassword(input.next);
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso(ctx.clock.now());
    await rememberPassword(trx, userId, row.password_hash, now);
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
