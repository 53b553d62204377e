import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp, type TestClient } from '../../test/support/http.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { prepareDatabase } from '../setup.ts';
import { fixedClock } from '../clock.ts';
import { findAgencyByCode } from '../org/org.queries.ts';

const clock = fixedClock('2026-12-20T02:00:00Z');

/** Every linked number in the data table of the chart with this id: [href, value]. */
function linkedCells(html: string, chartId: string): [string, number][] {
  const doc = parseDocument(html);
  const fig = DomUtils.findOne(
    (e) => e.name === 'figure' && e.attribs.id === chartId,
    doc.children,
  ) as Element;
  assert.ok(fig, `chart ${chartId} on the page`);
  return DomUtils.findAll((e) => e.name === 'td' && e.attribs['data-value'] !== '', [fig]).flatMap((td) => {
    const a = DomUtils.findOne((e) => e.name === 'a', [td]) as Element | null;
    return a
      ? [[a.attribs.href.replaceAll('&amp;', '&'), Number(td.attribs['data-value'])] as [string, number]]
      : [];
  });
}

async function ledgerTotal(c: TestClient, href: string): Promise<number> {
  const res = await c.get(href);
  assert.equal(res.status, 200, href);
  const m = /共 (\d+) 件/.exec(await res.text());
  assert.ok(m, `a total on ${href}`);
  return Number(m[1]);
}

async function listTotal(c: TestClient, href: string): Promise<number> {
  const res = await c.get(href);
  assert.equal(res.status, 200, href);
  const m = /共 (\d+) 条符合筛选条件/.exec(await res.text());
  assert.ok(m, `a filtered total on ${href}`);
  return Number(m[1]);
}

describeEachDialect('web: 统计图表 (dashboards) link to the lists they summarise', (t) => {
  test('every number of the clerk’s charts is the count of the list it links to; the inspector sees the township', async () => {
    const { db } = t();
    await prepareDatabase(db, clock);
    const accounts = await loadDemo({
      db,
      clock,
      actor: { kind: 'system', name: '演示数据' },
      meta: { ip: null },
    });
    await db.updateTable('users').set({ must_change_password: 0 }).execute();
    const town = (await findAgencyByCode(db, '630223-HLZG'))!;
    const county = (await findAgencyByCode(db, '630223'))!;
    const clerk = accounts.find((a) => a.username === 'clerk')!;
    const c = testApp(db, clock).client();
    await c.signIn(clerk.username, clerk.password);

    const home = await (await c.get('/office')).text();
    for (const id of ['req-received', 'req-open-due', 'pub-by-month'])
      assert.match(home, new RegExp(`id="${id}"`));

    const req = await (await c.get('/office/stats/requests?year=2026')).text();
    // 15 from the annual-report demo + 1 converted from a 互动交流 message (src/inquiries/demo.ts).
    assert.match(req, /2026年收到申请 16 件/);
    const received = linkedCells(req, 'req-received');
    assert.equal(
      received.reduce((s, [, v]) => s + v, 0),
      16,
    );
    for (const [href, v] of [
      ...received,
      ...linkedCells(req, 'req-outcomes'),
      ...linkedCells(req, 'req-open-due'),
    ])
      assert.equal(await ledgerTotal(c, href), v, href);
    // Two requests are still open at the end of the demo year.
    const open = linkedCells(req, 'req-open-due');
    assert.equal(
      open.reduce((s, [, v]) => s + v, 0),
      2,
    );

    const pub = await (await c.get('/office/stats/publications?year=2026')).text();
    const byMonth = linkedCells(pub, 'pub-by-month');
    assert.equal(
      byMonth.reduce((s, [, v]) => s + v, 0),
      12,
      'the demo publishes 12 items in 2026 (3 of them its art. 20 results)',
    );
    for (const [href, v] of [
      ...byMonth,
      ...linkedCells(pub, 'pub-by-category'),
      ...linkedCells(pub, 'pub-by-channel'),
      ...linkedCells(pub, 'pub-timeliness'),
    ])
      assert.equal(await listTotal(c, href), v, href);

    // The township's clerk cannot read the county's dashboard; the county inspector reads the township's.
    assert.equal((await c.get(`/office/stats/requests?agency=${county.id}`)).status, 404);
    const inspector = accounts.find((a) => a.username === 'inspector')!;
    const ic = testApp(db, clock).client();
    await ic.signIn(inspector.username, inspector.password);
    const ireq = await (await ic.get('/office/stats/requests?year=2026')).text();
    assert.match(ireq, /下级各单位/);
    const row = linkedCells(ireq, 'county-received').filter(([href]) => href.includes('received='));
    assert.equal(
      row.reduce((s, [, v]) => s + v, 0),
      16,
    );
    for (const [href, v] of row.filter(([, v]) => v > 0)) assert.equal(await ledgerTotal(ic, href), v, href);
    const ipub = await (await ic.get('/office/stats/publications?year=2026')).text();
    assert.match(ipub, new RegExp(`${town.name}`));
    assert.equal(
      linkedCells(ipub, 'county-pub-month')
        .filter(([href]) => href.includes('month='))
        .reduce((s, [, v]) => s + v, 0),
      18,
      'the township’s 12 items and the demo county’s other agencies’ 6 (src/demo/county-demo.ts)',
    );
  });
});
