/**
 * Attack: flooding the public apply form. Per client address and per applicant (ID number or phone), configurable;
 * the answer is 429 in Chinese with the form and what was typed kept.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../support/db.ts';
import { makeAgency } from '../support/factories.ts';
import { testApp } from '../support/http.ts';

const form = (id: string) => ({
  applicantKind: 'natural_person',
  applicantName: '刷单测试',
  idType: 'resident_id',
  idNumber: id,
  phone: '13800000000',
  address: '青海省海东市互助土族自治县哈拉直沟乡',
  infoDescription: '限流测试内容',
  formRequested: 'paper',
  deliveryRequested: 'post',
});

describeEachDialect('attack: public apply form flood', (t) => {
  test('the 4th submission within the window: 429 per address, and per applicant from another address', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    await db
      .insertInto('agency_settings')
      .values({ agency_id: agency.id, key: 'installation.home', value_json: 'true', updated_at: '' })
      .execute();
    const { client } = testApp(db, undefined, { GONGKAI_APPLY_LIMIT: '3/60' });
    const one = client({ ip: '10.50.0.1' });
    for (let i = 0; i < 3; i++)
      assert.ok((await one.post('/apply', form('11010519491231002X'))).status < 429);
    const fourth = await one.post('/apply', form('11010519491231002X'));
    assert.equal(fourth.status, 429);
    const html = await fourth.text();
    assert.match(html, /提交过于频繁/);
    assert.match(html, /限流测试内容/, 'what was typed is kept');
    // Another address, the same applicant.
    const other = client({ ip: '10.50.0.2' });
    assert.equal((await other.post('/apply', form('11010519491231002X'))).status, 429);
    // Another address, another applicant: fine.
    const third = client({ ip: '10.50.0.3' });
    const ok = await third.post('/apply', { ...form('110105194912310021'), phone: '13900000000' });
    assert.ok(ok.status < 429);
  });
});
