/**
 * Browser journey of the 待我处理 inbox (issue 10): a clerk submits a draft reply for approval; the office head
 * learns of it by e-mail (an SMTP server started here receives it) and from the inbox on the dashboard — on a
 * 360-px phone and on a desktop — opens it and approves it, after which it has left the inbox.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startSmtpServer } from '../test/support/smtp.ts';
import type { Browser } from 'playwright-core';
import { browserSkip, launchBrowser, signInAs, startTestServer, type RunningApp } from './support/browser.ts';
import { makeAgency, makeOffice, makeUser, systemCtx, ctxAs, userActor } from '../test/support/factories.ts';
import { setDisclosureOffice } from '../src/org/manage-agency.ts';
import { registerRequest } from '../src/requests/register-request.ts';
import { submitDecision } from '../src/requests/submit-decision.ts';
import { getRequest } from '../src/requests/requests.queries.ts';
import { PERSON } from '../test/support/request-factories.ts';
import { drainJobs } from '../src/jobs/worker.ts';
import { notificationsFeature } from '../src/notifications/feature.ts';
import { loggingEmailSender, setSenders, smtpEmailSender } from '../src/notifications/senders.ts';
import { systemClock } from '../src/clock.ts';
import type { JobHandler } from '../src/jobs/queue.ts';

const skip = browserSkip();
const SHOTS = '/work/notes/shots/i10a';
let app: RunningApp;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let headName = '';
let reference = '';
let requestId = 0;

before(async () => {
  if (skip) return;
  smtp = await startSmtpServer();
  const port = smtp.port;
  app = await startTestServer();
  setSenders({
    email: smtpEmailSender(`smtp://127.0.0.1:${port}`, 'gongkai@example.test'),
    publicUrl: app.url,
  });
  const db = app.tdb.db;
  const agency = await makeAgency(db, { name: '哈拉直沟乡人民政府' });
  const office = await makeOffice(db, agency.id, '党政综合办公室');
  await setDisclosureOffice(systemCtx(db), agency.id, office);
  const clerk = await makeUser(db, agency.id, ['clerk'], { officeId: office });
  const head = await makeUser(db, agency.id, ['office_head'], { officeId: office, username: 'head' });
  headName = head.displayName;
  await db.updateTable('users').set({ email: 'head@example.test' }).where('id', '=', head.id).execute();
  const clerkCtx = ctxAs(db, userActor(clerk));
  const r = await registerRequest(clerkCtx, agency.id, {
    ...PERSON,
    channel: 'in_person',
    submittedOn: systemClock.today(),
  });
  await submitDecision(clerkCtx, r.id, {
    outcome: 'not_exist',
    basis: '第三十六条第（四）项',
    reason: '经检索，本机关未制作该信息',
    expectedVersion: (await getRequest(db, r.id)).version,
  });
  reference = r.reference;
  requestId = r.id;
  await drainJobs(
    { db, clock: systemClock },
    new Map<string, JobHandler>(Object.entries(notificationsFeature().jobs!)),
  );
  browser = await launchBrowser();
});

after(async () => {
  if (skip) return;
  setSenders({ email: loggingEmailSender, publicUrl: '' });
  await browser?.close();
  await app?.close();
  await smtp?.close();
});

test(
  'the approver learns of the waiting reply by e-mail and from the inbox, and approves it',
  { skip },
  async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const mail = smtp.received.find((m) => m.to.includes('head@example.test'));
    assert.ok(mail, 'the test SMTP server received the e-mail');
    const body = mail.raw
      .split(/\r?\n\r?\n/)
      .slice(1)
      .join('');
    const text = /Content-Transfer-Encoding: base64/i.test(mail.raw)
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : body;
    assert.match(
      text,
      new RegExp(`${app.url}/office/requests/${requestId}`),
      'the e-mail links to the request',
    );
    assert.match(text, /答复待审批/);

    for (const vp of [
      { name: 'phone', width: 360, height: 780 },
      { name: 'desktop', width: 1280, height: 900 },
    ]) {
      const page = await browser.newPage({ viewport: { width: vp.width, height: vp.height } });
      await signInAs(page, app.url, 'head');
      const inbox = page.locator('section.inbox');
      await inbox.getByRole('heading', { name: /待我处理/ }).waitFor();
      const link = inbox.getByRole('link', {
        name: new RegExp(`答复待审批.*${reference.replace(/[〔〕]/g, '.')}`),
      });
      assert.equal(await link.count(), 1, `${vp.name}: the inbox lists the waiting reply`);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= vp.width, `${vp.name}: the dashboard fits the screen (${scrollWidth}px)`);
      await page.screenshot({ path: `${SHOTS}/inbox-${vp.name}.png`, fullPage: true });
      if (vp.name === 'desktop') {
        await link.click();
        await page.getByRole('heading', { name: /等待谁处理/ }).waitFor();
        assert.ok(await page.getByText(headName).first().isVisible());
        await page.screenshot({ path: `${SHOTS}/request-waiting-${vp.name}.png`, fullPage: false });
        await page.locator('#act-approve button[type=submit]').click();
        await page
          .getByText(/已答复|审批通过/)
          .first()
          .waitFor();
        await page.goto(`${app.url}/office`);
        await inbox.getByRole('heading', { name: /待我处理/ }).waitFor();
        assert.equal(await inbox.getByRole('link', { name: /答复待审批/ }).count(), 0, 'gone from the inbox');
        await page.screenshot({ path: `${SHOTS}/inbox-after-${vp.name}.png`, fullPage: true });
      }
      await page.close();
    }
  },
);
