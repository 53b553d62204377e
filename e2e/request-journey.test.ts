/**
 * Browser journey of a disclosure request: a citizen applies on a phone-sized window, the clerk confirms and
 * asks for 补正, the citizen corrects online, a third party is consulted, the reply is approved and sent, and the
 * citizen downloads the letter with the tracking code. Real server in-process on a fresh SQLite database.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../src/web/server.tsx';
import { parseConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { systemClock } from '../src/clock.ts';
import { openDatabase, type Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { seedCalendar } from '../src/calendar/seed-calendar.ts';
import { setDisclosureOffice } from '../src/org/manage-agency.ts';
import { makeAgency, makeOffice, makeUser, systemCtx, TEST_PASSWORD } from '../test/support/factories.ts';

const CHROMIUM = '/usr/bin/chromium';
const haveBrowser = fs.existsSync(CHROMIUM);
if (!haveBrowser && process.env.GONGKAI_REQUIRE_BROWSER === '1')
  throw new Error(`GONGKAI_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing`);

const OUT = path.join(import.meta.dirname, 'output');
let dir: string;
let db: Db;
let server: ReturnType<typeof serve>;
let base: string;
let browser: Browser;
const users: Record<string, string> = {};

before(async () => {
  if (!haveBrowser) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-'));
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
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  if (!haveBrowser) return;
  await browser?.close();
  await new Promise<void>((r) => server.close(() => r()));
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function office(username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${base}/office/sign-in`);
  await page.fill('#f-username', username);
  await page.fill('#f-password', TEST_PASSWORD);
  await Promise.all([page.waitForURL(`${base}/office`), page.click('button[type=submit].primary')]);
  return page;
}

/** Open a step's panel on the request page, fill it and submit; wait for the confirmation message. */
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

test(
  'a request from the phone to the downloaded reply',
  { skip: haveBrowser ? false : 'no /usr/bin/chromium' },
  async () => {
    // 1. The citizen applies on a 360-px phone.
    const phone = await (
      await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
    ).newPage();
    await phone.goto(`${base}/apply`);
    await phone.selectOption('#f-applicantKind', 'natural_person');
    await phone.fill('#f-applicantName', '马福祥');
    await phone.selectOption('#f-idType', 'resident_id');
    await phone.fill('#f-idNumber', '11010519491231002X');
    await phone.fill('#f-phone', '13800000000');
    await phone.fill('#f-infoDescription', '本村2025年高标准农田建设项目的验收报告');
    await phone.selectOption('#f-formRequested', 'electronic');
    await phone.selectOption('#f-deliveryRequested', 'online');
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

    // 3. The citizen corrects online with the tracking code.
    await phone.goto(`${base}/track`);
    await phone.fill('#f-reference', reference);
    await phone.fill('#f-code', code.toLowerCase());
    await Promise.all([
      phone.waitForLoadState('load'),
      phone.click('form[action="/track"] button[type=submit]'),
    ]);
    await phone.locator('text=补正中').waitFor();
    await phone.fill('#f-correction', '哈拉直沟村第三村民小组');
    await Promise.all([
      phone.waitForLoadState('load'),
      phone.click('form[action="/track/correction"] button[type=submit]'),
    ]);
    await phone.locator('.flash', { hasText: '补正已提交' }).waitFor();

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
    await step(
      clerk,
      'decision',
      async (f) => {
        await f.locator('[name=outcome]').selectOption('disclosed');
        await f.locator('[name=basis]').fill('第三十六条第（二）项');
        await f
          .locator('[name=reason]')
          .fill('第三方同意公开，现将验收报告电子文本提供给您，请凭查询码下载。');
      },
      /答复已提交审批/,
    );
    const head = await office(users.head!);
    await head.goto(clerk.url());
    await step(head, 'approve', async () => {}, /答复书已出具/);
    await clerk.reload();
    await step(clerk, 'deliver', (f) => f.locator('[name=method]').selectOption('online'), /已登记送达/);

    // 6. The citizen downloads the reply with the tracking code.
    await phone.goto(`${base}/track`);
    await phone.fill('#f-reference', reference);
    await phone.fill('#f-code', code);
    await Promise.all([
      phone.waitForLoadState('load'),
      phone.click('form[action="/track"] button[type=submit]'),
    ]);
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
    fs.mkdirSync(OUT, { recursive: true });
    await phone.screenshot({ path: path.join(OUT, 'request-journey.png'), fullPage: true });
  },
);
