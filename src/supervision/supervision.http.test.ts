import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp } from '../../test/support/http.ts';
import { fixedClock, makeAgency, makeUser, makeVillage, systemCtx } from '../../test/support/factories.ts';
import { seedCalendar } from '../calendar/seed-calendar.ts';
import type { Db } from '../db/database.ts';
import { runDailyChecks } from './daily-checks.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

async function setup(db: Db) {
  const clock = fixedClock('2026-03-02T02:00:00Z');
  await seedCalendar(systemCtx(db, clock));
  const county = await makeAgency(db, { kind: 'county', parentId: null });
  const town = await makeAgency(db, { parentId: county.id });
  const village = await makeVillage(db, town.id, '白崖村');
  const clerk = await makeUser(db, town.id, ['clerk']);
  const clerk2 = await makeUser(db, town.id, ['clerk']);
  const liaison = await makeUser(db, town.id, ['liaison'], { villageId: village });
  const countyAdmin = await makeUser(db, county.id, ['admin']);
  const inspector = await makeUser(db, county.id, ['inspector']);
  const supervisor = await makeUser(db, county.id, ['supervisor']);
  const app = testApp(db, clock);
  const as = async (u: { username: string }) => {
    const c = app.client();
    await c.signIn(u.username);
    return c;
  };
  return { clock, county, town, village, clerk, clerk2, liaison, countyAdmin, inspector, supervisor, as };
}

const idOf = (res: Response) => Number(/\/problems\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);

describeEachDialect('web: 监督保障', (t) => {
  test('record → rectify with a photo → 销号 by a second person; statuses in Chinese; the photo is served to staff only; bad input keeps what was typed', async () => {
    const db = t().db;
    const s = await setup(db);
    const clerk = await s.as(s.clerk);
    const bad = await clerk.post('/office/supervision/problems/new', {
      title: '公',
      unit: `village:${s.village}`,
    });
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.match(badHtml, /请填写问题（至少2个字）/);
    assert.match(badHtml, /value="公"/);
    const res = await clerk.post('/office/supervision/problems/new', {
      title: '村务公开栏未按季度更新',
      unit: `village:${s.village}`,
      responsibleUserId: String(s.liaison.id),
      deadline: '2026-03-20',
    });
    assert.equal(res.status, 303);
    const id = idOf(res);
    const ledger = await (await clerk.get('/office/supervision/problems')).text();
    assert.match(ledger, /村务公开栏未按季度更新/);
    assert.match(ledger, /待整改/);

    const liaison = await s.as(s.liaison);
    const page = await (await liaison.get(`/office/supervision/problems/${id}`)).text();
    assert.match(page, /提交整改/);
    const fd = new FormData();
    fd.set('version', '1');
    fd.set('note', '已更新公开栏并张贴第一季度财务收支');
    fd.set('photos', new File([PNG], '公开栏.png', { type: 'image/png' }));
    const r = await liaison.post(`/office/supervision/problems/${id}/rectify`, fd);
    assert.equal(r.status, 303);
    const after = await (await clerk.get(`/office/supervision/problems/${id}`)).text();
    assert.match(after, /已整改，待销号/);
    const photo = /src="(\/office\/supervision\/problems\/\d+\/evidence\/\d+)"/.exec(after)![1]!;
    const img = await clerk.get(photo);
    assert.equal(img.headers.get('content-type'), 'image/png');
    const outsider = await s.as(await makeUser(db, (await makeAgency(db)).id, ['clerk']));
    assert.equal((await outsider.get(photo)).status, 404);
    assert.equal((await outsider.get(`/office/supervision/problems/${id}`)).status, 404);

    // The rectifier sees no close-out form and is refused; a second clerk closes.
    assert.doesNotMatch(
      await (await liaison.get(`/office/supervision/problems/${id}`)).text(),
      /复核销号<\/h2>/,
    );
    const clerk2 = await s.as(s.clerk2);
    const done = await clerk2.post(`/office/supervision/problems/${id}/close-out`, {
      version: '2',
      decision: 'close',
      note: '现场复核已整改',
    });
    assert.equal(done.status, 303);
    const closed = await (await clerk2.get(`/office/supervision/problems/${id}`)).text();
    assert.match(closed, /已销号，待回头看/);
    assert.match(closed, /2026-04-01/);
    for (const p of [
      '/office/supervision',
      '/office/supervision/inspections',
      '/office/supervision/bulletins',
      '/office/supervision/trainings',
      '/office/supervision/evaluations',
      '/office/supervision/assessment',
      '/office/supervision/settings',
    ]) {
      const pageRes = await clerk.get(p);
      assert.equal(pageRes.status, 200, p);
      assert.doesNotMatch(await pageRes.text(), /undefined|NaN|supervision\.|sv_/, p);
    }
  });

  test('the county role matrix: the inspector and the county admin read or see nothing to write; the supervisor (督办 role, county.supervision) records a problem in the township ledger and issues 督办; the township answers', async () => {
    const db = t().db;
    const s = await setup(db);
    const otherCounty = await makeAgency(db, { kind: 'county', parentId: null });
    const outsider = await makeUser(db, otherCounty.id, ['supervisor']);
    const ledgerUrl = `/office/supervision/problems?agency=${s.town.id}`;
    const problem = { title: '指南未更新', unit: 'agency:0' };
    // who → [reads the township ledger, may record there, sees the county dashboard, opens the township's drill-down]
    const matrix: [string, { username: string }, number, number, number, number][] = [
      ['county inspector', s.inspector, 200, 403, 200, 200],
      ['county supervisor', s.supervisor, 200, 303, 200, 200],
      ['county admin', s.countyAdmin, 404, 404, 404, 404],
      ['another county’s supervisor', outsider, 404, 404, 200, 404],
      ['township clerk', s.clerk, 200, 303, 404, 404],
    ];
    for (const [who, u, read, record, dashboard, drill] of matrix) {
      const c = await s.as(u);
      const ledger = await c.get(ledgerUrl);
      assert.equal(ledger.status, read, `${who} reads the township ledger`);
      if (read === 200)
        (record === 303 ? assert.match : assert.doesNotMatch)(
          await ledger.text(),
          /登记问题<\/a>/,
          `${who} button`,
        );
      const posted = await c.post(`/office/supervision/problems/new?agency=${s.town.id}`, problem);
      assert.equal(posted.status, record, `${who} records a problem`);
      assert.equal((await c.get('/office/county')).status, dashboard, `${who} county dashboard`);
      assert.equal((await c.get(`/office/county/agencies/${s.town.id}`)).status, drill, `${who} drill-down`);
    }
    const insp = await s.as(s.supervisor);

    const res = await insp.post(`/office/supervision/problems/new?agency=${s.town.id}`, {
      title: '政府信息公开指南未更新',
      unit: 'agency:0',
      responsibleName: '李四',
      deadline: '2026-03-03',
    });
    assert.equal(res.status, 303);
    const id = idOf(res);
    const p = await db
      .selectFrom('sv_problems')
      .select(['agency_id', 'source'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(p.agency_id, s.town.id);
    assert.equal(p.source, 'county');

    // Not yet overdue: no 督办. Two days later it is.
    const early = await insp.post(`/office/supervision/problems/${id}/supervise`, {
      demand: '请立即整改',
      answerBy: '2026-03-10',
    });
    assert.equal(early.status, 400);
    assert.match(await early.text(), /只能对整改逾期的问题督办/);
    s.clock.set('2026-03-05T02:00:00Z');
    await insp.signIn(s.supervisor.username);
    assert.equal(
      (
        await insp.post(`/office/supervision/problems/${id}/supervise`, {
          demand: '请立即整改并书面报告',
          answerBy: '2026-03-10',
        })
      ).status,
      303,
    );
    const told = await db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', s.clerk.id)
      .where('kind', '=', 'supervision.supervision')
      .execute();
    assert.equal(told.length, 1);
    const clerk = await s.as(s.clerk);
    const page = await (await clerk.get(`/office/supervision/problems/${id}`)).text();
    assert.match(page, /县级督办待答复/);
    // Past the answer date: the daily sweep reminds the township and tells the issuer, then again only days later.
    const lateNotes = (userId: number) =>
      db
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', userId)
        .where('kind', '=', 'supervision.answer_overdue')
        .execute();
    s.clock.set('2026-03-11T02:00:00Z');
    assert.equal((await runDailyChecks(systemCtx(db, s.clock))).lateAnswers, 1);
    assert.equal((await runDailyChecks(systemCtx(db, s.clock), { period: '2026-03-11b' })).lateAnswers, 0);
    assert.match((await lateNotes(s.clerk.id))[0]!.title, /县级督办逾期未答复.*应于2026-03-10前答复/);
    assert.match((await lateNotes(s.supervisor.id))[0]!.title, /督办逾期未获答复/);
    s.clock.set('2026-03-15T02:00:00Z');
    assert.equal((await runDailyChecks(systemCtx(db, s.clock))).lateAnswers, 1);
    assert.equal((await lateNotes(s.clerk.id)).length, 2);
    await clerk.signIn(s.clerk.username);
    const sid = /supervisions\/(\d+)\/answer/.exec(page)![1];
    assert.equal(
      (
        await clerk.post(`/office/supervision/problems/${id}/supervisions/${sid}/answer`, {
          answer: '已于3月6日前完成整改',
        })
      ).status,
      303,
    );
    const back = await db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', s.supervisor.id)
      .where('kind', '=', 'supervision.supervision')
      .execute();
    assert.equal(back.length, 1);
  });

  test('social evaluation: online through the link (rate-limited), paper entry, results per group; personal data in comments masked for readers outside the office', async () => {
    const db = t().db;
    const s = await setup(db);
    const clerk = await s.as(s.clerk);
    const created = await clerk.post('/office/supervision/evaluations', {
      year: '2026',
      title: '2026年度政务公开社会评议',
      items: '公开及时\n内容准确',
    });
    assert.equal(created.status, 303);
    const qid = /evaluations\/(\d+)/.exec(created.headers.get('location')!)![1];
    const page = await (await clerk.get(`/office/supervision/evaluations/${qid}`)).text();
    const token = /\/evaluate\/([A-Za-z0-9_-]+)/.exec(page)![1]!;
    assert.match(
      (await clerk.get(`/office/supervision/evaluations/${qid}/qr.svg`)).headers.get('content-type')!,
      /svg/,
    );
    const anon = testApp(db, s.clock).client();
    const incomplete = await anon.post(`/evaluate/${token}`, { group: 'npc_deputy', 'score-0': '5' });
    assert.equal(incomplete.status, 400);
    assert.match(await incomplete.text(), /请为每一项打分/);
    const ok = await anon.post(`/evaluate/${token}`, {
      group: 'npc_deputy',
      'score-0': '5',
      'score-1': '4',
      comment: '建议公开更及时，我的电话13912345678',
    });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /提交成功/);
    for (let i = 0; i < 9; i++)
      await anon.post(`/evaluate/${token}`, { group: 'public', 'score-0': '3', 'score-1': '3' });
    assert.equal(
      (await anon.post(`/evaluate/${token}`, { group: 'public', 'score-0': '3', 'score-1': '3' })).status,
      429,
    );
    assert.equal(
      (
        await clerk.post(`/office/supervision/evaluations/${qid}/paper`, {
          group: 'cppcc_member',
          name: '王五',
          'score-0': '4',
          'score-1': '4',
        })
      ).status,
      303,
    );
    const results = await (await clerk.get(`/office/supervision/evaluations/${qid}`)).text();
    assert.match(results, /共11份/);
    assert.match(results, /13912345678/, 'the office sees the raw comment');
    const insp = await s.as(s.supervisor);
    const outside = await (await insp.get(`/office/supervision/evaluations/${qid}`)).text();
    assert.doesNotMatch(outside, /13912345678/);
    assert.match(outside, /139\*{4}5678/);
  });

  test('the bulletin: drafted for a month, edited, exported as DOCX, published', async () => {
    const db = t().db;
    const s = await setup(db);
    const clerk = await s.as(s.clerk);
    await clerk.post('/office/supervision/problems/new', {
      title: '公开栏内容过期',
      unit: `village:${s.village}`,
    });
    s.clock.set('2026-04-01T02:00:00Z');
    await clerk.signIn(s.clerk.username); // the session idles out over a month
    assert.equal((await clerk.post('/office/supervision/bulletins', { period: '2026-03' })).status, 303);
    const page = await (await clerk.get('/office/supervision/bulletins/2026-03')).text();
    assert.match(page, /发现问题1个/);
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    assert.equal(
      (
        await clerk.post('/office/supervision/bulletins/2026-03', {
          version,
          title: '关于2026年3月政务公开工作情况的通报',
          bodyText: '一、总体情况\n本月发现问题1个（白崖村），已交办整改。',
        })
      ).status,
      303,
    );
    const docx = await clerk.get('/office/supervision/bulletins/2026-03/docx');
    assert.match(docx.headers.get('content-type')!, /wordprocessingml/);
    const bytes = new Uint8Array(await docx.arrayBuffer());
    assert.equal(String.fromCharCode(bytes[0]!, bytes[1]!), 'PK');
    assert.equal((await clerk.post('/office/supervision/bulletins/2026-03/publish', {})).status, 303);
    assert.match(await (await clerk.get('/office/supervision/bulletins')).text(), /已发布/);
  });
});
