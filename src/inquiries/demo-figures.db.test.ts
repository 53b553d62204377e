/**
 * The demo year of messages (src/inquiries/demo.ts) loaded through the use cases, and its monthly figures checked
 * against a count made by hand from the demo table — on both databases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { fixedClock } from '../clock.ts';
import { systemActor } from '../context.ts';
import { prepareDatabase } from '../setup.ts';
import { loadDemo, DEMO_TOWNSHIP_CODE } from '../demo/load-demo.ts';
import { findAgencyByCode, listOffices } from '../org/org.queries.ts';
import { computeMonth, publishedFigures } from './figures.queries.ts';
import { threeMonthAlarms } from './send-inquiry-alerts.ts';
import { reporterCount } from './inquiries.queries.ts';
import { listCommentCalls, listComments } from './comment-calls.ts';
import { sendInquiryAlerts } from './send-inquiry-alerts.ts';
import type { OfficeFigures } from './figures.ts';

const clock = fixedClock('2026-12-01T02:00:00Z');

const pick = (f: OfficeFigures) => ({
  received: f.received,
  merged: f.merged,
  answered: f.answered,
  onTime: f.onTime,
  overdue: f.overdue,
  resolved: f.resolved,
  rated: f.rated,
  satisfied: f.satisfied,
  basicallySatisfied: f.basicallySatisfied,
  dissatisfied: f.dissatisfied,
  handlingDays: f.handlingDays,
});

describeEachDialect('demo: a year of messages, figures by hand', (t) => {
  test('monthly figures of the demo township match the hand count', async () => {
    const { db } = t();
    await prepareDatabase(db, clock);
    const ctx = { db, clock, actor: systemActor('演示数据'), meta: { ip: null } };
    await loadDemo(ctx);
    const town = (await findAgencyByCode(db, DEMO_TOWNSHIP_CODE))!;
    const office = new Map((await listOffices(db, town.id)).map((o) => [o.name, o.id]));
    const byOffice = (m: { offices: OfficeFigures[] }, name: string) =>
      m.offices.find((o) => o.officeId === office.get(name))!;

    // March 2026 (demo messages 9–14), as of 1 December 2026:
    //  9 路灯 complaint → 乡村振兴办公室, answered after 10 working days (≤15: on time), 满意
    //  10, 11 duplicates merged into 9 → 合并 2 (not counted as received)
    //  12 医保 question → 社会事务办, answered after 6 (>5: late, overdue), 不满意
    //  13 乡村旅游 suggestion → 乡村振兴办公室, after 9 (≤10: on time), 基本满意
    //  14 县医院 question → 党政综合办公室 (rule 其他), referred after 1 working day, not rated
    const march = await computeMonth(db, town.id, '2026-03', clock.today());
    assert.deepEqual(pick(byOffice(march, '乡村振兴办公室')), {
      received: 2,
      merged: 2,
      answered: 2,
      onTime: 2,
      overdue: 0,
      resolved: 2,
      rated: 2,
      satisfied: 1,
      basicallySatisfied: 1,
      dissatisfied: 0,
      handlingDays: 19,
    });
    assert.deepEqual(pick(byOffice(march, '社会事务办')), {
      received: 1,
      merged: 0,
      answered: 1,
      onTime: 0,
      overdue: 1,
      resolved: 0,
      rated: 1,
      satisfied: 0,
      basicallySatisfied: 0,
      dissatisfied: 1,
      handlingDays: 6,
    });
    assert.deepEqual(pick(byOffice(march, '党政综合办公室')), {
      received: 1,
      merged: 0,
      answered: 1,
      onTime: 1,
      overdue: 0,
      resolved: 0,
      rated: 0,
      satisfied: 0,
      basicallySatisfied: 0,
      dissatisfied: 0,
      handlingDays: 1,
    });
    assert.equal(march.total.received, 4);
    assert.equal(march.total.replyRate, 100);
    assert.equal(march.total.onTimeRate, 75);
    assert.equal(march.total.resolvedRate, 50, 'an unrated answer is not resolved');
    assert.equal(march.total.satisfactionRate, 66.7, '(1 满意 + 1 基本满意) / 3 rated');
    assert.equal(march.total.averageDays, 6.5, '(10 + 9 + 6 + 1) / 4');

    // April 2026 (15–17): 15 良种 question → 农业, first answer after 3 (on time), 不满意, reopened, second answer
    // rated 满意 (the latest rating counts); 16 残疾补贴 help → 社会事务办 after 10, 满意; 17 advertising → 不予受理
    // by 党政综合办公室 after 1.
    const april = await computeMonth(db, town.id, '2026-04', clock.today());
    assert.deepEqual(pick(april.total), {
      received: 3,
      merged: 0,
      answered: 3,
      onTime: 3,
      overdue: 0,
      resolved: 2,
      rated: 2,
      satisfied: 2,
      basicallySatisfied: 0,
      dissatisfied: 0,
      handlingDays: 14,
    });

    // October 2026 (31–32): 31 冬小麦 → 农业 after 4, 满意; 32 特困供养 → 社会事务办, drafted but not approved,
    // past its 15-working-day due date on 1 December → overdue, not answered.
    const oct = await computeMonth(db, town.id, '2026-10', clock.today());
    assert.deepEqual(pick(oct.total), {
      received: 2,
      merged: 0,
      answered: 1,
      onTime: 1,
      overdue: 1,
      resolved: 1,
      rated: 1,
      satisfied: 1,
      basicallySatisfied: 0,
      dissatisfied: 0,
      handlingDays: 4,
    });
    assert.equal(oct.total.replyRate, 50);

    // The whole year: 36 messages, 2 merged → 34 threads; open: 30, 32, 34, 35 → 30 answered.
    let received = 0;
    let merged = 0;
    let answered = 0;
    for (const m of [
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]) {
      const f = await computeMonth(db, town.id, m, clock.today());
      received += f.total.received;
      merged += f.total.merged;
      answered += f.total.answered;
    }
    assert.deepEqual({ received, merged, answered }, { received: 34, merged: 2, answered: 30 });

    // Published at each month's start; November's as it stood on 1 December.
    const published = await publishedFigures(db, town.id);
    assert.equal(published[0]!.month, '2026-11');
    assert.equal(published.length, 12);

    // Message 30 (received 8 September, unanswered) is near its 3-month mark (8 December).
    const alarms = await threeMonthAlarms(db, town.id, clock.today());
    assert.deepEqual(
      alarms.map((a) => a.receivedOn),
      ['2026-09-08'],
    );

    // The merged thread shows 3 citizens; the converted message links to its request, received on conversion day.
    const main = await db
      .selectFrom('inquiries')
      .select('id')
      .where('agency_id', '=', town.id)
      .where('received_on', '=', '2026-03-03')
      .executeTakeFirstOrThrow();
    assert.equal(await reporterCount(db, main.id), 3);
    const conv = await db
      .selectFrom('inquiries')
      .innerJoin('info_requests', 'info_requests.id', 'inquiries.converted_request_id')
      .select([
        'inquiries.received_on as asked',
        'info_requests.received_on as received',
        'info_requests.status',
      ])
      .executeTakeFirstOrThrow();
    assert.deepEqual(conv, { asked: '2026-02-26', received: '2026-02-27', status: 'replied' });

    // 意见征集: one with its 采纳情况, one late.
    const calls = await listCommentCalls(db, town.id);
    const done = calls.find((c) => c.adoptionPublishedOn)!;
    assert.equal(done.adoptionPublishedOn, '2026-06-03');
    const shown = await listComments(db, done.id, true);
    assert.equal(shown.length, 3);
    assert.ok(shown.every((c) => c.adoption));
    assert.ok(!shown.some((c) => c.publicBody.includes('13809721234')), 'a phone in a comment is masked');
    const late = calls.find((c) => !c.adoptionPublishedOn)!;
    assert.ok(late.adoptionDueOn < clock.today());
    await sendInquiryAlerts({ ...ctx });
    const n = await db
      .selectFrom('notifications')
      .select('title')
      .where('kind', '=', 'comment_call.adoption_late')
      .execute();
    assert.ok(n.length > 0 && n[0]!.title.includes(late.title));
  });
});
