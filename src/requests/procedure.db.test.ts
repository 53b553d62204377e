import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { ctxAs, fixedClock, makeUser, userActor } from '../../test/support/factories.ts';
import { DomainError } from '../errors.ts';
import { PERSON, thirdPartyObjected, township } from '../../test/support/request-factories.ts';
import { registerRequest } from './register-request.ts';
import { confirmRequest } from './confirm-request.ts';
import { requestCorrection } from './request-correction.ts';
import { receiveCorrection } from './receive-correction.ts';
import { abandonNoCorrection } from './abandon-no-correction.ts';
import { recordNoticeDelivery } from './record-notice-delivery.ts';
import { submitDecision } from './submit-decision.ts';
import { approveDecision } from './approve-decision.ts';
import { recordDelivery } from './record-delivery.ts';
import { issueDisclosureNotice } from './issue-disclosure-notice.ts';
import { receiveReasons, requestReasons, setLaterReply } from './request-reasons.ts';
import { issueFeeNotice } from './issue-fee-notice.ts';
import { getRequest } from './requests.queries.ts';
import { addRegionalHoliday } from '../calendar/manage-regional-holidays.ts';
import type { Db } from '../db/database.ts';

async function rejects(p: Promise<unknown>, code: string, msg: RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof DomainError, String(e));
    assert.equal(e.code, code, e.message);
    assert.match(e.message, msg);
    return true;
  });
}

const inPerson = (submittedOn: string, more: Record<string, unknown> = {}) => ({
  ...PERSON,
  channel: 'in_person',
  submittedOn,
  ...more,
});

const letterKinds = async (db: Db, id: number) =>
  (
    await db.selectFrom('request_letters').select('kind').where('request_id', '=', id).orderBy('id').execute()
  ).map((l) => l.kind);
const letterText = async (db: Db, id: number, kind: string) => {
  const l = await db
    .selectFrom('request_letters')
    .selectAll()
    .where('request_id', '=', id)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return { ...l, text: (JSON.parse(l.body_json) as string[]).join('\n') };
};

describeEachDialect('requests: the procedure the 条例 requires', (t) => {
  test('第三十条: a late or second 补正 is refused; the period runs from delivery; 视为放弃 only after it', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { agency, clerk } = await township(db, clock);
    const a = await registerRequest(clerk, agency.id, inPerson('2026-03-02'));
    // The 16th working day after receipt (the case the old override allowed): refused, the due date unmoved.
    clock.set('2026-03-24T02:00:00Z');
    await rejects(
      requestCorrection(clerk, a.id, { items: '请说明村组', periodDays: 10 }),
      'invalid_state',
      /7个工作日内/,
    );
    assert.equal((await getRequest(db, a.id)).dueOn, '2026-03-30');

    const b = await registerRequest(clerk, agency.id, inPerson('2026-03-24'));
    clock.set('2026-03-25T02:00:00Z');
    await requestCorrection(clerk, b.id, { items: '请说明村组', periodDays: 10, deliveryMethod: 'post' });
    // By post: no period until the signed-for day is recorded, so no 视为放弃.
    clock.set('2026-06-01T02:00:00Z');
    await rejects(abandonNoCorrection(clerk, b.id), 'invalid_state', /收到补正告知书的日期/);
    clock.set('2026-03-30T02:00:00Z');
    await recordNoticeDelivery(clerk, b.id, { notice: 'correction', deliveredOn: '2026-03-30' });
    const c0 = await db
      .selectFrom('request_corrections')
      .selectAll()
      .where('request_id', '=', b.id)
      .executeTakeFirstOrThrow();
    assert.equal(c0.period_end_on, '2026-04-14', '10 working days from 03-30, 清明 04-06 skipped');
    clock.set('2026-04-14T02:00:00Z');
    await rejects(abandonNoCorrection(clerk, b.id), 'invalid_state', /尚未届满/);

    // A regional holiday inside the period: the stored end is recomputed and the handler notified.
    const admin = ctxAs(db, userActor(await makeUser(db, agency.id, ['admin'])), clock);
    await addRegionalHoliday(admin, agency.id, { date: '2026-04-08', name: '地方性假日（测试）' });
    const c1 = await db
      .selectFrom('request_corrections')
      .selectAll()
      .where('request_id', '=', b.id)
      .executeTakeFirstOrThrow();
    assert.equal(c1.period_end_on, '2026-04-15');

    await receiveCorrection(clerk, b.id, {
      receivedOn: '2026-04-14',
      content: '哈拉直沟村一组2025年高标准农田验收报告',
    });
    // A second notice, even within 7 working days of the 补正: refused.
    await rejects(
      requestCorrection(clerk, b.id, { items: '再补', periodDays: 5 }),
      'invalid_state',
      /一次性告知/,
    );

    // （四）3 without any 补正: refused; with the answered 补正: allowed, and the reply quotes the narrowed request.
    await rejects(
      submitDecision(clerk, a.id, {
        outcome: 'unclear_after_correction',
        basis: '第三十条',
        reason: '内容不明确',
      }),
      'invalid_state',
      /没有收到过补正/,
    );
    await submitDecision(clerk, b.id, {
      outcome: 'unclear_after_correction',
      basis: '第三十条',
      reason: '仍未说明年份',
    });
  });

  test('第三十二条: the third party objects, the agency discloses with a 决定公开告知书 and waits', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { clerk, head, request: r, consultationId } = await thirdPartyObjected(db, clock);
    const c = { id: consultationId };
    let v = await getRequest(db, r.id);
    await submitDecision(clerk, r.id, {
      outcome: 'disclosed',
      basis: '第三十六条第（二）项、第十五条',
      reason: '验收结论涉及公共资金使用，不公开可能对公共利益造成重大影响',
      expectedVersion: v.version,
    });
    v = await getRequest(db, r.id);
    await rejects(
      approveDecision(head, r.id, { expectedVersion: v.version }),
      'invalid_state',
      /决定公开告知书/,
    );

    await issueDisclosureNotice(clerk, r.id, {
      consultationId: c.id,
      content: '2025年高标准农田建设项目验收报告（验收结论部分）',
      reason: '项目使用财政资金，验收结论关系群众切身利益',
      deliveredOn: '2026-03-10',
    });
    v = await getRequest(db, r.id);
    v = (await approveDecision(head, r.id, { expectedVersion: v.version })).request;
    // 15 working days after 03-10 is 03-31: the information goes out from 04-01.
    assert.equal(v.disclosureNotBefore, '2026-04-01');
    assert.deepEqual(await letterKinds(db, r.id), [
      'receipt',
      'consultation_third_party',
      'disclosure_decision_third_party',
      'reply_disclosed',
    ]);
    const notice = await letterText(db, r.id, 'disclosure_decision_third_party');
    assert.equal(notice.addressee, '某建设公司');
    assert.equal(notice.for_applicant, 0);
    assert.match(notice.text, /决定予以公开/);
    assert.match(notice.text, /2026年4月1日起/);
    assert.match(notice.text, /如对本决定不服，可以自收到本决定之日起60日内/);
    assert.doesNotMatch(notice.text, /马福祥/);
    const reply = await letterText(db, r.id, 'reply_disclosed');
    assert.match(reply.text, /将于2026年4月1日起向您提供/);

    clock.set('2026-03-31T02:00:00Z');
    await rejects(
      recordDelivery(clerk, r.id, { method: 'post', deliveredOn: '2026-03-31' }),
      'invalid_state',
      /等待期尚未届满/,
    );
    clock.set('2026-04-01T02:00:00Z');
    await recordDelivery(clerk, r.id, { method: 'post', deliveredOn: '2026-04-01' });
  });

  test('第三十五条: （五）4 only after 说明理由; a reasonable later reply date moves the clock', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { agency, clerk } = await township(db, clock);
    const r = await registerRequest(clerk, agency.id, inPerson('2026-03-02'));
    const decide = async () =>
      submitDecision(clerk, r.id, {
        outcome: 'excessive_unreasonable',
        basis: '第三十五条',
        reason: '一个月内提出五十余件内容相近的申请',
        expectedVersion: (await getRequest(db, r.id)).version,
      });
    await rejects(decide(), 'invalid_state', /须先要求申请人说明理由/);
    clock.set('2026-03-03T02:00:00Z');
    await requestReasons(clerk, r.id, { matter: '2026年2月以来提出申请52件', deliveryMethod: 'online' });
    await rejects(decide(), 'invalid_state', /期限尚未届满/);
    await rejects(
      setLaterReply(clerk, r.id, { laterOn: '2026-06-30', reason: '需调阅十年档案' }),
      'invalid_state',
      /须先要求申请人说明理由并收到理由/,
    );
    clock.set('2026-03-06T02:00:00Z');
    await receiveReasons(clerk, r.id, { answeredOn: '2026-03-06', answer: '为编写村志收集资料' });
    await rejects(
      setLaterReply(clerk, r.id, { laterOn: '2026-03-20', reason: 'x' }),
      'validation',
      /应晚于现在的答复期限/,
    );
    const after = (await setLaterReply(clerk, r.id, { laterOn: '2026-06-30', reason: '需调阅十年档案' }))
      .request;
    assert.equal(after.dueOn, '2026-06-30');
    assert.deepEqual(await letterKinds(db, r.id), ['receipt', 'reasons_request', 'later_reply_notice']);
    const later = await letterText(db, r.id, 'later_reply_notice');
    assert.match(later.text, /第三十五条.*2026年6月30日/);
    // After the step the （五）4 decision is allowed.
    await decide();
  });

  test('办法: backdated notices, 按量 for inspection refused; the notice states the rank and carries relief', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { agency, clerk } = await township(db, clock);
    const ids: number[] = [];
    for (let i = 0; i < 11; i++)
      ids.push(
        (
          await registerRequest(
            clerk,
            agency.id,
            inPerson('2026-03-02', { infoDescription: `第${i + 1}项信息` }),
          )
        ).id,
      );
    const look = await registerRequest(
      clerk,
      agency.id,
      inPerson('2026-03-02', { formRequested: 'inspection' }),
    );
    clock.set('2026-03-05T02:00:00Z');
    await rejects(
      issueFeeNotice(clerk, look.id, {
        method: 'by_volume',
        pages: 80,
        noticeOn: '2026-03-05',
        reason: '页数多',
      }),
      'invalid_state',
      /第五条/,
    );
    await rejects(
      issueFeeNotice(clerk, ids[10]!, { method: 'by_count', noticeOn: '2026-03-04', reason: '频次过高' }),
      'validation',
      /早于通知发出的日期/,
    );
    await rejects(
      issueFeeNotice(clerk, ids[10]!, {
        method: 'by_count',
        items: 2,
        noticeOn: '2026-03-05',
        reason: '频次过高',
      }),
      'validation',
      /拆分理由/,
    );
    const r = (
      await issueFeeNotice(clerk, ids[10]!, {
        method: 'by_count',
        noticeOn: '2026-03-05',
        reason: '频次过高',
      })
    ).request;
    assert.equal(r.feeAmount, 100);
    const n = await letterText(db, r.id, 'fee_notice');
    assert.match(n.text, /本申请为申请人2026年3月向本机关提出的第11件/);
    assert.match(n.text, /如对本收费决定不服/);
    // The default pauses the reply clock while the applicant may pay: never overdue inside the payment window.
    assert.ok(r.dueOn! > r.feeDueOn!, `${r.dueOn} after ${r.feeDueOn}`);
  });

  test('第三十一条 and 第三十六条: late 平信 confirmation, 36(五) agency, 36(三) citation, 重复申请 reference', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-06T02:00:00Z');
    const { agency, clerk, head } = await township(db, clock);
    const mail = await registerRequest(clerk, agency.id, {
      ...PERSON,
      channel: 'ordinary_mail',
      submittedOn: '2026-03-02',
    });
    await rejects(
      confirmRequest(clerk, mail.id, { confirmedOn: '2026-03-06', evidence: '电话确认' }),
      'validation',
      /未能当日确认的原因/,
    );
    const m = (
      await confirmRequest(clerk, mail.id, {
        confirmedOn: '2026-03-06',
        evidence: '电话确认',
        lateReason: '申请人电话无人接听',
      })
    ).request;
    assert.equal(m.lateConfirmationReason, '申请人电话无人接听');

    const x = await registerRequest(clerk, agency.id, inPerson('2026-03-06'));
    const v = async () => (await getRequest(db, x.id)).version;
    await rejects(
      submitDecision(clerk, x.id, {
        outcome: 'withheld_process_info',
        basis: '第十六条第二款',
        reason: '讨论稿',
        expectedVersion: await v(),
      }),
      'validation',
      /第三十六条第（三）项/,
    );
    await rejects(
      submitDecision(clerk, x.id, {
        outcome: 'not_this_agency',
        basis: '第三十六条第（五）项',
        reason: '由县局制作',
        expectedVersion: await v(),
      }),
      'validation',
      /名称和联系方式/,
    );
    await submitDecision(clerk, x.id, {
      outcome: 'not_this_agency',
      basis: '第三十六条第（五）项',
      reason: '该信息由县自然资源局制作并保存',
      responsibleAgency: '互助土族自治县自然资源局',
      responsibleContact: '0972-8321234',
      expectedVersion: await v(),
    });
    await approveDecision(head, x.id, { expectedVersion: await v() });
    const reply = await letterText(db, x.id, 'reply_unable');
    assert.match(reply.text, /由互助土族自治县自然资源局负责公开，联系方式：0972-8321234/);

    // 重复申请 of x (flagged as a duplicate): the earlier reply is referenced without typing it.
    const y = await registerRequest(clerk, agency.id, inPerson('2026-03-06'));
    assert.equal(y.duplicateOfId, x.id);
    const yy = (
      await submitDecision(clerk, y.id, {
        outcome: 'repeated',
        basis: '第三十六条第（六）项',
        reason: '已于2026年3月6日答复',
        expectedVersion: (await getRequest(db, y.id)).version,
      })
    ).request;
    assert.equal(yy.earlierReplyRef, `${reply.doc_no}（2026-03-06）`);
    // Not flagged and nothing typed: refused.
    const z = await registerRequest(
      clerk,
      agency.id,
      inPerson('2026-03-06', { infoDescription: '乡政府2025年公务用车情况' }),
    );
    await rejects(
      submitDecision(clerk, z.id, {
        outcome: 'repeated',
        basis: '第三十六条第（六）项',
        reason: '重复',
        expectedVersion: (await getRequest(db, z.id)).version,
      }),
      'validation',
      /此前已作出的答复/,
    );
  });
});
