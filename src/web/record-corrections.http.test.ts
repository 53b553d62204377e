import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describeEachDialect } from '../../test/support/db.ts';
import { fixedClock } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';
import { township } from '../../test/support/request-factories.ts';

describeEachDialect('更正 (条例第四十一条) on the portal, in the register and its export', (t) => {
  test('a person asks online; bad input keeps what was typed; the clerk sees it and exports the register', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { agency, clerk } = await township(db, clock);
    await db
      .insertInto('agency_settings')
      .values({ agency_id: agency.id, key: 'installation.home', value_json: 'true', updated_at: '' })
      .execute();
    const visitor = testApp(db, clock).client();
    assert.match(await (await visitor.get('/corrections')).text(), /申请更正政府信息记录/);
    const form = {
      applicantName: '马福祥',
      contact: '13800000000',
      record: '2025年低保公示名单中本人的家庭人口',
      error: '家庭人口写为5人，应为3人',
      evidence: '',
    };
    const bad = await visitor.post('/corrections', form);
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.match(badHtml, /请填写证据/);
    assert.match(badHtml, /家庭人口写为5人，应为3人/);
    const ok = await visitor.post('/corrections', { ...form, evidence: '户口簿复印件' });
    assert.equal(ok.status, 200);
    const reference = /data-reference[^>]*>([^<]+)</.exec(await ok.text())![1]!;
    assert.match(reference, /政更正〔2026〕第1号$/);
    const row = await db
      .selectFrom('record_corrections')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    assert.equal(row.channel, 'online');
    assert.equal(row.received_on, '2026-03-02');
    assert.equal(row.created_by_name, '申请人');

    const username = (
      await db
        .selectFrom('users')
        .select('username')
        .where('id', '=', clerk.actor.kind === 'user' ? clerk.actor.userId : -1)
        .executeTakeFirstOrThrow()
    ).username;
    const staff = testApp(db, clock).client();
    await staff.signIn(username);
    assert.match(await (await staff.get('/office/requests/corrections')).text(), new RegExp(reference));
    const xlsx = await staff.get('/office/requests/corrections/export.xlsx');
    assert.equal(xlsx.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const ws = wb.getWorksheet('更正申请登记')!;
    assert.equal(ws.getCell('A2').value, reference);
    assert.equal(ws.getCell('B2').value, '网上申请');
    assert.equal(ws.getCell('J2').value, '办理中');
    // anonymous visitors never get the register
    assert.notEqual((await visitor.get('/office/requests/corrections/export.xlsx')).status, 200);
  });
});
