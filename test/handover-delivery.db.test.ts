/**
 * Handovers tell the persons who can act (issue 10): in-app at once, by e-mail through a real SMTP conversation
 * (nodemailer → the `smtp-server` package listening on loopback in this test), by SMS through the pluggable sender
 * — held during the quiet hours and sent when they end — and e-mail only for the kinds the user keeps on. The
 * clerk's extension request reaches the office head, who approves it. Due-soon agrees with the ledger's horizon.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './support/db.ts';
import { startSmtpServer, type ReceivedMail } from './support/smtp.ts';
import { PERSON, township } from './support/request-factories.ts';
import { fixedClock } from './support/factories.ts';
import { registerRequest } from '../src/requests/register-request.ts';
import { submitDecision } from '../src/requests/submit-decision.ts';
import { requestExtension } from '../src/requests/request-extension.ts';
import { extendDeadline } from '../src/requests/extend-deadline.ts';
import { getRequest } from '../src/requests/requests.queries.ts';
import { alertFor } from '../src/requests/alerts.ts';
import { getCalendar } from '../src/calendar/get-calendar.ts';
import { drainJobs } from '../src/jobs/worker.ts';
import { notificationsFeature } from '../src/notifications/feature.ts';
import {
  loggingEmailSender,
  loggingSmsSender,
  RecordingSmsSender,
  setSenders,
  smtpEmailSender,
} from '../src/notifications/senders.ts';
import { saveEmailChoices } from '../src/notifications/prefs.ts';
import { listNotifications } from '../src/notifications/notifications.ts';
import type { JobHandler } from '../src/jobs/queue.ts';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let received: ReceivedMail[] = [];
let port = 0;
before(async () => {
  smtp = await startSmtpServer();
  received = smtp.received;
  port = smtp.port;
});
after(async () => {
  setSenders({ email: loggingEmailSender, sms: loggingSmsSender, publicUrl: '' });
  await smtp.close();
});

const handlers = new Map<string, JobHandler>(Object.entries(notificationsFeature().jobs!));

/** The decoded text of a received message (nodemailer sends UTF-8 quoted-printable or base64). */
function decoded(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(head!)?.[1] ?? '';
  const words = subject.replace(/\r?\n[ \t]/g, '').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc, s) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(s, 'base64').toString('utf8')
      : Buffer.from(
          s
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_x: string, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
  const text = /Content-Transfer-Encoding: base64/i.test(head!)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : Buffer.from(
        body
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8');
  return `${words}\n${text}`;
}

describeEachDialect('handover notifications: in-app, e-mail over SMTP, SMS after quiet hours', (t) => {
  it('a draft reply submitted for approval reaches the office head by every channel', async () => {
    const { db } = t();
    // 22:00 in Beijing: inside the default quiet hours (21:00–08:00).
    const clock = fixedClock('2026-12-01T14:00:00Z');
    const { agency, clerk, head } = await township(db, clock);
    const headId = head.actor.kind === 'user' ? head.actor.userId : 0;
    const email = `head${headId}@example.test`;
    await db.updateTable('users').set({ email, phone: '13912345678' }).where('id', '=', headId).execute();
    const sms = new RecordingSmsSender(() => clock.now());
    setSenders({
      email: smtpEmailSender(`smtp://127.0.0.1:${port}`, '政务公开平台 <gongkai@example.test>'),
      sms,
      publicUrl: 'https://gk.example.test',
    });
    received.length = 0;

    const r = await registerRequest(clerk, agency.id, {
      ...PERSON,
      channel: 'in_person',
      submittedOn: '2026-12-01',
    });
    await submitDecision(clerk, r.id, {
      outcome: 'not_exist',
      basis: '第三十六条第（四）项',
      reason: '经检索，本机关未制作该信息',
      expectedVersion: (await getRequest(db, r.id)).version,
    });
    const mine = await listNotifications(db, headId);
    const approval = mine.find((n) => n.kind === 'request.approval');
    assert.ok(approval, 'the head has the reminder in-app at once');
    assert.match(approval.title, /答复待审批/);
    assert.equal(approval.link, `/office/requests/${r.id}`);
    // The clerk who acted is not told about his own handover.
    const clerkId = clerk.actor.kind === 'user' ? clerk.actor.userId : 0;
    assert.equal(
      (await listNotifications(db, clerkId)).filter((n) => n.kind === 'request.approval').length,
      0,
    );

    await drainJobs({ db, clock }, handlers);
    const mail = received.find((m) => m.to.includes(email));
    assert.ok(mail, 'the SMTP server received the e-mail');
    const text = decoded(mail.raw);
    assert.match(text, new RegExp(r.reference.replace(/[〔〕]/g, '.')));
    assert.match(text, new RegExp(`https://gk\\.example\\.test/office/requests/${r.id}`));
    assert.equal(sms.sent.length, 0, 'no SMS during the quiet hours');

    clock.set('2026-12-02T00:00:30Z'); // 08:00 in Beijing: the quiet hours are over
    await drainJobs({ db, clock }, handlers);
    assert.equal(sms.sent.length, 1);
    assert.equal(sms.sent[0]!.phone, '13912345678');
    assert.match(sms.sent[0]!.text, /答复待审批/);
  });

  it('the clerk asks for an extension, the head is told and approves it; e-mail follows the choice', async () => {
    const { db } = t();
    const clock = fixedClock('2026-12-01T03:00:00Z');
    const { agency, clerk, head } = await township(db, clock);
    const headId = head.actor.kind === 'user' ? head.actor.userId : 0;
    await db.updateTable('users').set({ email: 'head@example.test' }).where('id', '=', headId).execute();
    await saveEmailChoices(head, ['request.approval']); // extension approvals: in-app only
    const r = await registerRequest(clerk, agency.id, {
      ...PERSON,
      channel: 'in_person',
      submittedOn: '2026-12-01',
    });
    const jobsBefore = await db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'notifications.send_email')
      .execute();
    await requestExtension(clerk, r.id, { days: '10', reason: '需调取往年档案' });
    const asked = await getRequest(db, r.id);
    assert.equal(asked.extensionRequestedDays, 10);
    const n = (await listNotifications(db, headId)).find((x) => x.kind === 'request.extension_approval');
    assert.ok(n, 'the head is told');
    assert.match(n.body, /申请延长10个工作日：需调取往年档案/);
    const jobsAfter = await db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'notifications.send_email')
      .execute();
    assert.equal(jobsAfter.length, jobsBefore.length, 'no e-mail for a kind the head switched off');
    await assert.rejects(
      requestExtension(clerk, r.id, { days: '5', reason: '再次' }),
      /等待政务公开工作机构负责人批准/,
    );
    await assert.rejects(extendDeadline(clerk, r.id, { days: '10', reason: 'x' }), /权限/);
    const done = await extendDeadline(head, r.id, { days: '10', reason: '需调取往年档案' });
    assert.equal(done.request.extensionDays, 10);
    assert.equal(done.request.extensionRequestedAt, null);
  });

  it('due soon means at most N working days left, the same horizon as the ledger', async () => {
    const { db } = t();
    const clock = fixedClock('2026-12-01T03:00:00Z');
    const { agency } = await township(db, clock);
    const cal = await getCalendar(db, agency.id);
    const today = '2026-12-01';
    const horizon = cal.addWorkdays(today, 5);
    for (let k = 1; k <= 12; k++) {
      const due = cal.addWorkdays(today, k);
      const a = alertFor(cal, today, due, 5);
      assert.equal(a?.level === 'due_soon', due <= horizon, `${k} working days left`);
    }
    // 4 and 2 working days left are due soon too (not only 5, 3 and 1).
    assert.equal(alertFor(cal, today, cal.addWorkdays(today, 4), 5)?.level, 'due_soon');
    assert.equal(alertFor(cal, today, cal.addWorkdays(today, 2), 5)?.level, 'due_soon');
  });
});
