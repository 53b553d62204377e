import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp } from '../../test/support/http.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { prepareDatabase } from '../setup.ts';
import { systemClock } from '../clock.ts';
import { findAgencyByCode, listVillages } from '../org/org.queries.ts';
import { countByKind } from '../villages/township-overview.ts';

describeEachDialect('web: 村级公开 pages over the demo township', (t) => {
  test('public pages, the township overview, the inspector read-only, objections, village isolation', async () => {
    const { db } = t();
    await prepareDatabase(db, systemClock);
    const accounts = await loadDemo({
      db,
      clock: systemClock,
      actor: { kind: 'system', name: '演示数据' },
      meta: { ip: null },
    });
    await db.updateTable('users').set({ must_change_password: 0 }).execute();
    const town = (await findAgencyByCode(db, '630223-HLZG'))!;
    const villages = await listVillages(db, town.id);
    const year = Number(systemClock.today().slice(0, 4));
    const { counts } = await countByKind(db, town.id, year);
    const pass = (u: string) => accounts.find((a) => a.username === u)!;

    // The public: 13 villages, a village's items by kind, personal lists gone after their 公示期.
    const pub = testApp(db).client();
    const index = await (await pub.get('/villages')).text();
    assert.equal((index.match(/<a href="\/villages\/\d+">/g) ?? []).length, 13);
    const page = await (await pub.get(`/villages/${villages[0]!.id}`)).text();
    for (const k of ['党务公开', '村务公开', '财务公开']) assert.match(page, new RegExp(k));
    const welfare = await db
      .selectFrom('village_disclosures')
      .select(['id'])
      .where('agency_id', '=', town.id)
      .where('code', '=', 'welfare_recipients')
      .where('notice_end_on', '<', systemClock.today())
      .executeTakeFirstOrThrow();
    const w = await (await pub.get(`/villages/items/${welfare.id}`)).text();
    assert.match(w, /公示期已满，名单已从网上撤下/);
    assert.doesNotMatch(w, /户主姓名/);
    // Its board photo (the list is on the board) goes off-line with the list: the record that it was posted stays,
    // the image and its address do not. A photo of an item without personal data stays.
    const boardOf = await db
      .selectFrom('village_disclosure_files')
      .selectAll()
      .where('purpose', '=', 'board_posted')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const { id: kept, ...photo } = boardOf;
    const posted = await db
      .insertInto('village_disclosure_files')
      .values({ ...photo, disclosure_id: welfare.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const w2 = await (await pub.get(`/villages/items/${welfare.id}`)).text();
    assert.match(w2, /含个人信息的照片已从网上撤下/);
    assert.match(w2, /公开栏张贴照片/);
    assert.doesNotMatch(w2, new RegExp(`/villages/files/${posted.id}"`));
    assert.equal((await pub.get(`/villages/files/${posted.id}`)).status, 404);
    const other = await (await pub.get(`/villages/items/${boardOf.disclosure_id}`)).text();
    assert.match(other, new RegExp(`<img src="/villages/files/${kept}"`));
    const fin = await db
      .selectFrom('village_disclosures')
      .select('id')
      .where('agency_id', '=', town.id)
      .where('code', '=', 'finance_monthly')
      .orderBy('published_on', 'desc')
      .executeTakeFirstOrThrow();
    const f = await (await pub.get(`/villages/items/${fin.id}`)).text();
    assert.match(f, /一看就懂/);
    assert.match(f, /支出比上期(增加|减少)|支出与上期持平/);
    assert.match(f, /gk-chart-bar/);
    assert.match(f, /村务监督委员会意见/);
    // An objection: no token → refused; with it → stored, the phone never shown; rate-limited.
    assert.equal(
      (
        await pub.post(
          `/villages/items/${fin.id}/objections`,
          { body: '请说明电费为何增加' },
          { csrf: false },
        )
      ).status,
      403,
    );
    const bad = await pub.post(`/villages/items/${fin.id}/objections`, { body: '短', phone: '' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /至少5个字/);
    const ok = await pub.post(`/villages/items/${fin.id}/objections`, {
      body: '请说明本月电费为何增加',
      name: '李四',
      phone: '13700002222',
    });
    assert.equal(ok.status, 303);
    const after = await (await pub.get(`/villages/items/${fin.id}`)).text();
    assert.match(after, /李某/);
    assert.doesNotMatch(after, /13700002222|李四/);
    // Large-font (适老化) mode.
    await pub.post('/prefs/large-font', { on: '1' });
    assert.match(await (await pub.get('/villages')).text(), /<html lang="zh-CN" class="large">/);

    // The township: heatmap (SVG + the same data as a table), overdue list, counts = the report's figures.
    const clerk = testApp(db).client();
    await clerk.signIn('clerk', pass('clerk').password);
    const ov = await (await clerk.get('/office/villages')).text();
    assert.match(ov, /gk-chart-heatmap/);
    assert.equal((ov.match(/class="gk-heat"[^>]*data-row=/g) ?? []).length, 13 * 12);
    assert.match(ov, /id="heat-table"/);
    assert.match(
      ov,
      new RegExp(
        `${year}年全乡13个村累计开展党务公开${counts.party}次、村务公开${counts.affairs}次、财务公开${counts.finance}次`,
      ),
    );
    assert.match(ov, /逾期未公开（[1-9]\d*项）/);
    assert.match(await (await clerk.get('/office/villages?kind=finance')).text(), /财务公开/);

    // The county inspector sees the same view, read-only.
    const insp = testApp(db).client();
    await insp.signIn('inspector', pass('inspector').password);
    const iv = await (await insp.get(`/office/villages?agency=${town.id}`)).text();
    assert.match(iv, /（只读）/);
    assert.match(iv, /gk-chart-heatmap/);
    assert.doesNotMatch(iv, /公开模板<\/a>/);
    const ivItem = await (await insp.get(`/office/villages/items/${fin.id}`)).text();
    assert.doesNotMatch(ivItem, /审核通过并公开|答复村民|登记调查处理结果/);

    // The liaison sees only her own village.
    const liaison = testApp(db).client();
    await liaison.signIn('liaison', pass('liaison').password);
    const mine = await liaison.get('/office/villages');
    assert.equal(mine.status, 303);
    const own = villages[1]!.id;
    assert.equal(mine.headers.get('location'), `/office/villages/v/${own}`);
    const foreign = await db
      .selectFrom('village_disclosures')
      .select('id')
      .where('village_id', '=', villages[5]!.id)
      .executeTakeFirstOrThrow();
    assert.equal((await liaison.get(`/office/villages/items/${foreign.id}`)).status, 404);
    assert.equal((await liaison.get(`/office/villages/v/${villages[5]!.id}`)).status, 404);
    const vp = await (await liaison.get(`/office/villages/v/${own}`)).text();
    assert.match(vp, /开始填报/);
    assert.match(vp, /id="template-uses"/);

    // Template catalogue: a version below the statutory 公示期 is refused; a new version is pushed.
    const tpl = await db
      .selectFrom('village_item_templates')
      .select(['id', 'code'])
      .where('agency_id', '=', town.id)
      .where('code', '=', 'welfare_recipients')
      .executeTakeFirstOrThrow();
    const form = {
      code: tpl.code,
      name: '低保、特困供养、残疾人补贴对象',
      cadence: 'on_occurrence',
      legalBasis: '第三十条',
      approvals: ['supervision', 'township'],
    };
    const low = await clerk.post('/office/villages/templates/version', { ...form, minNoticeDays: '5' });
    assert.equal(low.status, 400);
    assert.match(await low.text(), /不得低于法定最短7天/);
    assert.equal(
      (await clerk.post('/office/villages/templates/version', { ...form, minNoticeDays: '10' })).status,
      303,
    );
    const v2 = await db
      .selectFrom('village_item_templates')
      .select('id')
      .where('agency_id', '=', town.id)
      .where('code', '=', tpl.code)
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    assert.equal(
      (await clerk.post('/office/villages/templates/push', { templateId: String(v2.id) })).status,
      303,
    );
    const usesV2 = await db
      .selectFrom('village_template_uses')
      .select('village_id')
      .where('template_id', '=', v2.id)
      .execute();
    assert.equal(usesV2.length, 13);
    assert.equal(
      (await liaison.post('/office/villages/templates/push', { templateId: String(tpl.id) })).status,
      403,
    );
    // A refused setting keeps what was typed, and its summary link reaches the field.
    const refused = await clerk.post('/office/villages/settings', {
      answerDays: '九十',
      remindDaysBefore: '5',
      dueDay: '10',
    });
    assert.equal(refused.status, 400);
    const refusedHtml = await refused.text();
    assert.match(refusedHtml, /id="f-answerDays" name="answerDays" value="九十"/);
    assert.match(refusedHtml, /href="#f-answerDays"/);
    // The answer period is the township's setting.
    assert.equal(
      (
        await clerk.post('/office/villages/settings', {
          answerDays: '15',
          remindDaysBefore: '5',
          dueDay: '10',
          objectionPhoneRequired: '1',
        })
      ).status,
      303,
    );
    assert.match(await (await pub.get(`/villages/items/${fin.id}`)).text(), /村委会应在15天内答复/);
  });
});
