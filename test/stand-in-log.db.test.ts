/**
 * With no SMS gateway and no mail server configured, the stand-in senders write what would be sent to the log. The
 * log is read by more people than the citizen's phone: the 查询码 of the message (and of the request it became), the
 * phone number and the e-mail address must not be in it in clear — this test captures the real log lines of the
 * citizen's receipt and conversion messages, sent by the real jobs, and looks for them.
 */
import { it, after } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describeEachDialect } from './support/db.ts';
import {
  ctxAs,
  fixedClock,
  makeAgency,
  makeOffice,
  makeUser,
  systemCtx,
  userActor,
} from './support/factories.ts';
import { createLogger } from '../src/logger.ts';
import { seedCalendar } from '../src/calendar/seed-calendar.ts';
import { setDisclosureOffice } from '../src/org/manage-agency.ts';
import { submitInquiry } from '../src/inquiries/submit-inquiry.ts';
import { convertInquiry } from '../src/inquiries/convert-inquiry.ts';
import { inquiriesFeature } from '../src/inquiries/feature.ts';
import { notificationsFeature } from '../src/notifications/feature.ts';
import {
  loggingEmailSender,
  loggingSmsSender,
  setSenders,
  standInEmailSender,
  standInSmsSender,
} from '../src/notifications/senders.ts';
import { drainJobs } from '../src/jobs/worker.ts';
import type { JobHandler } from '../src/jobs/queue.ts';
import type { Ctx } from '../src/context.ts';
import { systemClock } from '../src/clock.ts';

const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 2 March 2026, 10:00 Beijing (outside the quiet hours)
// Jobs are queued to run at the real time (enqueue), so they are drained by the real clock.
const handlers = new Map<string, JobHandler>([
  ...Object.entries(inquiriesFeature().jobs!),
  ...Object.entries(notificationsFeature().jobs!),
]);

/** The stand-in senders writing to a log this test reads (the process's own logger, only its destination differs). */
function captureLog(): { text: () => string; lines: () => { msg: string; phone?: string; to?: string }[] } {
  const chunks: string[] = [];
  const log = createLogger(
    'info',
    new Writable({
      write(chunk, _enc, cb) {
        chunks.push(String(chunk));
        cb();
      },
    }),
  );
  setSenders({ email: standInEmailSender(log), sms: standInSmsSender(log) });
  return {
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
  };
}

after(() => setSenders({ email: loggingEmailSender, sms: loggingSmsSender }));

describeEachDialect('stand-in senders: no 查询码, phone or address in the log', (t) => {
  it("the receipt and the conversion messages are logged without the citizen's codes", async () => {
    const { db } = t();
    await seedCalendar(systemCtx(db, clock));
    const agency = await makeAgency(db);
    const disclosure = await makeOffice(db, agency.id, '党政综合办公室');
    await setDisclosureOffice(systemCtx(db), agency.id, disclosure);
    const clerk = ctxAs(
      db,
      userActor(await makeUser(db, agency.id, ['clerk'], { officeId: disclosure })),
      clock,
    );
    const citizen: Ctx = { db, clock, actor: { kind: 'public' }, meta: { ip: '10.0.0.9' } };
    const log = captureLog();

    const q = await submitInquiry(
      citizen,
      { ...agency, disclosureOfficeId: disclosure },
      {
        kind: 'question',
        topic: '农业农村',
        body: '请问今年春耕的种粮补贴什么时候发放？',
        contactName: '马先生',
        contactPhone: '13912345678',
        contactEmail: 'mafuxiang@example.com',
        allowPublish: '0',
      },
    );
    await drainJobs({ db, clock: systemClock }, handlers);
    const r = await convertInquiry(clerk, q.id, {
      applicantKind: 'natural_person',
      applicantName: '马福祥',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      phone: '13912345678',
      infoDescription: '2025年费家村道路硬化项目的验收报告',
      formRequested: 'electronic',
      deliveryRequested: 'email',
      email: 'mafuxiang@example.com',
    });
    await drainJobs({ db, clock: systemClock }, handlers);

    const lines = log.lines();
    const sms = lines.filter((l) => l.msg.startsWith('短信（未配置短信网关'));
    const mail = lines.filter((l) => l.msg.startsWith('邮件（未配置发送服务'));
    // Both messages went out by both channels: the receipt, then the conversion.
    assert.equal(sms.length, 2, log.text());
    assert.equal(mail.length, 2, log.text());
    assert.match(
      sms[0]!.msg,
      new RegExp(`留言编号${q.reference}，查询码${q.trackingCode[0]}\\*{6}${q.trackingCode.at(-1)}`),
    );
    assert.match(
      sms[1]!.msg,
      new RegExp(`登记编号${r.reference.replace(/[()（）[\]]/g, '\\$&')}，查询码\\w\\*{6}\\w`),
    );
    assert.equal(sms[0]!.phone, '139****5678');
    assert.equal(mail[0]!.to, 'm***@example.com');

    const all = log.text();
    for (const secret of [q.trackingCode, r.trackingCode, '13912345678', 'mafuxiang@', '11010519491231002X'])
      assert.ok(!all.includes(secret), `the log carries ${secret} in clear:\n${all}`);
  });
});
