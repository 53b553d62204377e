import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency, makeUser } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';
import { indexFormatOf, reviewChainOf } from '../publications/publications.queries.ts';

describeEachDialect('web: proactive-disclosure settings', (t) => {
  test('an admin sets the 索引号 format and the review chain; bad input is refused and kept; a clerk may not', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const admin = await makeUser(db, agency.id, ['admin']);
    const clerk = await makeUser(db, agency.id, ['clerk']);
    const c = testApp(db).client();
    await c.signIn(admin.username);
    const page = await (await c.get('/office/publication-settings')).text();
    assert.match(page, /\{code\}\/\{year\}-\{serial:5\}/);
    const form = {
      indexFormat: '{code}-{serial:4}',
      role_first_review: 'drafter',
      role_second_review: 'office_head',
      role_final_review: 'principal_leader',
      role_principal_approval: 'principal_leader',
      principalWhen: 'always',
    };
    const bad = await c.post('/office/publication-settings', form);
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /必须包含年份/);
    assert.match(html, /value="\{code\}-\{serial:4\}"/, 'what the admin typed is kept');
    const notDrafter = await c.post('/office/publication-settings', {
      ...form,
      indexFormat: '{code}/{year}/{serial:4}',
      role_first_review: 'office_head',
    });
    assert.equal(notDrafter.status, 400);
    assert.match(await notDrafter.text(), /初审由承办人本人签署/);
    const ok = await c.post('/office/publication-settings', {
      ...form,
      indexFormat: '{code}/{year}/{serial:4}',
    });
    assert.equal(ok.status, 303);
    assert.equal(await indexFormatOf(db, agency.id), '{code}/{year}/{serial:4}');
    const chain = await reviewChainOf(db, agency.id);
    assert.equal(chain.principalWhen, 'always');
    assert.equal(chain.steps.find((s) => s.step === 'final_review')?.role, 'principal_leader');
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('object_type', '=', 'publication_settings')
      .execute();
    assert.equal(audit.length, 1);

    const cc = testApp(db).client();
    await cc.signIn(clerk.username);
    assert.equal((await cc.get('/office/publication-settings')).status, 403);
  });
});
