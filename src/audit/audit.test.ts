import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency, makeUser } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';

describeEachDialect('audit log', (t) => {
  test('the database refuses to update or delete audit rows', async () => {
    const { db } = t();
    await makeAgency(db);
    const row = await db.selectFrom('audit_events').select('id').executeTakeFirstOrThrow();
    await assert.rejects(
      db.updateTable('audit_events').set({ note: 'tampered' }).where('id', '=', row.id).execute(),
      /append-only/,
    );
    await assert.rejects(db.deleteFrom('audit_events').where('id', '=', row.id).execute(), /append-only/);
  });

  test('an admin sees, filters and exports the agency log; a clerk may not; other agencies are not included', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const other = await makeAgency(db);
    const admin = await makeUser(db, agency.id, ['admin']);
    const clerk = await makeUser(db, agency.id, ['clerk']);
    await makeUser(db, other.id, ['clerk']);
    const c = testApp(db).client();
    await c.signIn(admin.username);
    assert.equal((await c.post(`/office/org/${agency.id}/offices`, { name: '党政综合办公室' })).status, 303);
    const page = await (await c.get('/office/audit?action=office.create')).text();
    assert.match(page, /新建站办所/);
    assert.match(page, /党政综合办公室/);
    assert.match(page, /共 1 条/);
    const xlsx = await c.get('/office/audit/export.xlsx');
    assert.equal(xlsx.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const ws = wb.getWorksheet('审计日志')!;
    assert.equal(ws.getRow(1).getCell(2).value, '时间');
    const actions = ws.getColumn(5).values.slice(2);
    assert.ok(actions.includes('新建站办所'));
    assert.ok(actions.includes('登录'));
    const agencyIds = new Set(
      (
        await db.selectFrom('audit_events').select('agency_id').where('action', '=', 'user.create').execute()
      ).map((r) => r.agency_id),
    );
    assert.ok(agencyIds.has(other.id), 'the other agency has events of its own');
    assert.ok(!JSON.stringify(ws.getSheetValues()).includes(`测试乡${other.code.slice(2)}`));
    const exported = await db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'audit.exported')
      .execute();
    assert.equal(exported.length, 1);

    const cc = testApp(db).client();
    await cc.signIn(clerk.username);
    assert.equal((await cc.get('/office/audit')).status, 403);
  });
});
