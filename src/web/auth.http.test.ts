import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency, makeUser, TEST_PASSWORD } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';
import { fixedClock } from '../clock.ts';

describeEachDialect('web: sign-in, sessions, CSRF, access', (t) => {
  test('sign-in with the right password opens the dashboard; wrong password is refused', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const user = await makeUser(db, agency.id, ['clerk']);
    const c = testApp(db).client();
    const bad = await c.signIn(user.username, 'Wrong-pass-123');
    assert.equal(bad.status, 401);
    assert.match(await bad.text(), /用户名或密码错误/);
    const ok = await c.signIn(user.username);
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/office');
    const dash = await c.get('/office');
    assert.equal(dash.status, 200);
    assert.match(await dash.text(), /工作台/);
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', String(user.id))
      .execute();
    assert.ok(audit.some((a) => a.action === 'auth.sign_in'));
    assert.ok(audit.some((a) => a.action === 'auth.sign_in_failed'));
  });

  test('five failures lock the account for 15 minutes, even with the right password', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const agency = await makeAgency(db);
    const user = await makeUser(db, agency.id, ['clerk']);
    const c = testApp(db, clock).client();
    for (let i = 0; i < 4; i++) assert.equal((await c.signIn(user.username, 'Wrong-pass-123')).status, 401);
    const fifth = await c.signIn(user.username, 'Wrong-pass-123');
    assert.equal(fifth.status, 423);
    const locked = await c.signIn(user.username, TEST_PASSWORD);
    assert.equal(locked.status, 423);
    assert.match(await locked.text(), /锁定/);
    clock.advance(16 * 60 * 1000);
    assert.equal((await c.signIn(user.username, TEST_PASSWORD)).status, 303);
    const rows = await db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'auth.locked')
      .where('object_id', '=', String(user.id))
      .execute();
    assert.equal(rows.length, 1);
  });

  test('a POST without the CSRF token is rejected', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const user = await makeUser(db, agency.id, ['admin']);
    const c = testApp(db).client();
    await c.signIn(user.username);
    const res = await c.post(
      `/office/org/${agency.id}/offices`,
      { name: '没有令牌的办公室' },
      { csrf: false },
    );
    assert.equal(res.status, 403);
    assert.match(await res.text(), /请求来源无法验证/);
    const forged = await c.post(
      `/office/org/${agency.id}/offices`,
      { name: '伪造令牌' },
      { csrf: 'x'.repeat(43) },
    );
    assert.equal(forged.status, 403);
    const offices = await db
      .selectFrom('offices')
      .select('name')
      .where('agency_id', '=', agency.id)
      .execute();
    assert.equal(offices.length, 0);
  });

  test('a new user must change the password before anything else; the change is audited', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const user = await makeUser(db, agency.id, ['clerk'], { mustChange: true });
    const c = testApp(db).client();
    const r = await c.signIn(user.username);
    assert.equal(r.headers.get('location'), '/office/password');
    assert.equal((await c.get('/office')).headers.get('location'), '/office/password');
    const weak = await c.post('/office/password', {
      current: TEST_PASSWORD,
      next: 'short',
      confirm: 'short',
    });
    assert.equal(weak.status, 400);
    assert.match(await weak.text(), /至少需要10个字符/);
    const ok = await c.post('/office/password', {
      current: TEST_PASSWORD,
      next: 'New-pass-2026!',
      confirm: 'New-pass-2026!',
    });
    assert.equal(ok.status, 303);
    assert.equal((await c.get('/office')).status, 200);
    const a = await db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'auth.password_changed')
      .where('object_id', '=', String(user.id))
      .execute();
    assert.equal(a.length, 1);
  });

  test('sessions expire after 30 idle minutes', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const agency = await makeAgency(db);
    const user = await makeUser(db, agency.id, ['clerk']);
    const c = testApp(db, clock).client();
    await c.signIn(user.username);
    clock.advance(29 * 60 * 1000);
    assert.equal((await c.get('/office')).status, 200);
    clock.advance(31 * 60 * 1000);
    const r = await c.get('/office');
    assert.equal(r.status, 303);
    assert.match(r.headers.get('location') ?? '', /sign-in/);
  });

  test('a user of agency A cannot see agency B; an inspector above both can read but not change', async () => {
    const { db } = t();
    const a = await makeAgency(db);
    const b = await makeAgency(db, { parentId: a.parentId });
    const adminA = await makeUser(db, a.id, ['admin']);
    const c = testApp(db).client();
    await c.signIn(adminA.username);
    assert.equal((await c.get(`/office/org/${a.id}`)).status, 200);
    assert.equal((await c.get(`/office/org/${b.id}`)).status, 404);
    assert.equal((await c.post(`/office/org/${b.id}/offices`, { name: '越权' })).status, 404);
    const inspector = await makeUser(db, a.parentId!, ['inspector']);
    const ci = testApp(db).client();
    await ci.signIn(inspector.username);
    const page = await ci.get(`/office/org/${b.id}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /只读/);
    assert.equal((await ci.post(`/office/org/${b.id}/offices`, { name: '越权' })).status, 403);
  });

  test('security headers are set and the portal home renders without fake data', async () => {
    const { db } = t();
    const c = testApp(db).client();
    const r = await c.get('/');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(r.headers.get('x-frame-options'), 'DENY');
    const html = await r.text();
    for (const s of ['信息公开指南', '信息公开制度', '法定主动公开内容', '信息公开年报', '依申请公开'])
      assert.ok(html.includes(s), s);
    assert.equal((await c.get('/healthz')).status, 200);
  });
});

describeEachDialect('web: sign-in rate limit', (t) => {
  test('more than 20 sign-in attempts from one address in 5 minutes are refused, X-Forwarded-For not trusted by default', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const user = await makeUser(db, agency.id, ['clerk']);
    const c = testApp(db).client();
    let last = 0;
    for (let i = 0; i < 21; i++) {
      const r = await c.post(
        '/office/sign-in',
        { username: `nobody${i}`, password: 'x' },
        { headers: { 'x-forwarded-for': `10.1.1.${i}` } },
      );
      last = r.status;
    }
    assert.equal(last, 429);
    const blocked = await c.signIn(user.username);
    assert.equal(blocked.status, 429);
    assert.match(await blocked.text(), /登录尝试过于频繁/);
  });
});

describeEachDialect('web: portal home', (t) => {
  test('the home shows the newest public items only and is served from cache with an ETag', async () => {
    const { db } = t();
    const c = testApp(db).client();
    const first = await c.get('/');
    assert.equal(first.status, 200);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    assert.match(await first.text(), /最新公开/);
    const again = await c.get('/', { 'if-none-match': etag! });
    assert.equal(again.status, 304);
  });
});
