/**
 * Attack: account enumeration through sign-in answers. Unknown and known names get the same text (no remaining-tries
 * count), lock after the same number of attempts, and the real owner is told by a notification.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../support/db.ts';
import { makeAgency, makeUser } from '../support/factories.ts';
import { testApp } from '../support/http.ts';

const errorText = async (r: Response) => /role="alert"[^>]*>([^<]*)</.exec(await r.text())?.[1] ?? '';

describeEachDialect('attack: sign-in answers tell nothing about the account', (t) => {
  test('known and unknown user names: the same status and text on every attempt, locked alike', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const user = await makeUser(db, agency.id, ['clerk']);
    const { client } = testApp(db);
    const known = client({ ip: '10.1.0.1' });
    const unknown = client({ ip: '10.1.0.2' });
    for (let i = 0; i < 6; i++) {
      const a = await known.signIn(user.username, 'Wrong-pass-123');
      const b = await unknown.signIn(`nobody-${user.username}`, 'Wrong-pass-123');
      assert.equal(a.status, b.status, `attempt ${i + 1}`);
      const [ta, tb] = [await errorText(a), await errorText(b)];
      assert.equal(ta, tb, `attempt ${i + 1}`);
      assert.doesNotMatch(ta, /还可尝试/);
    }
    const notes = await db
      .selectFrom('notifications')
      .select(['title', 'body'])
      .where('user_id', '=', user.id)
      .execute();
    assert.equal(notes.length, 1);
    assert.match(notes[0]!.body, /连续5次登录失败/);
  });
});
