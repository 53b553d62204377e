import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { PERSON, township } from '../../test/support/request-factories.ts';
import { makeUser } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';
import { submitOnlineRequest } from '../requests/submit-online-request.ts';
import { confirmRequest } from '../requests/confirm-request.ts';
import { systemClock } from '../clock.ts';

/** The ids of the step forms a request page opens (details open), and of those it shows collapsed. */
function steps(html: string) {
  const open: string[] = [];
  const closed: string[] = [];
  for (const m of html.matchAll(/<details([^>]*)class="action" id="act-([a-z-]+)"/g))
    (/\bopen\b/.test(m[1]!) ? open : closed).push(m[2]!);
  return { open, closed };
}

describeEachDialect('requests: the page opens at the next likely step', (t) => {
  test('待确认 opens 确认收到; once accepted, 拟写答复并提交审批 is open and every other form collapsed', async () => {
    const { db } = t();
    const { agency, clerk } = await township(db, systemClock);
    const pub = { db, clock: systemClock, actor: { kind: 'public' as const }, meta: { ip: '10.0.0.1' } };
    const r = await submitOnlineRequest(pub, agency, PERSON);
    const me = await makeUser(db, agency.id, ['clerk'], { officeId: agency.disclosureOfficeId });
    const c = testApp(db).client();
    await c.signIn(me.username);

    const before = steps(await (await c.get(`/office/requests/${r.id}`)).text());
    assert.deepEqual(before.open, ['confirm']);
    assert.ok(before.closed.length >= 1, 'the other forms are there, collapsed');

    await confirmRequest(clerk, r.id, { confirmedOn: systemClock.today(), evidence: '电话确认' });
    const after = steps(await (await c.get(`/office/requests/${r.id}`)).text());
    assert.deepEqual(after.open, ['decision']);
    assert.ok(after.closed.includes('correction') && after.closed.includes('consult'), after.closed.join());

    // A form sent back with an error opens (and keeps what was typed), the next step stays open too.
    const bad = await c.post(`/office/requests/${r.id}/note`, { body: '' });
    assert.equal(bad.status, 400);
    const withError = steps(await bad.text());
    assert.deepEqual(withError.open.sort(), ['decision', 'note']);
  });
});
