import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { PERSON, township } from '../../test/support/request-factories.ts';
import { fixedClock } from '../../test/support/factories.ts';
import { registerRequest } from './register-request.ts';
import { submitOnlineRequest } from './submit-online-request.ts';
import { confirmRequest } from './confirm-request.ts';
import { requestCorrection } from './request-correction.ts';
import { receiveCorrection } from './receive-correction.ts';
import { startConsultation } from './start-consultation.ts';
import { endConsultation } from './end-consultation.ts';
import { extendDeadline } from './extend-deadline.ts';
import { submitDecision } from './submit-decision.ts';
import { approveDecision } from './approve-decision.ts';
import { recordDelivery } from './record-delivery.ts';
import { archiveRequest } from './archive-request.ts';
import { issueFeeNotice } from './issue-fee-notice.ts';
import { closeUnpaidFee } from './close-unpaid-fee.ts';
import { waiveFee } from './waive-fee.ts';
import { trackRequest } from './track-request.ts';
import { getRequest } from './requests.queries.ts';
import { DomainError } from '../errors.ts';

async function rejects(p: Promise<unknown>, code: string, msg: RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof DomainError, String(e));
    assert.equal(e.code, code);
    assert.match(e.message, msg);
    return true;
  });
}

describeEachDialect('requests: the life of a request', (t) => {
  test('online → confirm → 补正 → consult → extend → decide → approve → deliver → archive', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { agency, clerk, head, otherHead } = await township(db, clock);
    const pub = { db, clock, actor: { kind: 'public' as const }, meta: { ip: '10.0.0.1' } };
    const r0 = await submitOnlineRequest(pub, agency, PERSON);
    assert.equal(r0.status, 'pending_confirmation');
    assert.equal(r0.receivedOn, null);
    assert.match(r0.reference, /〔2026〕第1号$/);

    let r = (await confirmRequest(clerk, r0.id, { confirmedOn: '2026-03-02', evidence: '电话确认' })).request;
    assert.equal(r.status, 'accepted');
    assert.equal(r.dueOn, '2026-03-30');

    clock.set('2026-03-04T02:00:00Z');
    r = (await requestCorrection(clerk, r.id, { items: '请说明具体村组', periodDays: 10 })).request;
    assert.equal(r.status, 'awaiting_correction');
    assert.equal(r.dueOn, null);
    await rejects(requestCorrection(clerk, r.id, { items: 'x', periodDays: 5 }), 'invalid_state', /补正中/);

    clock.set('2026-03-05T02:00:00Z');
    r = (await receiveCorrection(clerk, r.id, { receivedOn: '2026-03-05' })).request;
    assert.equal(r.dueOn, '2026-04-02');

    clock.set('2026-03-10T02:00:00Z');
    r = (
      await startConsultation(clerk, r.id, {
        kind: 'third_party',
        party: '某建设公司',
        matter: '是否同意公开验收报告',
        sentOn: '2026-03-10',
      })
    ).request;
    assert.equal(r.status, 'consulting');
    clock.set('2026-03-20T02:00:00Z');
    const c = await db
      .selectFrom('request_consultations')
      .select('id')
      .where('request_id', '=', r.id)
      .executeTakeFirstOrThrow();
    r = (
      await endConsultation(clerk, r.id, { consultationId: c.id, answeredOn: '2026-03-20', answer: 'agree' })
    ).request;
    assert.equal(r.status, 'accepted');
    assert.equal(r.dueOn, '2026-04-15');

    // Only the head of the disclosure office may extend.
    await rejects(extendDeadline(otherHead, r.id, { days: 20, reason: '需调取档案' }), 'forbidden', /权限/);
    r = (await extendDeadline(head, r.id, { days: 20, reason: '需调取档案' })).request;
    assert.equal(r.status, 'extended');
    assert.equal(r.dueOn, '2026-05-15');
    await rejects(
      extendDeadline(head, r.id, { days: 5, reason: '再延' }),
      'invalid_state',
      /只能延长一次|不能执行/,
    );

    await rejects(
      submitDecision(clerk, r.id, { outcome: 'disclosed', basis: '', reason: '予以公开' }),
      'validation',
      /法律依据/,
    );
    await rejects(
      submitDecision(clerk, r.id, { outcome: 'partially_disclosed', basis: '第三十七条', reason: '部分' }),
      'validation',
      /逐项列明/,
    );
    // 条例第十五条: the third party agreed, so its rights cannot be the ground for withholding.
    await rejects(
      submitDecision(clerk, r.id, {
        outcome: 'partially_disclosed',
        basis: '第三十七条、第十五条',
        reason: '第三方同意公开验收结论，个人信息除外',
        withheld: [{ part: '验收组成员身份证号码', ground: 'withheld_third_party', reason: '涉及个人隐私' }],
        expectedVersion: r.version,
      }),
      'invalid_state',
      /已书面同意公开.*第十五条/,
    );
    r = (
      await submitDecision(clerk, r.id, {
        outcome: 'partially_disclosed',
        basis: '第三十七条、第十四条',
        reason: '第三方同意公开验收结论，身份证号码除外',
        withheld: [
          {
            part: '验收组成员身份证号码',
            ground: 'withheld_prohibited_by_law',
            reason: '《中华人民共和国个人信息保护法》禁止公开',
          },
        ],
        expectedVersion: r.version,
      })
    ).request;
    assert.equal(r.status, 'pending_approval');
    assert.equal(r.reportRow, 'result.partially_granted');
    // A stale version (a second clerk deciding at once) is a conflict, nothing saved.
    await rejects(
      approveDecision(head, r.id, { expectedVersion: r.version - 1 }),
      'conflict',
      // Who acted first, what they did, and the state now (issue 10: a stale form says who did what).
      /已于2026-03-20 10:00“提交答复审批”，该申请当前状态为“待审批”/,
    );
    clock.set('2026-04-20T02:00:00Z');
    r = (await approveDecision(head, r.id, { expectedVersion: r.version })).request;
    assert.equal(r.status, 'replied');
    assert.equal(r.closedOn, '2026-04-20');
    const letters = await db
      .selectFrom('request_letters')
      .selectAll()
      .where('request_id', '=', r.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      letters.map((l) => l.kind),
      ['receipt', 'correction_notice', 'consultation_third_party', 'extension_notice', 'reply_partial'],
    );
    const reply = JSON.parse(letters.at(-1)!.body_json).join('\n');
    assert.match(reply, /应当先自收到本答复之日起60日内向测试县.+申请行政复议/);
    assert.match(reply, /验收组成员身份证号码/);
    assert.match(reply, /您于2026年3月5日提交了补正/);
    assert.doesNotMatch(reply, /您（单位）|（（|）（/);
    const third = JSON.parse(letters[2]!.body_json).join('\n');
    assert.doesNotMatch(third, /马福祥/, 'the third party never learns who applied');

    r = (await recordDelivery(clerk, r.id, { method: 'post', deliveredOn: '2026-04-20' })).request;
    r = (await archiveRequest(clerk, r.id)).request;
    assert.equal(r.status, 'archived');

    const tracked = await trackRequest(pub, { reference: r.reference, code: r.trackingCode.toLowerCase() });
    assert.equal(tracked.statusLabel, '已归档');
    assert.equal(tracked.letters.length, 4, 'the consultation letter is not the applicant’s');
    await rejects(
      trackRequest(pub, { reference: r.reference, code: 'WRONG123' }),
      'not_found',
      /查询码不正确/,
    );
  });

  test('clerk registration: receipt date by channel; future dates and bad IDs refused', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { agency, clerk } = await township(db, clock);
    const inPerson = await registerRequest(clerk, agency.id, {
      ...PERSON,
      channel: 'in_person',
      submittedOn: '2026-02-27',
    });
    assert.equal(inPerson.receivedOn, '2026-02-27');
    assert.equal(inPerson.status, 'accepted');
    const mail = await registerRequest(clerk, agency.id, {
      ...PERSON,
      channel: 'registered_mail',
      submittedOn: '2026-02-26',
      confirmedOn: '2026-02-27',
    });
    assert.equal(mail.receivedOn, '2026-02-27');
    const letter = await registerRequest(clerk, agency.id, {
      ...PERSON,
      channel: 'ordinary_mail',
      submittedOn: '2026-03-02',
    });
    assert.equal(letter.status, 'pending_confirmation');
    assert.equal(Number(letter.reference.match(/第(\d+)号/)![1]), 3, 'gap-free serials');
    await rejects(
      registerRequest(clerk, agency.id, { ...PERSON, channel: 'in_person', submittedOn: '2026-03-03' }),
      'validation',
      /不能晚于今天/,
    );
    await rejects(
      registerRequest(clerk, agency.id, {
        ...PERSON,
        idNumber: '110105194912310021',
        channel: 'in_person',
        submittedOn: '2026-03-02',
      }),
      'validation',
      /校验位/,
    );
    await rejects(
      registerRequest(clerk, agency.id, {
        ...PERSON,
        applicantKind: 'commercial_enterprise',
        idType: 'uscc',
        idNumber: '91350100M000100Y44',
        channel: 'fax',
        submittedOn: '2026-03-02',
      }),
      'validation',
      /统一社会信用代码校验位/,
    );
    const count = await db
      .selectFrom('info_requests')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('agency_id', '=', agency.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 3, 'nothing saved half-way');
  });

  test('fees: notice within the period, waiver before, unpaid closure only after the window', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { agency, clerk, head } = await township(db, clock);
    const r0 = await registerRequest(clerk, agency.id, {
      ...PERSON,
      channel: 'in_person',
      submittedOn: '2026-03-02',
    });
    await rejects(
      issueFeeNotice(clerk, r0.id, { method: 'by_count', noticeOn: '2026-03-02', reason: '频次过高' }),
      'invalid_state',
      /不需收费/,
    );
    await waiveFee(head, r0.id, { amount: 200, reason: '申请人为低保户，减免部分费用' });
    clock.set('2026-03-03T02:00:00Z');
    let r = (
      await issueFeeNotice(clerk, r0.id, {
        method: 'by_volume',
        pages: 150,
        noticeOn: '2026-03-03',
        reason: '页数较多',
      })
    ).request;
    assert.equal(r.feeAmount, 1500);
    assert.equal(r.status, 'awaiting_fee');
    assert.equal(r.feeDueOn, '2026-03-31');
    await rejects(closeUnpaidFee(clerk, r.id), 'invalid_state', /缴费期限尚未届满/);
    clock.set('2026-04-01T02:00:00Z');
    r = (await closeUnpaidFee(clerk, r.id)).request;
    assert.equal(r.status, 'abandoned');
    assert.equal(r.reportRow, 'result.other.fee_unpaid');
    const waived = await db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', String(r.id))
      .execute();
    assert.ok(waived.some((a) => a.action === 'request.fee_waived'));
    assert.equal((await getRequest(db, r.id)).closedOn, '2026-04-01');
  });
});
