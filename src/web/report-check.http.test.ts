import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency, makeUser } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';
import {
  randomValidCells,
  renderText,
  reportBlocks,
  syntheticFiles,
} from '../annual-report/testing/synthetic.ts';

const seed = readFileSync(new URL('../../test/fixtures/reports/seed-halazhigou-2025.txt', import.meta.url));

function files(...list: [string, Uint8Array][]): FormData {
  const fd = new FormData();
  for (const [name, bytes] of list) fd.append('files', new File([new Uint8Array(bytes)], name));
  return fd;
}

describeEachDialect('web: 年报体检', (t) => {
  test('a clerk uploads reports, sees the tables with failing cells marked and the findings, and lists them', async () => {
    const { db } = t();
    const county = await makeAgency(db, { kind: 'county' });
    const township = await makeAgency(db, { kind: 'township', parentId: county.id });
    const clerk = await makeUser(db, township.id, ['clerk']);
    const cc = testApp(db).client();
    await cc.signIn(clerk.username);

    const one = await cc.post('/office/report-check', files(['哈拉直沟乡2025年报.txt', seed]));
    assert.equal(one.status, 303);
    const detail = await (await cc.get(one.headers.get('location')!)).text();
    assert.match(detail, /哈拉直沟乡人民政府/);
    assert.match(detail, /SECTION-NUMBER-DUPLICATE/);
    assert.match(detail, /data-testid="table-b"/);
    assert.match(detail, /data-cell="B.new_received.total" data-mark="warning"/, 'the 无 cell is marked');

    const bad = randomValidCells(2);
    bad['B.result.granted.natural_person'] = (bad['B.result.granted.natural_person'] as number) + 1;
    const html = syntheticFiles(bad).find((f) => f.name === 'page.html')!;
    const docx = syntheticFiles(randomValidCells(3)).find((f) => f.name === 'report.docx')!;
    const many = await cc.post('/office/report-check', files(['a.html', html.bytes], ['b.docx', docx.bytes]));
    assert.equal(many.status, 303);
    const list = await (await cc.get('/office/report-check')).text();
    assert.match(list, /哈拉直沟乡2025年报\.txt/);
    assert.match(list, /a\.html/);
    assert.match(list, /b\.docx/);
    const id = /href="\/office\/report-check\/(\d+)">a\.html/.exec(list)![1];
    const page = await (await cc.get(`/office/report-check/${id}`)).text();
    assert.match(page, /data-cell="B.result.granted.natural_person" data-mark="error"/);

    // Cells whose position was inferred (glued digits split by the identities) are framed and labelled 推定.
    const glued = new TextEncoder().encode(renderText(reportBlocks(randomValidCells(2, 8)), 'glued'));
    const inferred = await cc.post('/office/report-check', files(['glued.txt', glued]));
    const gluedPage = await (await cc.get(inferred.headers.get('location')!)).text();
    assert.match(gluedPage, /data-testid="low-confidence"/);
    assert.match(gluedPage, /data-confidence="split">\d+<span class="muted">（推定）/);

    const file = await cc.get(`/office/report-check/${id}/file`);
    assert.equal(file.status, 200);
    assert.deepEqual(
      new Uint8Array(await file.arrayBuffer()),
      html.bytes,
      'the uploaded file is kept as it was',
    );
    const audited = await db
      .selectFrom('audit_events')
      .select(['object_id', 'after_json'])
      .where('action', '=', 'report_check.uploaded')
      .execute();
    assert.ok(audited.some((a) => a.object_id === id && (a.after_json ?? '').includes('a.html')));
  });

  test('a file that cannot be checked is a form error and nothing is saved; others do not see the uploads', async () => {
    const { db } = t();
    const county = await makeAgency(db, { kind: 'county' });
    const township = await makeAgency(db, { kind: 'township', parentId: county.id });
    const other = await makeAgency(db, { kind: 'township', parentId: county.id });
    const clerk = await makeUser(db, township.id, ['clerk']);
    const outsider = await makeUser(db, other.id, ['clerk']);
    const inspector = await makeUser(db, county.id, ['inspector']);
    const cc = testApp(db).client();
    await cc.signIn(clerk.username);
    const before = await db.selectFrom('report_check_uploads').select('id').execute();
    const rejected = await cc.post(
      '/office/report-check',
      files(
        ['ok.txt', seed],
        ['empty.txt', new Uint8Array(0)],
        ['x.docx', new TextEncoder().encode('PK\u0003\u0004')],
      ),
    );
    assert.equal(rejected.status, 400);
    const text = await rejected.text();
    assert.match(text, /以下文件无法检查，本次上传未保存/);
    assert.match(text, /empty\.txt/);
    const after = await db.selectFrom('report_check_uploads').select('id').execute();
    assert.equal(after.length, before.length, 'nothing half-saved');

    const ok = await cc.post('/office/report-check', files(['seed.txt', seed]));
    const path = ok.headers.get('location')!;

    const co = testApp(db).client();
    await co.signIn(outsider.username);
    assert.equal((await co.get(path)).status, 404, 'another township cannot see it');
    assert.doesNotMatch(await (await co.get('/office/report-check')).text(), /seed\.txt/);

    const ci = testApp(db).client();
    await ci.signIn(inspector.username);
    const summary = await (await ci.get('/office/report-check')).text();
    assert.match(summary, /本单位及下级单位上传的报告/);
    assert.match(summary, /seed\.txt/);
    assert.equal((await ci.get(path)).status, 200);
  });
});
