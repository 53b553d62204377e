import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency, makeUser, systemCtx } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';
import { seedCalendar } from '../calendar/seed-calendar.ts';
import { fixedClock } from '../clock.ts';

describeEachDialect('web: working-day calendar pages', (t) => {
  test('everyone sees the year; an admin loads a provisional year from the form, a clerk may not', async () => {
    const { db } = t();
    await seedCalendar(systemCtx(db));
    const agency = await makeAgency(db);
    const admin = await makeUser(db, agency.id, ['admin', 'platform_admin']);
    const clerk = await makeUser(db, agency.id, ['clerk']);
    const cc = testApp(db).client();
    await cc.signIn(clerk.username);
    const y2026 = await (await cc.get('/office/calendar?year=2026')).text();
    assert.match(y2026, /国务院办公厅关于2026年部分节假日安排的通知/);
    assert.match(y2026, /法定节假日（春节）/);
    assert.match(y2026, /title="调休上班日（春节）">14</);
    const y2027 = await (await cc.get('/office/calendar?year=2027')).text();
    assert.match(y2027, /暂定/);
    assert.doesNotMatch(y2027, /载入年度放假安排通知/, 'a clerk sees no admin form');
    const denied = await cc.post('/office/calendar/day', { date: '2027-01-04', kind: 'rest', name: '测试' });
    assert.equal(denied.status, 403);

    const ca = testApp(db).client();
    await ca.signIn(admin.username);
    const bad = await ca.post('/office/calendar/load', {
      year: '2027',
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      restDays: '2027-01-01 元旦',
      makeupDays: '2027-01-04 元旦',
    });
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.match(badHtml, /不是周六或周日|周六或周日/);
    assert.match(badHtml, /2027-01-01 元旦/, 'what the admin typed is kept');
    const ok = await ca.post('/office/calendar/load', {
      year: '2027',
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      restDays: '2027-01-01 元旦\n2027-02-05 春节\n2027-02-06 春节',
      makeupDays: '2027-01-30 春节',
    });
    assert.equal(ok.status, 303);
    const after = await (await ca.get('/office/calendar?year=2027')).text();
    assert.doesNotMatch(after, /<strong>暂定<\/strong>/);
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'calendar.year_loaded')
      .execute();
    assert.ok(audit.length >= 1);
  });
});

describeEachDialect("web: reminder to load next year's calendar", (t) => {
  test('from 1 November an admin is reminded until next year is loaded; never before, never a clerk', async () => {
    const { db } = t();
    await seedCalendar(systemCtx(db));
    const agency = await makeAgency(db);
    const admin = await makeUser(db, agency.id, ['admin', 'platform_admin']);
    const clerk = await makeUser(db, agency.id, ['clerk']);
    const october = testApp(db, fixedClock('2026-10-20T02:00:00Z')).client();
    await october.signIn(admin.username);
    assert.doesNotMatch(await (await october.get('/office')).text(), /请载入2027年放假安排/);
    const november = testApp(db, fixedClock('2026-11-02T02:00:00Z')).client();
    await november.signIn(admin.username);
    assert.match(await (await november.get('/office')).text(), /请载入2027年放假安排/);
    const clerkView = testApp(db, fixedClock('2026-11-02T02:00:00Z')).client();
    await clerkView.signIn(clerk.username);
    assert.doesNotMatch(await (await clerkView.get('/office')).text(), /请载入2027年放假安排/);
  });
});
