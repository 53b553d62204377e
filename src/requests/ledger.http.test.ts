import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency, makeUser } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';
import { generateRequests } from './generate-requests.ts';

describeEachDialect('requests: ledger XLSX export', (t) => {
  test('one row per request with every date column; a filtered export has only the matching rows', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const clerk = await makeUser(db, agency.id, ['clerk']);
    const n = await generateRequests(db, agency.id, 2026, 60, 7);
    const c = testApp(db).client();
    await c.signIn(clerk.username);
    const res = await c.get('/office/requests/export.xlsx');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet('依申请公开台账')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    for (const h of ['登记编号', '收到申请日期', '答复期限', '答复（办结）日期', '送达日期', '年报统计行'])
      assert.ok(header.includes(h), h);
    assert.equal(ws.actualRowCount, n + 1);
    assert.ok(header.includes('承办人'), '承办人 column');
    // Printed on A4 landscape, one page wide, the header row repeated on every page.
    assert.equal(ws.pageSetup.paperSize, 9);
    assert.equal(ws.pageSetup.orientation, 'landscape');
    assert.equal(ws.pageSetup.fitToWidth, 1);
    assert.equal(ws.pageSetup.printTitlesRow, '1:1');
    const rowCol = header.indexOf('年报统计行') + 1;
    for (const v of (ws.getColumn(rowCol).values as unknown[]).slice(2))
      assert.doesNotMatch(String(v ?? ''), /[a-z_]+\.[a-z_]+/, 'the statistics row by name, not its code');
    const handlerCol = header.indexOf('承办人') + 1;
    const handlers = (ws.getColumn(handlerCol).values as unknown[]).slice(2).filter(Boolean);
    const assigned = await db
      .selectFrom('info_requests')
      .select('id')
      .where('agency_id', '=', agency.id)
      .where('handler_id', 'is not', null)
      .execute();
    assert.equal(handlers.length, assigned.length, 'every assigned request names its 承办人');
    const refs = new Set((ws.getColumn(1).values as unknown[]).slice(2));
    assert.equal(refs.size, n, 'every request once');

    const open = await db
      .selectFrom('info_requests')
      .select('id')
      .where('agency_id', '=', agency.id)
      .where('closed_on', 'is', null)
      .execute();
    const filtered = await c.get('/office/requests/export.xlsx?due=open');
    assert.equal(filtered.status, 200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(await filtered.arrayBuffer());
    assert.ok(open.length > 0);
    assert.equal(wb2.getWorksheet('依申请公开台账')!.actualRowCount - 1, open.length);
    const bad = await c.get('/office/requests/export.xlsx?status=nonsense');
    assert.equal(bad.status, 400);
  });
});

describeEachDialect('requests: an inspector reads a township ledger', (t) => {
  test('the county inspector picks a township and reads its ledger and requests; a neighbour cannot', async () => {
    const { db } = t();
    const town = await makeAgency(db);
    const other = await makeAgency(db);
    await generateRequests(db, town.id, 2026, 5, 3);
    const inspector = await makeUser(db, town.parentId!, ['inspector']);
    const outsider = await makeUser(db, other.id, ['clerk']);
    const c = testApp(db).client();
    await c.signIn(inspector.username);
    const own = await (await c.get('/office/requests')).text();
    assert.match(own, /name="agency"/, 'the inspector can choose the agency');
    const page = await c.get(`/office/requests?agency=${town.id}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /共 5 件/);
    assert.doesNotMatch(html, /登记申请/, 'an inspector registers nothing');
    const id = /href="\/office\/requests\/(\d+)"/.exec(html)![1];
    assert.equal((await c.get(`/office/requests/${id}`)).status, 200);
    assert.equal((await c.get(`/office/requests/export.xlsx?agency=${town.id}`)).status, 200);
    const o = testApp(db).client();
    await o.signIn(outsider.username);
    assert.equal((await o.get(`/office/requests?agency=${town.id}`)).status, 404);
    assert.equal((await o.get(`/office/requests/${id}`)).status, 404);
  });
});
