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
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../src/web/server.tsx';
import { parseConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { systemClock } from '../src/clock.ts';
import { openDatabase, type Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { seedCalendar } from '../src/calendar/seed-calendar.ts';
import { setDisclosureOffice } from '../src/org/manage-agency.ts';
import { makeAgency, makeOffice, makeUser, systemCtx, TEST_PASSWORD } from '../test/support/factories.ts';
import { browserSkip, launchBrowser, screenshotPath } from './support/browser.ts';

const skip = browserSkip();
let dir: string;
let db: Db;
let server: ReturnType<typeof serve>;
let base: string;
let browser: Browser;
const users: Record<string, string> = {};
const PDF = Buffer.from('%PDF-1.4\n% 申请人身份证明（演示）\n%%EOF\n');
const REPORT = Buffer.from('%PDF-1.4\n% 验收报告（公开的信息）\n%%EOF\n');

before(async () => {
  if (skip) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-citizen-'));
  db = openDatabase({ kind: 'sqlite', file: path.join(dir, 'e2e.db') });
  await migrateToLatest(db);
  await seedCalendar(systemCtx(db));
  const agency = await makeAgency(db, { name: '哈拉直沟乡人民政府' });
  const office = await makeOffice(db, agency.id, '党政综合办公室');
  await setDisclosureOffice(systemCtx(db), agency.id, office);
  users.clerk = (await makeUser(db, agency.id, ['clerk'], { officeId: office })).username;
  users.head = (await makeUser(db, agency.id, ['office_head'], { officeId: office })).username;
  await db
    .insertInto('agency_settings')
    .values({
      agency_id: agency.id,
      key: 'installation.home',
      value_json: 'true',
      updated_at: new Date().toISOString(),
    })
    .execute();
  const config = parseConfig({ GONGKAI_DATA_DIR: dir, GONGKAI_WORKER: '0' });
  const app = createApp({ db, clock: systemClock, config, logger: createLogger('silent') });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  browser = await launchBrowser();
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await new Promise<void>((r) => server.close(() => r()));
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
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

async function office(username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${base}/office/sign-in`);
  await page.fill('#f-username', username);
  await page.fill('#f-password', TEST_PASSWORD);
  await Promise.all([page.waitForURL(`${base}/office`), page.click('button[type=submit].primary')]);
  return page;
}

async function step(
  page: Page,
  action: string,
  fill: (form: ReturnType<Page['locator']>) => Promise<unknown>,
  done: RegExp,
) {
  const panel = page.locator(`#act-${action}`);
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  const form = panel.locator('form');
  await fill(form);
  await Promise.all([page.waitForLoadState('load'), form.locator('button[type=submit]').click()]);
  await page.locator('.flash', { hasText: done }).waitFor();
}

async function track(phone: Page, reference: string, code: string) {
  await phone.goto(`${base}/track`);
  await phone.fill('#f-reference', reference);
  await phone.fill('#f-code', code);
  await Promise.all([
    phone.waitForLoadState('load'),
    phone.click('form[action="/track"] button[type=submit]'),
  ]);
}

const requestCount = async () => (await db.selectFrom('info_requests').select('id').execute()).length;

test('a citizen who makes three mistakes, applies, tracks, corrects and downloads', { skip }, async () => {
  const phone = await (
    await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
  ).newPage();
  await phone.goto(`${base}/apply`);
  await fitsWidth(phone, 360, 'the apply form');

  // 1. Three mistakes: a phone number too short, 邮寄 without an address, no description; a file chosen.
  await phone.fill('#f-applicantName', '马福祥');
  await phone.fill('#f-idNumber', '11010519491231002X');
  await phone.fill('#f-phone', '13800');
  await phone.selectOption('#f-formRequested', 'electronic');
  await phone.selectOption('#f-deliveryRequested', 'post');
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
  await phone.fill('#f-phone', '13800000000');
  await phone.fill('#f-address', '青海省海东市互助土族自治县哈拉直沟乡哈拉直沟村');
  await phone.fill('#f-infoDescription', '本村2025年高标准农田建设项目的验收报告');
  await phone.selectOption('#f-deliveryRequested', 'online');
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
  const clerk = await office(users.clerk!);
  await clerk.goto(`${base}/office/requests`);
  await Promise.all([clerk.waitForLoadState('load'), clerk.click(`a:has-text("${reference}")`)]);
  await step(
    clerk,
    'confirm',
    (f) => f.locator('[name=evidence]').fill('电话与申请人确认'),
    /已确认收到申请/,
  );
  await step(
    clerk,
    'correction',
    (f) => f.locator('[name=items]').fill('请写明项目所在的村民小组'),
    /补正告知书已出具/,
  );

  // 5. The citizen tracks with "(2026)1" and the code, sees what to correct and sends it there.
  await track(phone, `(${year})1`, code.toLowerCase());
  await phone.locator('text=请写明项目所在的村民小组').waitFor();
  await phone.locator('text=补正期限：').waitFor();
  await fitsWidth(phone, 360, 'the tracking page');
  await shot(phone, 'track-correction-phone');
  await phone.fill('#f-correction', '哈拉直沟村第三村民小组');
  await Promise.all([
    phone.waitForLoadState('load'),
    phone.click('form[action="/track/correction"] button[type=submit]'),
  ]);
  await phone.locator('.flash', { hasText: '补正已提交' }).waitFor();

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
  await step(
    clerk,
    'decision',
    async (f) => {
      await f.locator('[name=outcome]').selectOption('disclosed');
      await f.locator('[name=basis]').fill('第三十六条第（二）项');
      await f.locator('[name=reason]').fill('现将验收报告电子文本提供给您，请凭查询码下载。');
    },
    /答复已提交审批/,
  );
  const head = await office(users.head!);
  await head.goto(clerk.url());
  await step(head, 'approve', async () => {}, /答复书已出具/);
  await clerk.reload();
  await step(clerk, 'deliver', (f) => f.locator('[name=method]').selectOption('online'), /已登记送达/);

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
  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await desk.goto(`${base}/apply`);
  await Promise.all([desk.waitForLoadState('load'), desk.click('form[action="/apply"] button[type=submit]')]);
  await desk.locator('#error-summary').waitFor();
  await shot(desk, 'apply-errors-desktop');
  await track(desk, `${year}年1号`, code);
  await desk.locator('text=验收报告.pdf').waitFor();
  await shot(desk, 'track-delivered-desktop');
  assert.equal(await requestCount(), 1);
});
