import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { fixedClock } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';
import { PERSON, township } from '../../test/support/request-factories.ts';
import { registerRequest } from '../requests/register-request.ts';

describeEachDialect('a refused step form says which step, why and what to do (400)', (t) => {
  test('missing fields of a step whose form is not on the page: the alert names the step, the fields and the state', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { agency, clerk } = await township(db, clock);
    const r = await registerRequest(clerk, agency.id, {
      ...PERSON,
      channel: 'in_person',
      submittedOn: '2026-03-02',
    });
    const actor = clerk.actor.kind === 'user' ? clerk.actor : null;
    const username = (
      await db
        .selectFrom('users')
        .select('username')
        .where('id', '=', actor!.userId)
        .executeTakeFirstOrThrow()
    ).username;
    const c = testApp(db, clock).client();
    await c.signIn(username);
    // 登记缴费 before any fee notice, and without its date: its form is not on the page in this state.
    const res = await c.post(`/office/requests/${r.id}/fee-paid`, {});
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /“登记缴费”没有办理：[^<]*缴费日期/);
    assert.match(html, /请在下方该步骤的表单中按标注补全或更正后重新提交/);
    assert.match(html, /如果页面上找不到这个表单，说明申请目前处于“[^”]+”环节/);
  });
});
