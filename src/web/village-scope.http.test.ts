import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp } from '../../test/support/http.ts';
import {
  fixedClock,
  makeAgency,
  makeOffice,
  makeUser,
  makeVillage,
  systemCtx,
} from '../../test/support/factories.ts';
import { seedCalendar } from '../calendar/seed-calendar.ts';
import { isVillageOnly } from '../org/access.ts';

const FORBIDDEN = [403, 404];

describeEachDialect('web: a village-only user sees and edits only their own village (#14)', (t) => {
  test('a village liaison gets 403/404 on township-wide pages and other villages, and still does their own work', async () => {
    const { db } = t();
    const clock = fixedClock('2026-04-08T02:00:00Z');
    await seedCalendar(systemCtx(db, clock));
    const town = await makeAgency(db, {});
    const office = await makeOffice(db, town.id);
    const mine = await makeVillage(db, town.id, '东沟村');
    const other = await makeVillage(db, town.id, '西沟村');
    const liaison = await makeUser(db, town.id, ['liaison'], { villageId: mine });
    const otherLiaison = await makeUser(db, town.id, ['liaison'], { villageId: other });
    const officeLiaison = await makeUser(db, town.id, ['liaison'], { officeId: office });
    const cadre = await makeUser(db, town.id, ['village_cadre'], { villageId: mine });
    assert.equal(isVillageOnly(liaison), true);
    assert.equal(isVillageOnly(officeLiaison), false, 'an office liaison works for the township');
    assert.equal(isVillageOnly(cadre), false, 'a 包村干部 is township staff');

    const app = testApp(db, clock);
    const as = async (u: { username: string }) => {
      const c = app.client();
      await c.signIn(u.username);
      return c;
    };
    const me = await as(liaison);
    const them = await as(otherLiaison);

    // The other village's liaison drafts an item; this liaison drafts one of their own.
    const draftFor = async (c: Awaited<ReturnType<typeof as>>, villageId: number) => {
      const res = await c.post('/office/villages/items', {
        villageId: String(villageId),
        code: 'finance_quarterly',
        period: '2026-Q1',
      });
      assert.equal(res.status, 303);
      return Number(/\/items\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
    };
    // Opening one's own village page seeds the township's templates.
    assert.equal((await me.get(`/office/villages/v/${mine}`)).status, 200);
    const theirs = await draftFor(them, other);
    const own = await draftFor(me, mine);
    assert.ok(own > 0 && theirs > 0);

    // Township-wide pages: requests, publications, reports, statistics, the org, the village overview's tools.
    for (const path of [
      '/office/requests',
      '/office/publications',
      '/office/annual-reports',
      '/office/stats/publications',
      '/office/stats/requests',
      '/office/inquiries',
      `/office/org/${town.id}`,
      '/office/villages/templates',
    ]) {
      const res = await me.get(path);
      assert.ok(FORBIDDEN.includes(res.status), `${path} answered ${res.status}`);
    }
    // Creating a township publication is refused too (the village publishes through 村级公开).
    const pub = await me.post('/office/publications', { title: '村里的通知', body: '正文' });
    assert.ok(FORBIDDEN.includes(pub.status), `POST /office/publications answered ${pub.status}`);

    // Another village: its page, its draft, a new draft for it.
    assert.ok(FORBIDDEN.includes((await me.get(`/office/villages/v/${other}`)).status));
    assert.ok(FORBIDDEN.includes((await me.get(`/office/villages/items/${theirs}`)).status));
    const foreign = await me.post('/office/villages/items', {
      villageId: String(other),
      code: 'finance_quarterly',
      period: '2026-Q1',
    });
    assert.ok(FORBIDDEN.includes(foreign.status), `drafting for another village answered ${foreign.status}`);

    // Their own work: the overview sends them to their village, their item opens, the nav shows what they use.
    const overview = await me.get('/office/villages');
    assert.equal(overview.status, 303);
    assert.equal(overview.headers.get('location'), `/office/villages/v/${mine}`);
    const item = await me.get(`/office/villages/items/${own}`);
    assert.equal(item.status, 200);
    const homeRes = await me.get('/office');
    assert.equal(homeRes.status, 200);
    const home = await homeRes.text();
    const nav = /<nav class="wrap office-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(home)?.[1] ?? '';
    assert.match(nav, /村级公开/);
    for (const label of ['主动公开', '统计图表', '依申请公开', '年度报告'])
      assert.doesNotMatch(nav, new RegExp(label));

    // An office liaison still reads the township's publications and sees 主动公开.
    const staff = await as(officeLiaison);
    assert.equal((await staff.get('/office/publications')).status, 200);
    const staffNav = /<nav class="wrap office-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(
      await (await staff.get('/office')).text(),
    )?.[1];
    assert.match(staffNav ?? '', /主动公开/);
  });
});
