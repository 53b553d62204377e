/**
 * Attack: 20 simultaneous sign-ins for one account. The lockout must count every attempt, so at most
 * MAX_FAILED_ATTEMPTS passwords are ever checked per lock window, however many requests arrive at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../support/db.ts';
import { makeAgency, makeUser, TEST_PASSWORD } from '../support/factories.ts';
import { testApp } from '../support/http.ts';
import { MAX_FAILED_ATTEMPTS } from '../../src/auth/sign-in.ts';

let n = 0;
describeEachDialect('attack: parallel sign-ins against the lockout', (t) => {
  test('20 parallel wrong passwords: at most 5 are checked, the account ends locked', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const user = await makeUser(db, agency.id, ['clerk']);
    const { client } = testApp(db);
    const clients = Array.from({ length: 20 }, (_, i) => client({ ip: `10.0.${n++}.${i}` }));
    await Promise.all(clients.map((c) => c.csrf()));
    const answers = await Promise.all(clients.map((c) => c.signIn(user.username, 'Wrong-pass-123')));
    const checked = answers.filter((r) => r.status === 401).length;
    assert.ok(checked <= MAX_FAILED_ATTEMPTS, `${checked} passwords were checked`);
    assert.ok(answers.every((r) => r.status === 401 || r.status === 423));
    const row = await db
      .selectFrom('users')
      .select(['locked_until'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.ok(row.locked_until, 'account is locked');
    assert.equal((await client({ ip: '10.9.9.9' }).signIn(user.username, TEST_PASSWORD)).status, 423);
  });

  test('19 wrong and 1 right at once: no more than 5 passwords checked in all', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const user = await makeUser(db, agency.id, ['clerk']);
    const { client } = testApp(db);
    const clients = Array.from({ length: 20 }, (_, i) => client({ ip: `10.0.${n++}.${i}` }));
    await Promise.all(clients.map((c) => c.csrf()));
    const answers = await Promise.all(
      clients.map((c, i) => c.signIn(user.username, i === 10 ? TEST_PASSWORD : 'Wrong-pass-123')),
    );
    const checked = answers.filter((r) => r.status === 401 || r.status === 303).length;
    assert.ok(checked <= MAX_FAILED_ATTEMPTS, `${checked} passwords were checked`);
  });
});
