/**
 * Browser journey of the citizen side (issue 10, item 4): on a 360-px phone a citizen makes three mistakes on the
 * apply form (the page opens at the focused error summary, the chosen file is kept), then applies; refreshing the
 * receipt files nothing more; they track with "(2026)1" and the code, send the 补正 on the tracking page, and after
 * the reply download the disclosed file (网上获取). The office side runs on a desktop window. Screenshots of every
 * page the citizen sees, phone and desktop, go to e2e/output/ (and GONGKAI_SHOTS_DIR when set).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Db } from '../src/db/database.ts';
import { browserSkip, screenshotPath } from './support/browser.ts';
import {
  APPLICANT,
  approveAndDeliverOnline,
  confirmAndAskCorrection,
  draftReply,
  DESKTOP,
  fillApplyForm,
  officePage,
  openRequest,
  phonePage,
  sendCorrection,
  startTownshipJourney,
  trackRequest,
  type TownshipJourney,
} from './support/journey.ts';

const skip = browserSkip();
let j: TownshipJourney;
let db: Db;
let base: string;
const PDF = Buffer.from('%PDF-1.4\n% 申请人身份证明（演示）\n%%EOF\n');
const REPORT = Buffer.from('%PDF-1.4\n% 验收报告（公开的信息）\n%%EOF\n');

before(async () => {
  if (skip) return;
  j = await startTownshipJourney();
  db = j.app.tdb.db;
  base = j.app.url;
});

after(async () => {
  if (skip) return;
  await j?.close();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: screenshotPath(`citizen-${name}`), fullPage: true });
  const extra = process.env.GONGKAI_SHOTS_DIR;
  if (extra) {
    fs.mkdirSync(extra, { recursive: true });
    fs.copyFileSync(screenshotPath(`citizen-${name}`), path.join(extra, `citizen-${name}.png`));
  }
}

async function fitsWidth(page: Page, width: number, what: string) {
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(w <= width, `${what} fits ${width} px (scrollWidth ${w})`);
}

/** Every visible button and link in main is at least 44 px tall (the portal's tap targets). */
async function tapTargets(page: Page, what: string) {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('main button, main .button, main a.button')]
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height < 44)
      .map((r) => Math.round(r.height)),
  );
  assert.deepEqual(small, [], `${what}: buttons under 44 px`);
}

const office = (username: string) => officePage(j.browser, base, username);
const track = (page: Page, reference: string, code: string) => trackRequest(page, base, reference, code);

const requestCount = async () => (await db.selectFrom('info_requests').select('id').execute()).length;

test('a citizen who makes three mistakes, applies, tracks, corrects and downloads', { skip }, async () => {
  const phone = await phonePage(j.browser);
  await phone.goto(`${base}/apply`);
  await fitsWidth(phone, 360, 'the apply form');

  // 1. Three mistakes: a phone number too short, 邮寄 without an address, no description; a file chosen.
  await fillApplyForm(phone, {
    applicantName: APPLICANT.applicantName,
    idNumber: APPLICANT.idNumber,
    phone: '13800',
    formRequested: 'electronic',
    deliveryRequested: 'post',
  });
  await phone.setInputFiles('#f-files', { name: '身份证明.pdf', mimeType: 'application/pdf', buffer: PDF });
  await Promise.all([
    phone.waitForLoadState('load'),
    phone.click('form[action="/apply"] button[type=submit]'),
  ]);
  const summary = phone.locator('#error-summary');
  await summary.waitFor();
  assert.equal(
    await phone.evaluate(() => document.activeElement?.id),
    'error-summary',
    'the summary has focus',
  );
  assert.match((await summary.textContent())!, /请修改以下3处/);
  assert.equal(await summary.locator('a').count(), 3);
  await phone.locator('text=身份证明.pdf').waitFor();
  assert.equal(await phone.inputValue('#f-applicantName'), '马福祥', 'what was typed is kept');
  await fitsWidth(phone, 360, 'the form with its errors');
  await shot(phone, 'apply-errors-phone');
  // Each entry leads to its field.
  await summary.locator('a[href="#f-phone"]').click();
  assert.equal(await phone.evaluate(() => location.hash), '#f-phone');

  // 2. Fixed (the file is not chosen again); 网上获取 so the reply can be downloaded.
  await fillApplyForm(phone, {
    phone: APPLICANT.phone,
    address: '青海省海东市互助土族自治县哈拉直沟乡哈拉直沟村',
    infoDescription: '本村2025年高标准农田建设项目的验收报告',
    deliveryRequested: 'online',
  });
  await Promise.all([
    phone.waitForURL(/\/apply\/receipt\/[0-9a-f]{32}$/),
    phone.click('form[action="/apply"] button[type=submit]'),
  ]);
  const reference = (await phone.locator('[data-reference]').textContent())!.trim();
  const code = (await phone.locator('[data-tracking-code]').textContent())!.trim();
  assert.match(reference, /〔\d{4}〕第1号$/);
  const year = /〔(\d{4})〕/.exec(reference)![1]!;
  await shot(phone, 'receipt-phone');
  const atts = await db.selectFrom('request_attachments').select(['file_name']).execute();
  assert.deepEqual(
    atts.map((a) => a.file_name),
    ['身份证明.pdf'],
    'the held file went with the request',
  );

  // 3. Refreshing the receipt files nothing.
  await phone.reload();
  assert.equal((await phone.locator('[data-reference]').textContent())!.trim(), reference);
  assert.equal(await requestCount(), 1, 'still one request after a refresh');

  // 4. The clerk confirms and asks for 补正.
  const clerk = await office(j.clerk.username);
  await openRequest(clerk, base, reference);
  await confirmAndAskCorrection(clerk, '请写明项目所在的村民小组');

  // 5. The citizen tracks with "(2026)1" and the code, sees what to correct and sends it there.
  await track(phone, `(${year})1`, code.toLowerCase());
  await phone.locator('text=请写明项目所在的村民小组').waitFor();
  await phone.locator('text=补正期限：').waitFor();
  await fitsWidth(phone, 360, 'the tracking page');
  await shot(phone, 'track-correction-phone');
  await sendCorrection(phone, '哈拉直沟村第三村民小组');

  // 6. The clerk attaches the report as provided information, drafts the reply; the head approves; it is sent.
  await clerk.reload();
  const panel = clerk.locator('#act-attachments');
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  await panel.locator('input[type=file]').setInputFiles({
    name: '验收报告.pdf',
    mimeType: 'application/pdf',
    buffer: REPORT,
  });
  await panel.locator('input[name=disclosed]').check();
  await Promise.all([clerk.waitForLoadState('load'), panel.locator('button[type=submit]').click()]);
  await clerk.locator('.flash', { hasText: '附件已上传' }).waitFor();
  await draftReply(clerk, {
    outcome: 'disclosed',
    basis: '第三十六条第（二）项',
    reason: '现将验收报告电子文本提供给您，请凭查询码下载。',
  });
  await approveAndDeliverOnline(clerk, await office(j.head.username));

  // 7. The citizen downloads the disclosed file and sees the reply's dates.
  await track(phone, `${year}-1`, code);
  await phone.locator('text=已送达').waitFor();
  await phone.locator('dt', { hasText: '答复日期' }).waitFor();
  await tapTargets(phone, 'the tracking page');
  await fitsWidth(phone, 360, 'the tracking page after the reply');
  await shot(phone, 'track-delivered-phone');
  const file = phone.locator('li', { hasText: '验收报告.pdf' });
  const [download] = await Promise.all([
    phone.waitForEvent('download'),
    file.locator('button', { hasText: '下载' }).click(),
  ]);
  assert.deepEqual(fs.readFileSync((await download.path())!), REPORT);
  assert.equal(download.suggestedFilename(), '验收报告.pdf');
  assert.doesNotMatch((await phone.locator('main').textContent())!, /11010519491231002X|马福祥/);

  // The same pages on a desktop window.
  const desk = await (await j.browser.newContext({ viewport: DESKTOP })).newPage();
  await desk.goto(`${base}/apply`);
  await Promise.all([desk.waitForLoadState('load'), desk.click('form[action="/apply"] button[type=submit]')]);
  await desk.locator('#error-summary').waitFor();
  await shot(desk, 'apply-errors-desktop');
  await track(desk, `${year}年1号`, code);
  await desk.locator('text=验收报告.pdf').waitFor();
  await shot(desk, 'track-delivered-desktop');
  assert.equal(await requestCount(), 1);
});
