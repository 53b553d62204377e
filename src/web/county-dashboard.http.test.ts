import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KyselyPlugin } from 'kysely';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp } from '../../test/support/http.ts';
import { loadDemoForTest } from '../../test/support/demo.ts';
import { systemClock } from '../clock.ts';
import { actorOf } from '../auth/session.ts';
import { findAgencyByCode, findUserByUsername } from '../org/org.queries.ts';
import { createAgency } from '../org/manage-agency.ts';
import { OPEN_STATES } from '../requests/request.ts';
import { countyDashboard } from '../county/county-dashboard.ts';
import type { Ctx } from '../context.ts';

/** Counts the statements a database handle runs. */
function counting(): { plugin: KyselyPlugin; count: () => number } {
  let n = 0;
  return {
    plugin: {
      transformQuery: (a) => {
        n++;
        return a.node;
      },
      transformResult: async (a) => a.result,
    },
    count: () => n,
  };
}

describeEachDialect('web: the county supervising view', (t) => {
  test('figures per agency from a fixed number of queries; drill-down read-only; 督办 on an overdue request notifies the township', async () => {
    const { db } = t();
    const { account } = await loadDemoForTest(db);
    const town = (await findAgencyByCode(db, '630223-HLZG'))!;
    const county = (await findAgencyByCode(db, '630223'))!;
    const today = systemClock.today();
    // An overdue request of the township (the demo's open ones are moved past their deadline).
    const open = await db
      .selectFrom('info_requests')
      .select('id')
      .where('agency_id', '=', town.id)
      .where('status', 'in', [...OPEN_STATES])
      .execute();
    assert.ok(open.length > 0, 'the demo township has open requests');
    await db
      .updateTable('info_requests')
      .set({ due_on: '2026-01-05' })
      .where('id', '=', open[0]!.id)
      .execute();
    const expected = await db
      .selectFrom('info_requests')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('agency_id', '=', town.id)
      .where('status', 'in', [...OPEN_STATES])
      .where('due_on', '<', today)
      .executeTakeFirstOrThrow();

    const inspectorUser = (await findUserByUsername(db, 'inspector'))!;
    const measure = async () => {
      const q = counting();
      const ctx: Ctx = {
        db: db.withPlugin(q.plugin),
        clock: systemClock,
        actor: actorOf(inspectorUser),
        meta: { ip: null },
      };
      return { d: await countyDashboard(ctx), queries: q.count() };
    };
    const first = await measure();
    const row = first.d.rows.find((r) => r.agency.id === town.id)!;
    assert.equal(row.figures.overdueRequests, Number(expected.n));
    assert.ok(row.alerts > 0);
    assert.equal(first.d.rows.length, 5, 'three townships and two departments below the county');
    const sys: Ctx = { db, clock: systemClock, actor: { kind: 'system', name: '测试' }, meta: { ip: null } };
    for (let i = 0; i < 5; i++)
      await createAgency(sys, {
        code: `630223-T${i}`,
        name: `测试镇${i}人民政府`,
        shortName: `测试镇${i}`,
        kind: 'township',
        parentId: county.id,
        isPeopleGovernment: true,
      });
    const second = await measure();
    assert.equal(second.d.rows.length, 10);
    assert.equal(second.queries, first.queries, 'the query count does not grow with the agencies');
    assert.ok(first.queries <= 4, `at most 4 queries, ran ${first.queries}`);

    const inspector = account('inspector');
    const c = testApp(db).client();
    await c.signIn(inspector.username, inspector.password);
    const dash = await (await c.get('/office/county')).text();
    assert.match(dash, /<svg class="county-grid"/);
    assert.ok(dash.includes(`href="/office/county/agencies/${town.id}"`));
    assert.match(dash, /哈拉直沟乡人民政府/);
    const detail = await (await c.get(`/office/county/agencies/${town.id}`)).text();
    assert.match(detail, /依申请公开超期/);
    assert.doesNotMatch(detail, /撰写政府信息|登记申请/, 'read-only');
    const action = `/office/county/agencies/${town.id}/requests/${open[0]!.id}/supervise`;
    // The inspector reads only: no 督办 form, and a forged post is refused.
    assert.ok(!detail.includes(`action="${action}"`));
    assert.match(detail, /未督办/);
    const demand = { demand: '请于期限内答复申请人并报县政务公开办', answerBy: today };
    assert.equal((await c.post(action, demand)).status, 403);
    // The county's 督办 role (county.supervision) sees the dashboard too and issues it.
    const supervisor = account('supervisor');
    const s = testApp(db).client();
    await s.signIn(supervisor.username, supervisor.password);
    assert.match(await (await s.get('/office/county')).text(), /<svg class="county-grid"/);
    assert.ok(
      (await (await s.get(`/office/county/agencies/${town.id}`)).text()).includes(`action="${action}"`),
    );
    const bad = await s.post(action, { demand: '请尽快', answerBy: '2020-01-01' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), />请尽快<\/textarea>/, 'what was typed is kept');
    const ok = await s.post(action, demand);
    assert.equal(ok.status, 303);
    const problem = await db
      .selectFrom('sv_problems')
      .select(['id', 'agency_id', 'source'])
      .where('check_key', '=', `request_deadline:${open[0]!.id}`)
      .executeTakeFirstOrThrow();
    assert.equal(Number(problem.agency_id), town.id, 'in the township’s ledger');
    const clerk = (await findUserByUsername(db, 'clerk'))!;
    const told = await db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', clerk.id)
      .where('kind', '=', 'supervision.supervision')
      .execute();
    assert.ok(
      told.some((n) => n.title.startsWith('县级督办：依申请公开答复超期')),
      'the township is notified',
    );
    assert.match(await (await c.get(`/office/county/agencies/${town.id}`)).text(), /已督办，待答复/);

    assert.equal((await c.get(`/office/county/agencies/${county.id}`)).status, 404, 'only agencies below');

    // 互动交流: the inspector picks whose messages to read.
    const msgs = await (await c.get('/office/inquiries')).text();
    assert.match(msgs, /<select[^>]*name="agency"/);
    assert.match(msgs, /哈拉直沟乡留〔2026〕/, 'the first agency below by default');
    const wyz = (await findAgencyByCode(db, '630223-WYZ'))!;
    const other = await c.get(`/office/inquiries?agency=${wyz.id}`);
    assert.equal(other.status, 200);
    assert.doesNotMatch(await other.text(), /哈拉直沟乡留〔2026〕/);
    const clerkAccount = account('clerk');
    const cc = testApp(db).client();
    await cc.signIn(clerkAccount.username, clerkAccount.password);
    assert.equal((await cc.get('/office/county')).status, 404);
    assert.equal((await cc.get(`/office/county/agencies/${town.id}`)).status, 404);
    assert.equal(
      (await cc.post(action, { demand: '请尽快答复申请人', answerBy: today })).status,
      403,
      'the township’s own staff see the request but cannot 督办 it',
    );
  });
});
