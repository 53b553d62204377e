import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency, makeUser, makeVillage } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';

describeEachDialect('web: organisation and users', (t) => {
  test('an admin adds an office, designates the disclosure office and creates a liaison; bad input keeps what was typed', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const admin = await makeUser(db, agency.id, ['admin']);
    const village = await makeVillage(db, agency.id, '费家村');
    const c = testApp(db).client();
    await c.signIn(admin.username);
    assert.equal((await c.post(`/office/org/${agency.id}/offices`, { name: '党政综合办公室' })).status, 303);
    const dup = await c.post(`/office/org/${agency.id}/offices`, { name: '党政综合办公室' });
    assert.equal(dup.status, 400);
    assert.match(await dup.text(), /已存在/);
    const office = await db
      .selectFrom('offices')
      .select('id')
      .where('agency_id', '=', agency.id)
      .executeTakeFirstOrThrow();
    assert.equal(
      (await c.post(`/office/org/${agency.id}/disclosure-office`, { officeId: String(office.id) })).status,
      303,
    );
    const a = await db
      .selectFrom('agencies')
      .select('disclosure_office_id')
      .where('id', '=', agency.id)
      .executeTakeFirstOrThrow();
    assert.equal(a.disclosure_office_id, office.id);

    const noPlace = await c.post(`/office/org/${agency.id}/users`, {
      username: 'liaison1',
      displayName: '费玉兰',
      roles: 'liaison',
      phone: '13800000000',
    });
    assert.equal(noPlace.status, 400);
    const html = await noPlace.text();
    assert.match(html, /信息联络员须指定所在站办所或村/);
    assert.match(html, /value="费玉兰"/, 'the name the admin typed is kept');
    const ok = await c.post(`/office/org/${agency.id}/users`, {
      username: 'liaison1',
      displayName: '费玉兰',
      roles: 'liaison',
      villageId: String(village),
      phone: '13800000000',
    });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /一次性密码/);
    const u = await db
      .selectFrom('users')
      .select(['must_change_password', 'village_id'])
      .where('username', '=', 'liaison1')
      .executeTakeFirstOrThrow();
    assert.equal(u.must_change_password, 1);
    assert.equal(u.village_id, village);
  });

  test('CSV import reports every bad row and imports nothing; a good file imports all', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const admin = await makeUser(db, agency.id, ['admin']);
    const c = testApp(db).client();
    await c.signIn(admin.username);
    const bad = new FormData();
    bad.set('file', new File(['名称,代码\n白崖村,01\n,02\n白崖村,03\n'], 'v.csv', { type: 'text/csv' }));
    const r = await c.post(`/office/org/${agency.id}/import/villages`, bad);
    assert.equal(r.status, 400);
    const html = await r.text();
    assert.match(html, /第3行：请填写村名称/);
    assert.match(html, /第4行：村“白崖村”在文件中重复/);
    assert.equal(
      (await db.selectFrom('villages').select('id').where('agency_id', '=', agency.id).execute()).length,
      0,
    );
    const good = new FormData();
    good.set('file', new File(['\uFEFF名称,代码\n白崖村,01\n孔家梁村,02\n'], 'v.csv', { type: 'text/csv' }));
    const r2 = await c.post(`/office/org/${agency.id}/import/villages`, good);
    assert.equal(r2.status, 200);
    assert.match(await r2.text(), /已导入村 2 条/);
    const empty = new FormData();
    empty.set('file', new File([''], 'empty.csv'));
    const r3 = await c.post(`/office/org/${agency.id}/import/users`, empty);
    assert.equal(r3.status, 400);
    assert.match(await r3.text(), /请选择要导入的 CSV 文件/);
  });
});
