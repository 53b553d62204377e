import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency, makeUser } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';

describeEachDialect('web: reminders', (t) => {
  test('a user reads and marks own reminders; another user’s stay untouched', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const a = await makeUser(db, agency.id, ['clerk']);
    const b = await makeUser(db, agency.id, ['clerk']);
    const now = new Date().toISOString();
    for (const [user, title] of [
      [a, '申请即将到期'],
      [a, '主动公开逾期'],
      [b, '别人的提醒'],
    ] as const) {
      await db
        .insertInto('notifications')
        .values({
          user_id: user.id,
          kind: 'test',
          title,
          body: '',
          link: null,
          created_at: now,
          read_at: null,
        })
        .execute();
    }
    const c = testApp(db).client();
    await c.signIn(a.username);
    const dash = await (await c.get('/office')).text();
    assert.match(dash, /待阅提醒（2）/);
    assert.doesNotMatch(dash, /别人的提醒/);
    const mine = await db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', a.id)
      .orderBy('id')
      .execute();
    const theirs = await db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', b.id)
      .executeTakeFirstOrThrow();
    // Marking someone else's id is silently ignored.
    assert.equal(
      (await c.post('/office/notifications/read', { id: [String(mine[0]!.id), String(theirs.id)] })).status,
      303,
    );
    const page = await (await c.get('/office/notifications')).text();
    assert.match(page, /未读 1 条/);
    await c.post('/office/notifications/read', { all: '1' });
    const unreadA = await db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', a.id)
      .where('read_at', 'is', null)
      .execute();
    const unreadB = await db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', b.id)
      .where('read_at', 'is', null)
      .execute();
    assert.equal(unreadA.length, 0);
    assert.equal(unreadB.length, 1);
  });
});
