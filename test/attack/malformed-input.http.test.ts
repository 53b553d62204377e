/**
 * Attack: malformed values in places a browser never puts them — a flash message containing %, broken cookies, a bad
 * Referer, absurd page numbers and years. Each gets a page (or a 400 in Chinese), never a 500.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../support/db.ts';
import { makeAgency, makeUser } from '../support/factories.ts';
import { testApp } from '../support/http.ts';

describeEachDialect('attack: malformed cookies, headers and numbers', (t) => {
  test('a flash message with % is shown once, and the next page is fine', async () => {
    const { db } = t();
    await makeAgency(db);
    const c = testApp(db).client();
    c.cookies.set('gk_flash', encodeURIComponent('完成率 50%，请核对'));
    const first = await c.get('/');
    assert.equal(first.status, 200);
    assert.match(await first.text(), /完成率 50%，请核对/);
    assert.equal((await c.get('/')).status, 200);
  });

  test('broken cookies and a bad Referer: no 500', async () => {
    const { db } = t();
    await makeAgency(db);
    const c = testApp(db).client();
    for (const [name, value] of [
      ['gk_flash', '%E0%A4%A'],
      ['gk_sid', '%%%'],
      ['gk_csrf', '\u00ff'.repeat(3)],
      ['gk_large', '%'],
    ] as const) {
      const x = testApp(db).client();
      x.cookies.set(name, value);
      const r = await x.get('/');
      assert.ok(r.status < 500, `${name}=${value}: ${r.status}`);
    }
    const token = await c.csrf();
    const r = await c.post(
      '/prefs/large-font',
      { on: '1' },
      { csrf: token, headers: { referer: 'not a url' } },
    );
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/');
  });

  test('absurd page numbers and years: 400 or a normal page, never 500', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const admin = await makeUser(db, agency.id, ['admin', 'auditor', 'platform_admin']);
    const c = testApp(db).client();
    await c.signIn(admin.username);
    for (const q of ['1e309', '-1', 'NaN', '99999999999999999999', '0x10', '']) {
      for (const path of [
        `/catalogue/all?page=${q}`,
        `/search?q=通知&page=${q}`,
        `/office/audit?page=${q}`,
        `/office/calendar?year=${q}`,
        `/office/annual-reports/county?year=${q}`,
        `/office/requests?page=${q}`,
      ]) {
        let r = await c.get(path);
        // SQLite's search gate refuses with 503 and its Chinese message when searches took over half of the last
        // second (src/web/search-gate.ts): on a loaded machine these back-to-back searches can. That is the gate
        // working, not the page failing: wait for the window to pass and ask again, so the page itself is checked.
        for (let i = 0; i < 5 && r.status === 503 && path.startsWith('/search'); i++) {
          assert.match(await r.text(), /当前搜索的人数较多/, `${path}: 503 without the gate's message`);
          await new Promise((ok) => setTimeout(ok, 1100));
          r = await c.get(path);
        }
        assert.ok(r.status < 500, `${path}: ${r.status}`);
      }
    }
    // Found by the fuzz run on PostgreSQL: a non-numeric id reached the database (22P02).
    for (const officeId of ['NaN', '1e309', '99999999999999999999', '‮exe']) {
      const r = await c.post(`/office/org/${agency.id}/disclosure-office`, { officeId });
      assert.equal(r.status, 400, `disclosure office ${officeId}`);
    }
    // Found by the fuzz run: a refused load of year 514077039 rendered the calendar of that year.
    for (const year of ['514077039', '-5', '1e309']) {
      const r = await c.post('/office/calendar/load', { year, title: '测试' });
      assert.equal(r.status, 400, `calendar load year=${year}`);
      const d = await c.post('/office/calendar/day', { date: `${year}-01-01`, kind: 'rest', name: 'x' });
      assert.ok(d.status < 500, `calendar day ${year}: ${d.status}`);
    }
  });
});
