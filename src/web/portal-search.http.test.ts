/**
 * Portal search on the demo township as people search: 春耕补贴, 低保名单, 乡预算 and the page's own tip find the
 * demo's items (jieba words beside the bigram index); the guide, the rules page and the annual reports are found;
 * 财政预决算 is listed once. Both databases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp } from '../../test/support/http.ts';
import { fixedClock } from '../clock.ts';
import { systemActor } from '../context.ts';
import { prepareDatabase } from '../setup.ts';
import { loadDemo } from '../demo/load-demo.ts';

const clock = fixedClock('2026-12-01T02:00:00Z');

describeEachDialect('portal search on the demo township', (t) => {
  test('words as people type them, and the portal sections', async () => {
    const { db } = t();
    await prepareDatabase(db, clock);
    await loadDemo({ db, clock, actor: systemActor('演示数据'), meta: { ip: null } });
    const c = testApp(db, clock).client();
    const search = async (q: string) => (await c.get(`/search?q=${encodeURIComponent(q)}`)).text();
    const plain = (html: string) => html.replace(/<[^>]+>/g, '');

    const tip = await search('');
    const tipWord = /例如“低保”“([^”]+)”/.exec(tip)![1]!;
    for (const [q, title] of [
      ['春耕补贴', /2026年春耕生产补贴发放公示/],
      [tipWord, /2026年春耕生产补贴发放公示/],
      ['乡预算', /哈拉直沟乡人民政府2026年部门预算公开/],
      ['低保名单', /城乡最低生活保障资金发放情况/],
    ] as const) {
      const html = await search(q);
      assert.doesNotMatch(html, /<h2>无结果<\/h2>/, q);
      assert.match(plain(html), title, q);
    }
    assert.match(await search('低保名单'), /包含其中部分词语/, 'a partial match says so');
    assert.match(await search('春耕补贴'), /找到 \d+ 条公开信息/);

    // The guide (with its 受理机构), the rules page and the annual reports.
    const guide = await search('办公时间');
    assert.match(guide, /href="\/guide"/);
    assert.match(await search('保密审查'), /href="\/rules"/);
    assert.match(await search('年度报告'), /href="\/annual-reports\/2025"/);

    const guidePage = await (await c.get('/guide')).text();
    assert.match(guidePage, /受理机构：哈拉直沟乡人民政府党政综合办公室/);
    assert.match(guidePage, /联系电话：0972-8000000/);
    for (const fmt of ['docx', 'pdf']) {
      const f = await c.get(`/guide/application-form.${fmt}`);
      assert.equal(f.status, 200, fmt);
      const bytes = new Uint8Array(await f.arrayBuffer());
      assert.equal(
        Buffer.from(bytes.subarray(0, 4)).toString('latin1'),
        fmt === 'pdf' ? '%PDF' : 'PK\u0003\u0004',
      );
    }
    const rules = await (await c.get('/rules')).text();
    assert.doesNotMatch(rules, /暂无内容/);
    assert.match(rules, /保密审查制度/);

    const catalogue = await (await c.get('/catalogue')).text();
    assert.equal(catalogue.match(/财政预决算|财政预算、决算信息/g)?.length, 1, '财政预决算 listed once');
  });
});
