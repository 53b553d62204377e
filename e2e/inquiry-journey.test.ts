/**
 * Browser journeys of 互动交流 (issue 16, "Done when"), a phone-sized window for the villager:
 *  1. a villager asks a question, the clerk routes it, the office answers on time, the villager rates it 不满意
 *     and reopens, the second answer is rated 满意 and the Q&A appears on the portal;
 *  2. a message asking for a document is converted into a disclosure request and shows up in the request ledger
 *     with the right clock (received on the conversion day, due 20 working days later).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import {
  browserSkip,
  launchBrowser,
  screenshotPath,
  startTestServer,
  type RunningApp,
} from './support/browser.ts';
import { makeAgency, makeOffice, makeUser, systemCtx } from '../test/support/factories.ts';
import { APPLICANT, fillApplyForm, markHome, officePage, phonePage as phone } from './support/journey.ts';
import { setDisclosureOffice } from '../src/org/manage-agency.ts';
import { saveRoutingRules } from '../src/inquiries/manage-settings.ts';
import { getCalendar } from '../src/calendar/get-calendar.ts';
import { systemClock } from '../src/clock.ts';

const skip = browserSkip();
let app: RunningApp;
let browser: Browser;
const users: Record<string, string> = {};
let agencyId = 0;

before(async () => {
  if (skip) return;
  app = await startTestServer();
  const db = app.tdb.db;
  const agency = await makeAgency(db, { name: '哈拉直沟乡人民政府' });
  agencyId = agency.id;
  const disclosure = await makeOffice(db, agency.id, '党政综合办公室');
  const farm = await makeOffice(db, agency.id, '农业农村综合服务中心');
  await setDisclosureOffice(systemCtx(db), agency.id, disclosure);
  users.clerk = (await makeUser(db, agency.id, ['clerk'], { officeId: disclosure })).username;
  users.drafter = (await makeUser(db, agency.id, ['drafter'], { officeId: farm })).username;
  users.head = (await makeUser(db, agency.id, ['office_head'], { officeId: farm })).username;
  await saveRoutingRules(systemCtx(db), agency.id, {
    rules: [{ topic: '农业农村', villageId: null, officeId: farm }],
  });
  await markHome(db, agency.id);
  browser = await launchBrowser();
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await app?.close();
});

const phonePage = () => phone(browser);
const staff = (username: string) => officePage(browser, app.url, username);

/** Submit the form whose action ends with `/step` on a message page; wait for the confirmation. */
async function step(
  page: Page,
  action: string,
  fill: (form: ReturnType<Page['locator']>) => Promise<unknown>,
  done: RegExp,
) {
  const form = page.locator(`form[action$="/${action}"]`).first();
  await fill(form);
  await Promise.all([page.waitForLoadState('load'), form.locator('button[type=submit]').first().click()]);
  await page.locator('.flash', { hasText: done }).waitFor();
}

async function ask(phone: Page, body: string): Promise<{ reference: string; code: string }> {
  await phone.goto(`${app.url}/inquiries/ask`);
  await phone.check('input[name=kind][value=question]');
  await phone.selectOption('#f-topic', '农业农村');
  await phone.fill('#f-body', body);
  await phone.fill('#f-contactName', '马先生');
  await phone.fill('#f-contactPhone', '13897001234');
  await phone.check('input[name=allowPublish]');
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the form fits the phone (scrollWidth ${width})`);
  await phone.screenshot({ path: screenshotPath('inquiry-1-ask-phone'), fullPage: true });
  await Promise.all([
    phone.waitForLoadState('load'),
    phone.click('form[action="/inquiries/ask"] button[type=submit]'),
  ]);
  const reference = (await phone.locator('[data-reference]').textContent())!.trim();
  const code = (await phone.locator('[data-tracking-code]').textContent())!.trim();
  return { reference, code };
}

async function track(phone: Page, m: { reference: string; code: string }) {
  await phone.goto(`${app.url}/inquiries/track`);
  await phone.fill('#f-reference', m.reference);
  await phone.fill('#f-code', m.code);
  await Promise.all([
    phone.waitForLoadState('load'),
    phone.click('form[action="/inquiries/track"] button[type=submit]'),
  ]);
}

async function openMessage(page: Page, reference: string) {
  await page.goto(`${app.url}/office/inquiries`);
  await Promise.all([page.waitForLoadState('load'), page.click(`a:has-text("${reference}")`)]);
}

test(
  'a villager asks on a phone; routed, answered on time, 不满意 and reopened, then 满意 and published',
  { skip },
  async () => {
    const phone = await phonePage();
    const m = await ask(phone, '请问今年春耕种粮补贴什么时候发放？发放到哪张卡上？');
    assert.match(m.code, /^[A-Z2-9]{8}$/);
    await phone.screenshot({ path: screenshotPath('inquiry-2-receipt-phone'), fullPage: true });

    // The clerk routes it (the routing rule suggests the farm office).
    const clerk = await staff(users.clerk!);
    await openMessage(clerk, m.reference);
    assert.equal(
      await clerk.locator('form[action$="/route"] select[name=officeId]').inputValue(),
      await clerk
        .locator('form[action$="/route"] option:has-text("农业农村综合服务中心")')
        .getAttribute('value'),
    );
    await step(clerk, 'route', async () => {}, /已分办/);

    // The office drafts, its head approves — on the same day, well within 5 working days.
    const drafter = await staff(users.drafter!);
    await openMessage(drafter, m.reference);
    await step(
      drafter,
      'reply',
      (f) => f.locator('textarea[name=reply]').fill('春耕补贴预计4月发放。'),
      /提交审核/,
    );
    const head = await staff(users.head!);
    await openMessage(head, m.reference);
    await step(head, 'approve', async () => {}, /审核通过/);

    // The villager reads the answer, rates it 不满意 with a reason, and reopens.
    await track(phone, m);
    await phone.locator('[data-reply]', { hasText: '4月发放' }).waitFor();
    await phone.check('input[name=rating][value=dissatisfied]');
    await Promise.all([
      phone.waitForLoadState('load'),
      phone.click('form[action="/inquiries/track/rate"] button[type=submit]'),
    ]);
    await phone.locator('.error-summary, .form-error', { hasText: '请说明原因' }).waitFor();
    await phone.check('input[name=rating][value=dissatisfied]');
    await phone.fill('#f-reason', '没有说发到哪张卡');
    await Promise.all([
      phone.waitForLoadState('load'),
      phone.click('form[action="/inquiries/track/rate"] button[type=submit]'),
    ]);
    await phone.screenshot({ path: screenshotPath('inquiry-2b-rated-phone'), fullPage: true });
    await phone.fill('#f-reopenReason', '请说明发放到哪张卡和具体日期');
    await Promise.all([
      phone.waitForLoadState('load'),
      phone.click('form[action="/inquiries/track/reopen"] button[type=submit]'),
    ]);
    await phone.locator('[data-status]', { hasText: '办理中' }).waitFor();
    await phone.screenshot({ path: screenshotPath('inquiry-3-reopened-phone'), fullPage: true });

    // Second answer, approved; rated 满意.
    await openMessage(drafter, m.reference);
    await step(
      drafter,
      'reply',
      (f) => f.locator('textarea[name=reply]').fill('补贴于4月10日前发放到惠民惠农一卡通账户。'),
      /提交审核/,
    );
    await openMessage(head, m.reference);
    await step(head, 'approve', async () => {}, /审核通过/);
    await track(phone, m);
    await phone.locator('[data-reply]', { hasText: '一卡通' }).waitFor();
    await phone.check('input[name=rating][value=satisfied]');
    await Promise.all([
      phone.waitForLoadState('load'),
      phone.click('form[action="/inquiries/track/rate"] button[type=submit]'),
    ]);
    await phone.locator('text=您的评价：').waitFor();
    const history = await phone.locator('ol.history').textContent();
    for (const w of ['收到留言', '分办至承办单位', '已答复', '评价', '重新办理'])
      assert.ok(history!.includes(w), w);

    // The clerk publishes (masked, no contact) and the Q&A is on the portal.
    await openMessage(clerk, m.reference);
    await step(
      clerk,
      'publish',
      (f) => f.locator('input[name=title]').fill('春耕补贴发放时间和方式'),
      /已公开发布/,
    );
    await phone.goto(`${app.url}/inquiries`);
    await Promise.all([phone.waitForLoadState('load'), phone.click('a:has-text("春耕补贴发放时间和方式")')]);
    const pub = (await phone.locator('main').textContent())!;
    assert.match(pub, /农业农村综合服务中心/);
    assert.match(pub, /一卡通/);
    assert.doesNotMatch(pub, /马先生|13897001234/);
    await phone.screenshot({ path: screenshotPath('inquiry-4-published-phone'), fullPage: true });
    await phone.goto(`${app.url}/search?q=${encodeURIComponent('春耕补贴')}`);
    await phone.locator('a:has-text("春耕补贴发放时间和方式")').waitFor();
  },
);

test(
  'a message asking for a document becomes a disclosure request with the right clock',
  { skip },
  async () => {
    const phone = await phonePage();
    const m = await ask(phone, '我想要一份2025年费家村道路硬化项目的验收报告，怎么才能拿到？');
    const clerk = await staff(users.clerk!);
    await openMessage(clerk, m.reference);
    await Promise.all([clerk.waitForLoadState('load'), clerk.click('a:has-text("转为依申请公开")')]);
    assert.equal(await clerk.inputValue('#f-applicantName'), '马先生');
    await fillApplyForm(clerk, {
      applicantName: APPLICANT.applicantName,
      idNumber: APPLICANT.idNumber,
      infoDescription: '2025年费家村道路硬化项目的验收报告',
    });
    await Promise.all([
      clerk.waitForLoadState('load'),
      clerk.click('form[action$="/convert"] button[type=submit]'),
    ]);
    await clerk.locator('.flash', { hasText: '已转为政府信息公开申请' }).waitFor();
    await clerk.screenshot({ path: screenshotPath('inquiry-5-converted-request'), fullPage: true });

    const today = systemClock.today();
    const due = (await getCalendar(app.tdb.db, agencyId)).addWorkdays(today, 20);
    await clerk.goto(`${app.url}/office/requests`);
    const row = clerk.locator('table.data tbody tr', { hasText: '道路硬化项目的验收报告' });
    await row.waitFor();
    const text = (await row.textContent())!;
    assert.ok(text.includes(today), `received today (${today}): ${text}`);
    assert.ok(
      text.includes(due) || text.includes(`${Number(due.slice(5, 7))}月${Number(due.slice(8))}日`),
      `due ${due}: ${text}`,
    );
    await clerk.screenshot({ path: screenshotPath('inquiry-6-request-ledger'), fullPage: true });

    // The message links to the request, and the villager is told.
    await openMessage(clerk, m.reference);
    await clerk.locator('a[href^="/office/requests/"]').first().waitFor();
    await track(phone, m);
    await phone.locator('[data-status]', { hasText: '已转为政府信息公开申请' }).waitFor();
    assert.match((await phone.locator('main').textContent())!, /登记编号/);
  },
);
