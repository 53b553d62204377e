/**
 * Attack: session fixation and long-lived sessions, forged X-Forwarded-Proto, cross-site posts, cached personal data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../support/db.ts';
import { makeAgency, makeUser } from '../support/factories.ts';
import { testApp } from '../support/http.ts';
import { fixedClock } from '../../src/clock.ts';

describeEachDialect('attack: sessions, proxies, origins, caching', (t) => {
  test('signing in again ends the old session; a session ends after 12 hours however active', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T01:00:00Z');
    const agency = await makeAgency(db);
    const user = await makeUser(db, agency.id, ['clerk']);
    const c = testApp(db, clock).client({ ip: '10.60.0.1' });
    await c.signIn(user.username);
    const first = c.cookies.get('gk_sid')!;
    await c.signIn(user.username);
    assert.notEqual(c.cookies.get('gk_sid'), first);
    const n = await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    assert.equal(n.length, 1, 'the old session was ended');
    for (let h = 0; h < 12; h++) {
      clock.advance(20 * 60 * 1000);
      assert.equal((await c.get('/office')).status, 200);
      clock.advance(20 * 60 * 1000);
      assert.equal((await c.get('/office')).status, 200);
      clock.advance(20 * 60 * 1000);
      if (h < 11) assert.equal((await c.get('/office')).status, 200, `hour ${h + 1}`);
    }
    clock.advance(60 * 1000);
    assert.equal((await c.get('/office')).status, 303, 'after 12 hours: sign in again');
  });

  test('X-Forwarded-Proto is believed only from a trusted proxy; HSTS over https', async () => {
    const { db } = t();
    await makeAgency(db);
    const direct = testApp(db).client();
    const r = await direct.get('/', { 'x-forwarded-proto': 'https' });
    assert.doesNotMatch(r.headers.getSetCookie().join(), /Secure/);
    assert.equal(r.headers.get('strict-transport-security'), null);
    const proxied = testApp(db, undefined, { GONGKAI_TRUST_PROXY: '1' }).client();
    const p = await proxied.get('/', { 'x-forwarded-proto': 'https' });
    assert.match(p.headers.getSetCookie().join(), /Secure/);
    assert.match(p.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
  });

  test('a state-changing request from another origin is refused; office pages are never stored', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const user = await makeUser(db, agency.id, ['admin']);
    const c = testApp(db).client({ ip: '10.60.0.2' });
    await c.signIn(user.username);
    const evil = await c.post(
      `/office/org/${agency.id}/offices`,
      { name: '跨站' },
      { headers: { origin: 'https://evil.example' } },
    );
    assert.equal(evil.status, 403);
    assert.match(await evil.text(), /来源/);
    const same = await c.post(
      `/office/org/${agency.id}/offices`,
      { name: '同源' },
      { headers: { origin: 'http://localhost' } },
    );
    assert.equal(same.status, 303);
    for (const path of ['/office', '/office/org', '/office/audit/export.xlsx', '/api/requests']) {
      const r = await c.get(path);
      await r.arrayBuffer();
      assert.equal(r.headers.get('cache-control'), 'no-store', path);
    }
  });
});
