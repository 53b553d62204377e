import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { fixedClock, makeUser } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';
import { township } from '../../test/support/request-factories.ts';
import { DomainError } from '../errors.ts';
import { decideRecordCorrection, registerRecordCorrection } from './record-corrections.ts';
import { LETTER_FAULTS as BAD_PATTERNS } from './letters.ts';

const input = {
  channel: 'in_person',
  receivedOn: '2026-03-02',
  applicantName: '马福祥',
  contact: '13800000000',
  record: '2025年临时救助对象公示中本人的家庭人口数',
  error: '公示为3人，实际为5人',
  evidence: '户口簿复印件',
};

describeEachDialect('条例第四十一条: 更正 requests', (t) => {
  test('register with a due date; referral needs the agency; the letter carries relief', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { agency, clerk } = await township(db, clock);
    const r = await registerRecordCorrection(clerk, agency.id, input);
    assert.match(r.reference, /政更正〔2026〕第1号$/);
    assert.equal(r.dueOn, '2026-03-30', '20 working days (setting recordCorrectionDays)');
    await assert.rejects(
      decideRecordCorrection(clerk, r.id, { decision: 'referred', reason: '由县民政局负责' }),
      (e: unknown) => e instanceof DomainError && /有权更正的机关.*第四十一条/.test(e.message),
    );
    const d = await decideRecordCorrection(clerk, r.id, {
      decision: 'referred',
      referredTo: '互助土族自治县民政局',
      reason: '临时救助对象信息由县民政局审核确认',
    });
    const text = d.paragraphs.join('\n');
    assert.match(text, /第四十一条.*转送互助土族自治县民政局处理/);
    assert.match(text, /如对本决定不服，可以自收到本决定之日起60日内/);
    for (const [re, what] of BAD_PATTERNS) assert.doesNotMatch(text, re, what);
    await assert.rejects(
      decideRecordCorrection(clerk, r.id, { decision: 'corrected', reason: 'x' }),
      /已作出决定/,
    );
  });
});

describeEachDialect('更正 over HTTP', (t) => {
  test('register, decide, download the letter; a missing field keeps what was typed', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { agency } = await township(db, clock);
    const clerkUser = await makeUser(db, agency.id, ['clerk'], { officeId: agency.disclosureOfficeId });
    const c = testApp(db, clock).client();
    await c.signIn(clerkUser.username);
    const bad = await c.post('/office/requests/corrections', { ...input, evidence: '' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /2025年临时救助对象公示中本人的家庭人口数/);
    assert.equal((await c.post('/office/requests/corrections', input)).status, 303);
    const row = await db.selectFrom('record_corrections').select('id').executeTakeFirstOrThrow();
    const d = await c.post(`/office/requests/corrections/${row.id}/decide`, {
      decision: 'corrected',
      reason: '家庭人口数已更正为5人，并重新公示',
    });
    assert.equal(d.status, 303);
    const page = await (await c.get('/office/requests/corrections')).text();
    assert.match(page, /审核属实，予以更正/);
    const docx = await c.get(`/office/requests/corrections/${row.id}/letter.docx`);
    assert.equal(docx.status, 200);
    assert.equal(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
      'PK',
    );
  });
});
