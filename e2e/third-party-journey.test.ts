/**
 * Browser journey of 条例第三十二条: a third party objects; the office decides to disclose anyway, is stopped until it
 * sends the 决定公开告知书, then approves; the reply tells the applicant when the information comes, the letter is in
 * the request's letters, and providing the information before the waiting period ends is refused with the reason.
 * Real server in-process on a fresh SQLite database.
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
import {
  ctxAs,
  makeAgency,
  makeOffice,
  makeUser,
  systemCtx,
  TEST_PASSWORD,
  userActor,
} from '../test/support/factories.ts';
import { registerRequest } from '../src/requests/register-request.ts';

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
let requestId: number;

before(async () => {
  if (!haveBrowser) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-'));
  db = openDatabase({ kind: 'sqlite', file: path.join(dir, 'e2e.db') });
  await migrateToLatest(db);
  await seedCalendar(systemCtx(db));
  const agency = await makeAgency(db, { name: '哈拉直沟乡人民政府' });
  const office = await makeOffice(db, agency.id, '党政综合办公室');
  await setDisclosureOffice(systemCtx(db), agency.id, office);
  const clerkUser = await makeUser(db, agency.id, ['clerk'], { officeId: office });
  users.clerk = clerkUser.username;
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
  const today = systemClock.today();
  requestId = (
    await registerRequest(ctxAs(db, userActor(clerkUser)), agency.id, {
      applicantKind: 'natural_person',
      applicantName: '马福祥',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      phone: '13800000000',
      infoDescription: '本村道路硬化工程的竣工验收报告',
      formRequested: 'paper',
      deliveryRequested: 'post',
      channel: 'in_person',
      submittedOn: today,
    })
  ).id;
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

/** The request page shows a refusal (not a flash) with this text, and the form keeps what was typed. */
async function refused(
  page: Page,
  action: string,
  fill: (form: ReturnType<Page['locator']>) => Promise<unknown>,
  message: RegExp,
) {
  const panel = page.locator(`#act-${action}`);
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  const form = panel.locator('form');
  await fill(form);
  await Promise.all([page.waitForLoadState('load'), form.locator('button[type=submit]').click()]);
  await page.locator('.error-summary, .form-error', { hasText: message }).first().waitFor();
}

test(
  'the third party objects; disclosed with the 决定公开告知书 and the waiting period',
  { skip: haveBrowser ? false : 'no /usr/bin/chromium' },
  async () => {
    const clerk = await office(users.clerk!);
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
    await step(
      clerk,
      'decision',
      async (f) => {
        await f.locator('[name=outcome]').selectOption('disclosed');
        await f.locator('[name=basis]').fill('第三十六条第（二）项、第十五条、第三十二条');
        await f.locator('[name=reason]').fill('提供竣工验收报告复印件一份');
      },
      /答复已提交审批/,
    );

    // The head cannot approve a disclosure over the objection before the third party is told.
    const head = await office(users.head!);
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
    fs.mkdirSync(OUT, { recursive: true });
    await clerk.screenshot({ path: path.join(OUT, 'third-party-journey.png'), fullPage: true });
  },
);
