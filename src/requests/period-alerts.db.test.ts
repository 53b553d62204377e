import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { fixedClock } from '../../test/support/factories.ts';
import { PERSON, thirdPartyObjected, township } from '../../test/support/request-factories.ts';
import type { Db } from '../db/database.ts';
import { registerRequest } from './register-request.ts';
import { submitDecision } from './submit-decision.ts';
import { issueDisclosureNotice } from './issue-disclosure-notice.ts';
import { requestReasons } from './request-reasons.ts';
import { getRequest } from './requests.queries.ts';
import { sendDeadlineAlerts } from './send-deadline-alerts.ts';

const inPerson = (submittedOn: string) => ({ ...PERSON, channel: 'in_person', submittedOn });
const remindersOf = (db: Db, kind: string) =>
  db.selectFrom('notifications').select(['user_id', 'title', 'link']).where('kind', '=', kind).execute();

describeEachDialect('requests: the persons who can act are told when a period ends', (t) => {
  test('第三十二条: when the third party’s waiting period has passed, the clerks are told once', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { clerk, request: r, consultationId } = await thirdPartyObjected(db, clock);
    const c = { id: consultationId };
    const clerkId = clerk.actor.kind === 'user' ? clerk.actor.userId : -1;
    await submitDecision(clerk, r.id, {
      outcome: 'disclosed',
      basis: '第三十六条第（二）项、第十五条',
      reason: '验收结论涉及公共资金使用',
      expectedVersion: (await getRequest(db, r.id)).version,
    });
    await issueDisclosureNotice(clerk, r.id, {
      consultationId: c.id,
      content: '验收报告',
      reason: '涉及财政资金',
      deliveredOn: '2026-03-10',
    });
    // 15 working days from 03-10 end on 03-31: nothing on that day, a reminder on 04-01, none again on 04-02.
    clock.set('2026-03-31T02:00:00Z');
    await sendDeadlineAlerts(clerk);
    assert.equal((await remindersOf(db, 'request.third_party_wait_over')).length, 0);
    clock.set('2026-04-01T02:00:00Z');
    await sendDeadlineAlerts(clerk);
    const sent = await remindersOf(db, 'request.third_party_wait_over');
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.user_id, clerkId);
    assert.match(
      sent[0]!.title,
      /某建设公司.*等待期已于2026年3月31日届满.*自2026年4月1日起可以向申请人提供信息.*第三十二条/,
    );
    assert.equal(sent[0]!.link, `/office/requests/${r.id}#consultation-${c.id}`);
    clock.set('2026-04-02T02:00:00Z');
    await sendDeadlineAlerts(clerk);
    assert.equal((await remindersOf(db, 'request.third_party_wait_over')).length, 1);
  });

  test('第三十五条: when the period to state reasons passes unanswered, the clerks are told once; an answer stops it', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { agency, clerk } = await township(db, clock);
    const r = await registerRequest(clerk, agency.id, inPerson('2026-03-02'));
    clock.set('2026-03-03T02:00:00Z');
    await requestReasons(clerk, r.id, { matter: '2026年2月以来提出申请52件', deliveryMethod: 'online' });
    const q = await db
      .selectFrom('request_reason_requests')
      .select(['id', 'period_end_on'])
      .where('request_id', '=', r.id)
      .executeTakeFirstOrThrow();
    assert.equal(q.period_end_on, '2026-03-17'); // 10 working days from 03-03
    clock.set('2026-03-17T02:00:00Z');
    await sendDeadlineAlerts(clerk);
    assert.equal((await remindersOf(db, 'request.reasons_period_over')).length, 0);
    clock.set('2026-03-18T02:00:00Z');
    await sendDeadlineAlerts(clerk);
    await sendDeadlineAlerts(clerk);
    const sent = await remindersOf(db, 'request.reasons_period_over');
    assert.equal(sent.length, 1);
    assert.match(sent[0]!.title, /说明理由的期限已于2026年3月17日届满，未收到理由.*第三十五条/);
  });
});
