import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { ctxAs, makeAgency, makeUser, systemCtx, userActor } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';
import { fixedClock } from '../clock.ts';
import { seedCalendar } from '../calendar/seed-calendar.ts';
import { checkReport, parseReport } from '../annual-report/index.ts';
import {
  insertYearOfPublications,
  insertYearOfRequests,
} from '../annual-report/generator/testing/year-of-data.ts';

const clock = fixedClock('2027-01-12T02:00:00Z');
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

describeEachDialect('web: 年度报告', (t) => {
  test('generate, edit, acknowledge, finalise, publish; portal list, page and downloads; county overview', async () => {
    const { db } = t();
    await seedCalendar(systemCtx(db, clock));
    const county = await makeAgency(db, { kind: 'county', parentId: null, name: '测试县人民政府' });
    const town = await makeAgency(db, { parentId: county.id });
    const clerk = await makeUser(db, town.id, ['clerk']);
    const inspector = await makeUser(db, county.id, ['inspector']);
    await insertYearOfRequests(db, town.id);
    await insertYearOfPublications(ctxAs(db, userActor(clerk), clock), town.id, clerk.id);

    const cc = testApp(db, clock).client();
    await cc.signIn(clerk.username);
    const list = await (await cc.get('/office/annual-reports')).text();
    assert.match(list, /生成年报/);
    const gen = await cc.post('/office/annual-reports/generate', { year: '2026' });
    assert.equal(gen.status, 303);
    const path = gen.headers.get('location')!;
    let page = await (await cc.get(path)).text();
    assert.match(page, /NARRATIVE-PLACEHOLDER/);
    assert.match(page, /新收政府信息公开申请27件/);
    assert.match(page, /<th id="tB-h\d+" scope="col"/, 'table headers are th with ids and scope');
    assert.match(page, /<td headers="[^"]+" data-cell="B.new_received.total">27<\/td>/);

    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    const overview = /<textarea id="f-overview"[^>]*>([\s\S]*?)<\/textarea>/
      .exec(page)![1]!
      // (The register's decisions have no items in the portal's art. 20 columns: the clerk says where they went out.)
      .replace(/【待填写】上述[^\n。]*。/, '上述事项已在乡政府公开栏公开。')
      .replace(/【待填写】[^\n]*/, '全年开展业务培训2次；工作考核结果为优秀；社会评议满意；未发生责任追究。');
    const saved = await cc.post(`${path}/narrative`, {
      version,
      overview: overview.replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
      problems_improvements: '一是解读形式单一。下一步将增加图解。',
      other_matters:
        '本年度发出信息处理费收费通知2件，收费通知金额共计300元，实际收取信息处理费100元。\n无其他事项。',
      _csrf: csrfOf(page),
    });
    assert.equal(saved.status, 303, await saved.text());
    page = await (await cc.get(path)).text();
    assert.doesNotMatch(page, /NARRATIVE-PLACEHOLDER/);
    assert.doesNotMatch(page, /name="fingerprint"/, 'no warning left to acknowledge');

    const fin = await cc.post(`${path}/finalise`, { approverName: '祁德明' });
    assert.equal(fin.status, 303);
    assert.equal((await cc.post(`${path}/publish`, {})).status, 303);
    page = await (await cc.get(path)).text();
    assert.match(page, /已发布/);
    assert.match(page, /审定人：祁德明/);

    const portal = await (await cc.get('/annual-reports')).text();
    assert.match(portal, /href="\/annual-reports\/2026"/);
    const detail = await (await cc.get('/annual-reports/2026')).text();
    assert.match(detail, /<caption>/);
    assert.match(detail, /全年开展业务培训2次/);
    for (const f of ['txt', 'html', 'docx', 'json']) {
      const res = await cc.get(`/annual-reports/2026/download/${f}`);
      assert.equal(res.status, 200, f);
      const result = checkReport(
        parseReport({ name: `r.${f}`, bytes: new Uint8Array(await res.arrayBuffer()) }),
      );
      assert.equal(result.cells['B.result.total.total'], 27, f);
      assert.deepEqual(
        result.findings.filter((x) => x.severity === 'error'),
        [],
        f,
      );
    }
    assert.equal((await cc.get('/annual-reports/2025')).status, 404);

    const ic = testApp(db, clock).client();
    await ic.signIn(inspector.username);
    const overviewPage = await (await ic.get('/office/annual-reports/county?year=2026')).text();
    assert.match(overviewPage, new RegExp(`${town.name}[\\s\\S]*已发布`));
    assert.match(overviewPage, /已计入1个机关/);
    // The inspector reads the township's report but has no buttons to change it.
    const readOnly = await (await ic.get(path)).text();
    assert.match(readOnly, /审定人：祁德明/);
    assert.doesNotMatch(readOnly, /重新打开的理由/);
    assert.equal((await ic.post(`${path}/reopen`, { reason: '检查发现问题' })).status, 403);
  });
});
