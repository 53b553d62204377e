import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { ctxAs, makeAgency, makeUser, TEST_PASSWORD, userActor } from '../../test/support/factories.ts';
import { ValidationError } from '../errors.ts';
import { changePassword } from './sign-in.ts';
import { resetPassword } from '../org/manage-users.ts';
import { PASSWORD_HISTORY } from './password-policy.ts';

describeEachDialect('password policy on every change: no reuse of the last passwords', (t) => {
  it('refuses the current and the last four passwords, allows the fifth one back', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const user = await makeUser(db, agency.id, ['clerk']);
    const ctx = ctxAs(db, userActor(user));
    const pw = (i: number) => `Hz#river-${i}Lq`;
    let current = TEST_PASSWORD;
    for (let i = 1; i < PASSWORD_HISTORY; i++) {
      await changePassword(ctx, { current, next: pw(i), confirm: pw(i) });
      current = pw(i);
    }
    // Now used: TEST_PASSWORD, pw(1) … pw(4); every one of them is refused.
    for (const old of [TEST_PASSWORD, pw(1), pw(2), pw(3)]) {
      await assert.rejects(
        changePassword(ctx, { current, next: old, confirm: old }),
        (e: unknown) => e instanceof ValidationError && /最近5次使用过的密码/.test(e.message),
        old,
      );
    }
    await changePassword(ctx, { current, next: pw(5), confirm: pw(5) });
    current = pw(5);
    // TEST_PASSWORD has left the window of five (pw1…pw5): it may come back.
    await changePassword(ctx, { current, next: TEST_PASSWORD, confirm: TEST_PASSWORD });
    const kept = await db
      .selectFrom('password_history')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    assert.equal(kept.length, PASSWORD_HISTORY - 1);
  });

  it('the policy applies to a password an admin types at a reset, history included', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const admin = await makeUser(db, agency.id, ['admin']);
    const user = await makeUser(db, agency.id, ['clerk']);
    const ctx = ctxAs(db, userActor(admin));
    await assert.rejects(resetPassword(ctx, user.id, 'P@ssw0rd2026!'), /过于常见/);
    await assert.rejects(resetPassword(ctx, user.id, TEST_PASSWORD), /最近5次/);
    await assert.rejects(resetPassword(ctx, user.id, ' Hz#river-9Lq'), /开头和结尾/);
    assert.equal(await resetPassword(ctx, user.id, 'Hz#river-9Lq'), 'Hz#river-9Lq');
    // A generated one-time password is random and always accepted.
    assert.ok((await resetPassword(ctx, user.id)).length >= 14);
  });

  it('a change to a common or padded password is refused before anything is stored', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const user = await makeUser(db, agency.id, ['clerk']);
    const ctx = ctxAs(db, userActor(user));
    for (const next of ['Woaini@1314', 'Zk-12345-pq', 'Hz#river-9Lq\u0000'])
      await assert.rejects(
        changePassword(ctx, { current: TEST_PASSWORD, next, confirm: next }),
        ValidationError,
      );
    const kept = await db
      .selectFrom('password_history')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    assert.equal(kept.length, 0);
  });
});
