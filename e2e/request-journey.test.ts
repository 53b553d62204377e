/**
 * Browser journey of a disclosure request: a citizen applies on a phone-sized window, the clerk confirms and
 * asks for 补正, the citizen corrects online, a third party is consulted, the reply is approved and sent, and the
 * citizen downloads the letter with the tracking code. Real server in-process on a fresh SQLite database.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { browserSkip, screenshotPath } from './support/browser.ts';
import {
  APPLICANT,
  approveAndDeliverOnline,
  confirmAndAskCorrection,
  draftReply,
  fillApplyForm,
  officePage,
  openRequest,
  phonePage,
  sendCorrection,
  startTownshipJourney,
  submitStep as step,
  trackRequest,
  type TownshipJourney,
} from './support/journey.ts';

const skip = browserSkip();
let j: TownshipJourney;
let base: string;

before(async () => {
  if (skip) return;
  j = await startTownshipJourney();
  base = j.app.url;
});

after(async () => {
  if (skip) return;
  await j?.close();
});

const office = (username: string) => officePage(j.browser, base, username);

test('a request from the phone to the downloaded reply', { skip }, async () => {
  // 1. The citizen applies on a 360-px phone.
  const phone = await phonePage(j.browser);
  await phone.goto(`${base}/apply`);
  await fillApplyForm(phone, {
    ...APPLICANT,
    infoDescription: '本村2025年高标准农田建设项目的验收报告',
    formRequested: 'electronic',
    deliveryRequested: 'online',
  });
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the form fits the phone (scrollWidth ${width})`);
  await Promise.all([
    phone.waitForLoadState('load'),
    phone.click('form[action="/apply"] button[type=submit]'),
  ]);
  const reference = (await phone.locator('[data-reference]').textContent())!.trim();
  const code = (await phone.locator('[data-tracking-code]').textContent())!.trim();
  assert.match(reference, /〔\d{4}〕第1号$/);
  assert.match(code, /^[A-Z2-9]{8}$/);

  // 2. The clerk confirms the request and asks for 补正.
  const clerk = await office(j.clerk.username);
  await openRequest(clerk, base, reference);
  await confirmAndAskCorrection(clerk, '请写明项目所在的村民小组');

  // 3. The citizen corrects online with the tracking code.
  await trackRequest(phone, base, reference, code.toLowerCase());
  await phone.locator('text=补正中').waitFor();
  await sendCorrection(phone, '哈拉直沟村第三村民小组');

  // 4. A third party is consulted and answers.
  await clerk.reload();
  await step(
    clerk,
    'consult',
    async (f) => {
      await f.locator('[name=party]').fill('青海某建设工程有限公司');
      await f.locator('[name=matter]').fill('验收报告中涉及贵公司的内容是否同意公开');
    },
    /征求意见书已出具/,
  );
  await step(clerk, 'consult-end', (f) => f.locator('[name=answer]').selectOption('agree'), /已登记意见/);

  // 5. The clerk drafts the reply; the head of the disclosure office approves it; it is sent.
  await draftReply(clerk, {
    outcome: 'disclosed',
    basis: '第三十六条第（二）项',
    reason: '第三方同意公开，现将验收报告电子文本提供给您，请凭查询码下载。',
  });
  await approveAndDeliverOnline(clerk, await office(j.head.username));

  // 6. The citizen downloads the reply with the tracking code.
  await trackRequest(phone, base, reference, code);
  await phone.locator('text=已送达').waitFor();
  const reply = phone.locator('li', { hasText: '政府信息公开告知书' });
  const [download] = await Promise.all([
    phone.waitForEvent('download'),
    reply.locator('button', { hasText: '下载PDF' }).click(),
  ]);
  const file = await download.path();
  const bytes = fs.readFileSync(file!);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  assert.match(download.suggestedFilename(), /\.pdf$/);
  const text = await phone.locator('main').textContent();
  assert.doesNotMatch(text!, /11010519491231002X|马福祥/, 'tracking shows no identity');
  await phone.screenshot({ path: screenshotPath('request-journey'), fullPage: true });
});
