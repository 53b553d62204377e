/**
 * Browser journey of 条例第三十二条: a third party objects; the office decides to disclose anyway, is stopped until it
 * sends the 决定公开告知书, then approves; the reply tells the applicant when the information comes, the letter is in
 * the request's letters, and providing the information before the waiting period ends is refused with the reason.
 * Real server in-process on a fresh SQLite database.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { Db } from '../src/db/database.ts';
import { systemClock } from '../src/clock.ts';
import { ctxAs, userActor } from '../test/support/factories.ts';
import { registerRequest } from '../src/requests/register-request.ts';
import { browserSkip, screenshotPath } from './support/browser.ts';
import {
  APPLICANT,
  draftReply,
  officePage,
  openStepForm,
  startTownshipJourney,
  submitStep as step,
  type TownshipJourney,
} from './support/journey.ts';

const skip = browserSkip();
let j: TownshipJourney;
let db: Db;
let base: string;
let requestId: number;

before(async () => {
  if (skip) return;
  j = await startTownshipJourney();
  db = j.app.tdb.db;
  base = j.app.url;
  const today = systemClock.today();
  requestId = (
    await registerRequest(ctxAs(db, userActor(j.clerk)), j.agency.id, {
      ...APPLICANT,
      infoDescription: '本村道路硬化工程的竣工验收报告',
      formRequested: 'paper',
      deliveryRequested: 'post',
      channel: 'in_person',
      submittedOn: today,
    })
  ).id;
});

after(async () => {
  if (skip) return;
  await j?.close();
});

const office = (username: string) => officePage(j.browser, base, username);

/** The request page shows a refusal (not a flash) with this text, and the form keeps what was typed. */
async function refused(
  page: Page,
  action: string,
  fill: (form: Locator) => Promise<unknown>,
  message: RegExp,
) {
  const form = await openStepForm(page, action);
  await fill(form);
  await Promise.all([page.waitForLoadState('load'), form.locator('button[type=submit]').click()]);
  await page.locator('.error-summary, .form-error', { hasText: message }).first().waitFor();
}

test(
  'the third party objects; disclosed with the 决定公开告知书 and the waiting period',
  { skip },
  async () => {
    const clerk = await office(j.clerk.username);
    await clerk.goto(`${base}/office/requests/${requestId}`);
    await step(
      clerk,
      'consult',
      async (f) => {
        await f.locator('[name=party]').fill('青海某路桥工程有限公司');
        await f.locator('[name=matter]').fill('验收报告中的质量检测结论是否同意公开');
      },
      /征求意见书已出具/,
    );
    await step(
      clerk,
      'consult-end',
      async (f) => {
        await f.locator('[name=answer]').selectOption('object');
        await f.locator('[name=note]').fill('检测数据属于商业秘密');
      },
      /已登记意见/,
    );
    await draftReply(clerk, {
      outcome: 'disclosed',
      basis: '第三十六条第（二）项、第十五条、第三十二条',
      reason: '提供竣工验收报告复印件一份',
    });

    // The head cannot approve a disclosure over the objection before the third party is told.
    const head = await office(j.head.username);
    await head.goto(clerk.url());
    await refused(
      head,
      'approve',
      async () => {},
      /须先将决定公开的内容和理由书面告知第三方（条例第三十二条）/,
    );

    await clerk.reload();
    await step(
      clerk,
      'disclosure-notice',
      async (f) => {
        await f.locator('[name=content]').fill('竣工验收报告，含质量检测结论');
        await f.locator('[name=reason]').fill('工程使用财政资金，检测结论关系村民出行安全');
        await f.locator('[name=deliveredOn]').fill(systemClock.today());
      },
      /决定公开告知书已出具/,
    );
    await head.reload();
    await step(head, 'approve', async () => {}, /答复书已出具/);

    await clerk.reload();
    const main = (await clerk.locator('main').textContent())!;
    const notBefore = /第三方等待期：(\d{4}-\d{2}-\d{2})起方可提供信息/.exec(main);
    assert.ok(notBefore, 'the page shows the waiting period');
    assert.ok(notBefore[1]! > systemClock.today());
    await clerk.locator('td', { hasText: '政府信息决定公开告知书（致青海某路桥工程有限公司）' }).waitFor();

    // Providing the information now is refused with the reason; what was typed is kept.
    await refused(
      clerk,
      'deliver',
      (f) => f.locator('[name=proof]').fill('挂号信 XA123'),
      /等待期尚未届满.*条例第三十二条/,
    );
    assert.equal(await clerk.locator('#act-deliver [name=proof]').inputValue(), '挂号信 XA123');

    // The notice to the third party, as PDF: never names the applicant.
    const notice = await db
      .selectFrom('request_letters')
      .selectAll()
      .where('request_id', '=', requestId)
      .where('kind', '=', 'disclosure_decision_third_party')
      .executeTakeFirstOrThrow();
    const res = await clerk.request.get(`${base}/office/requests/${requestId}/letters/${notice.id}.pdf`);
    assert.equal(res.status(), 200);
    assert.equal((await res.body()).subarray(0, 5).toString(), '%PDF-');
    assert.doesNotMatch(notice.body_json, /马福祥/);
    await clerk.screenshot({ path: screenshotPath('third-party-journey'), fullPage: true });
  },
);
