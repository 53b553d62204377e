/**
 * Screenshots of the pages issues #10, #14 and #17 changed, on a 360×740 phone (device scale 2, WeChat's in-app browser agent) and
 * a 1280×800 desktop, for a maintainer to look at after a change to the views or the CSS:
 *
 *   node --import tsx scripts/screenshots.ts [output dir]      (default: screenshots/, git-ignored)
 *
 * Long pages are also cut into screen-sized tiles under <output dir>/tiles (TILES=0: not).
 *
 * It serves the app on PORT (default 4103, loopback) over a fresh SQLite database in a temporary directory, loads the
 * demo township, and walks the pages with Debian's /usr/bin/chromium (playwright-core): the citizen side (the apply
 * form with its errors, the receipt, tracking with a 补正 and after delivery, search, the guide and rules pages, 适老化
 * mode, the village list and a village page, the county 信息公开 home), and the office as each demo role (dashboard
 * and 待我处理 inbox, a request page, a publication at review, an error summary, a stale form, the 工作日历, the WeChat
 * article, 提醒设置, the township's village heatmap, a liaison's village page, the county inspector's dashboard). A
 * second run of the server on a clock in the next January shows the annual report's 定稿 confirmation (定稿 needs the
 * year to be over).
 * Each PNG is named <page>-<phone|desktop>.png; the script prints each page whose document is wider than its viewport.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../src/web/server.tsx';
import { portalListener } from '../src/web/fast-public.ts';
import { parseConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { fixedClock, systemClock, type Clock } from '../src/clock.ts';
import { openDatabase, type Db } from '../src/db/database.ts';
import { prepareDatabase } from '../src/setup.ts';
import { loadDemo, type DemoAccount } from '../src/demo/load-demo.ts';
import { systemActor } from '../src/context.ts';

process.env.TZ = 'Asia/Shanghai';
const CHROMIUM = '/usr/bin/chromium';
const PORT = Number(process.env.PORT ?? 4103);
const OUT = path.resolve(process.argv[2] ?? 'screenshots');
const TILES = process.env.TILES !== '0';
const BASE = `http://127.0.0.1:${PORT}`;
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F35) ' +
  'WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
const VIEWPORTS = {
  phone: {
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent: WECHAT_UA,
  },
  desktop: { viewport: { width: 1280, height: 800 } },
} as const;
type Shape = keyof typeof VIEWPORTS;
const PDF = Buffer.from('%PDF-1.4\n% 演示文件\n%%EOF\n');

interface Served {
  db: Db;
  accounts: DemoAccount[];
  close(): Promise<void>;
}

/** The app as `npm start` serves it with the demo, on PORT; every demo user past the forced password change. */
async function serveDemo(clock: Clock): Promise<Served> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-screens-'));
  const config = parseConfig({
    PORT: String(PORT),
    GONGKAI_DATA_DIR: dir,
    GONGKAI_WORKER: '0',
    LOG_LEVEL: 'silent',
  });
  const db = openDatabase(config.database);
  await prepareDatabase(db, clock);
  const accounts = await loadDemo({ db, clock, actor: systemActor('演示数据'), meta: { ip: null } });
  await db.updateTable('users').set({ must_change_password: 0 }).execute();
  const deps = { db, clock, config, logger: createLogger('silent') };
  const server = http.createServer(portalListener(createApp(deps), deps)).listen(PORT, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  return {
    db,
    accounts,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

class Camera {
  readonly wide: string[] = [];
  private contexts = new Map<string, BrowserContext>();
  constructor(
    private browser: Browser,
    private accounts: DemoAccount[],
  ) {}

  /**
   * A page of `shape`, signed in as `username` (null: a visitor; a name starting with ~: another visitor, e.g. one
   * in 适老化 mode, whose cookie must not reach the other pages); one browser context per pair.
   */
  async page(shape: Shape, username: string | null): Promise<Page> {
    const key = `${shape}:${username ?? ''}`;
    let ctx = this.contexts.get(key);
    if (!ctx) {
      ctx = await this.browser.newContext({ ...VIEWPORTS[shape], locale: 'zh-CN' });
      this.contexts.set(key, ctx);
      if (username && !username.startsWith('~')) {
        const account = this.accounts.find((a) => a.username === username);
        if (!account) throw new Error(`no demo account ${username}`);
        const p = await ctx.newPage();
        await p.goto(`${BASE}/office/sign-in`);
        await p.fill('#f-username', username);
        await p.fill('#f-password', account.password);
        await Promise.all([p.waitForURL(`${BASE}/office`), p.click('button[type=submit].primary')]);
        return p;
      }
    }
    return ctx.pages()[0] ?? ctx.newPage();
  }

  async shot(page: Page, name: string): Promise<void> {
    const shape = page.viewportSize()!.width <= 400 ? 'phone' : 'desktop';
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > page.viewportSize()!.width) this.wide.push(`${name}-${shape}: ${width} px`);
    await page.screenshot({ path: path.join(OUT, `${name}-${shape}.png`), fullPage: true });
    // Long pages also in screen-sized tiles (an image viewer shrinks a 10,000-px page past reading).
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const tile = shape === 'phone' ? 1100 : 1400;
    if (TILES && height > tile * 1.2)
      for (let y = 0, i = 1; y < height; y += tile, i++)
        await page.screenshot({
          path: path.join(OUT, 'tiles', `${name}-${shape}-${String(i).padStart(2, '0')}.png`),
          fullPage: true,
          clip: { x: 0, y, width: page.viewportSize()!.width, height: Math.min(tile, height - y) },
        });
    process.stdout.write(`${name}-${shape}.png\n`);
  }

  async both(name: string, username: string | null, go: (p: Page, shape: Shape) => Promise<void>) {
    for (const shape of ['phone', 'desktop'] as const) {
      const p = await this.page(shape, username);
      await go(p, shape);
      await this.shot(p, name);
    }
  }

  async closeAll() {
    for (const c of this.contexts.values()) await c.close();
    this.contexts.clear();
  }
}

const submit = (page: Page, selector: string) =>
  Promise.all([page.waitForLoadState('load'), page.click(selector)]).then(() =>
    page.waitForLoadState('load'),
  );

/** Open a request page's step panel, fill its form and send it. */
async function step(
  page: Page,
  action: string,
  fill: (form: ReturnType<Page['locator']>) => Promise<unknown>,
) {
  const panel = page.locator(`#act-${action}`);
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  const form = panel.locator('form').first();
  await fill(form);
  await Promise.all([page.waitForLoadState('load'), form.locator('button[type=submit]').first().click()]);
}

async function track(page: Page, reference: string, code: string) {
  await page.goto(`${BASE}/track`);
  await page.fill('#f-reference', reference);
  await page.fill('#f-code', code);
  await submit(page, 'form[action="/track"] button[type=submit]');
}

async function citizenAndRequest(cam: Camera, served: Served) {
  // The apply form sent empty, then filled in (the receipt).
  let receipt = { reference: '', code: '' };
  await cam.both('apply-errors', null, async (p) => {
    await p.goto(`${BASE}/apply`);
    await submit(p, 'form[action="/apply"] button[type=submit]');
    await p.locator('#error-summary').waitFor();
  });
  await cam.both('receipt', null, async (p, shape) => {
    await p.goto(`${BASE}/apply`);
    await p.fill('#f-applicantName', '马福祥');
    await p.fill('#f-idNumber', '11010519491231002X');
    await p.fill('#f-phone', '13800000000');
    await p.fill('#f-address', '青海省海东市互助土族自治县哈拉直沟乡哈拉直沟村');
    await p.fill('#f-infoDescription', '本村2025年高标准农田建设项目的验收报告');
    await p.selectOption('#f-formRequested', 'electronic');
    await p.selectOption('#f-deliveryRequested', 'online');
    await p.setInputFiles('#f-files', { name: '身份证明.pdf', mimeType: 'application/pdf', buffer: PDF });
    await Promise.all([
      p.waitForURL(/\/apply\/receipt\//),
      p.click('form[action="/apply"] button[type=submit]'),
    ]);
    if (shape === 'phone')
      receipt = {
        reference: (await p.locator('[data-reference]').textContent())!.trim(),
        code: (await p.locator('[data-tracking-code]').textContent())!.trim(),
      };
  });
  const row = await served.db
    .selectFrom('info_requests')
    .select('id')
    .where('reference', '=', receipt.reference)
    .executeTakeFirstOrThrow();
  const requestUrl = `${BASE}/office/requests/${row.id}`;

  // The request page as the clerk sees it first (the next step open), and a stale form: a second window confirms.
  await cam.both('request-page', 'clerk', (p) => p.goto(requestUrl).then(() => undefined));
  const stale = await cam.page('desktop', 'clerk');
  await stale.goto(requestUrl);
  const other = await (await cam.page('phone', 'clerk')).context().newPage();
  await other.goto(requestUrl);
  await step(other, 'confirm', (f) => f.locator('[name=evidence]').fill('电话与申请人确认'));
  await step(stale, 'confirm', (f) => f.locator('[name=evidence]').fill('电话确认'));
  await cam.shot(stale, 'stale-form');
  // An office form sent with a mistake: the error summary.
  await cam.both('office-error-summary', 'clerk', async (p) => {
    await p.goto(requestUrl);
    await step(p, 'correction', (f) => f.locator('[name=items]').fill(''));
  });
  const clerk = await cam.page('desktop', 'clerk');
  await clerk.goto(requestUrl);
  await step(clerk, 'correction', (f) => f.locator('[name=items]').fill('请写明项目所在的村民小组'));

  const year = /〔(\d{4})〕/.exec(receipt.reference)![1]!;
  const serial = /第(\d+)号/.exec(receipt.reference)![1]!;
  await cam.both('track-correction', null, (p) => track(p, `(${year})${serial}`, receipt.code));
  const phone = await cam.page('phone', null);
  await track(phone, `(${year})${serial}`, receipt.code);
  await phone.fill('#f-correction', '哈拉直沟村第三村民小组');
  await submit(phone, 'form[action="/track/correction"] button[type=submit]');

  // The reply: a disclosed file, the decision, the head's approval, delivery online.
  await clerk.goto(requestUrl);
  const panel = clerk.locator('#act-attachments');
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  await panel
    .locator('input[type=file]')
    .setInputFiles({ name: '验收报告.pdf', mimeType: 'application/pdf', buffer: PDF });
  await panel.locator('input[name=disclosed]').check();
  await Promise.all([clerk.waitForLoadState('load'), panel.locator('button[type=submit]').click()]);
  await step(clerk, 'decision', async (f) => {
    await f.locator('[name=outcome]').selectOption('disclosed');
    await f.locator('[name=basis]').fill('第三十六条第（二）项');
    await f.locator('[name=reason]').fill('现将验收报告电子文本提供给您，请凭查询码下载。');
  });
  // The office head's dashboard with the reply waiting for approval, then the approval.
  await cam.both('dashboard-officehead', 'officehead', (p) => p.goto(`${BASE}/office`).then(() => undefined));
  const head = await cam.page('desktop', 'officehead');
  await head.goto(requestUrl);
  await step(head, 'approve', async () => {});
  await clerk.goto(requestUrl);
  await step(clerk, 'deliver', (f) => f.locator('[name=method]').selectOption('online'));
  await cam.both('track-delivered', null, (p) => track(p, `${year}-${serial}`, receipt.code));
}

async function portalPages(cam: Camera) {
  await cam.both('search', null, async (p) => {
    await p.goto(`${BASE}/search?q=${encodeURIComponent('春耕补贴')}`);
  });
  await cam.both('guide', null, (p) => p.goto(`${BASE}/guide`).then(() => undefined));
  await cam.both('rules', null, (p) => p.goto(`${BASE}/rules`).then(() => undefined));
  await cam.both('care', '~care', async (p) => {
    await p.goto(`${BASE}/`);
    if (!(await p.evaluate(() => document.documentElement.classList.contains('care'))))
      await Promise.all([p.waitForLoadState('load'), p.click('[data-care-toggle]')]);
    await p.goto(`${BASE}/p/1`);
  });
}

async function officePages(cam: Camera, served: Served) {
  // A drafter writes an item and signs it; it waits at 复审 (the office head's review page).
  const drafter = await cam.page('desktop', 'drafter');
  await drafter.goto(`${BASE}/office/publications/new`);
  await drafter.fill('#f-title', '关于2026年秋季农作物病虫害防治补助的公示');
  await drafter.locator('#f-categoryId').selectOption({ index: 1 });
  await drafter.fill(
    '#f-body',
    '经村委会审核，以下农户符合补助条件。\n户主马某，补助金额600元。\n公示期7天。',
  );
  await submit(drafter, 'button:has-text("保存草稿")');
  const id = /\/office\/publications\/(\d+)/.exec(drafter.url())![1];
  await submit(drafter, 'button:has-text("承办人签字并提交审核")');
  await cam.both('publication-review', 'officehead', (p) =>
    p.goto(`${BASE}/office/publications/${id}`).then(() => undefined),
  );
  for (const u of ['drafter', 'clerk', 'liaison', 'admin'])
    await cam.both(`dashboard-${u}`, u, (p) => p.goto(`${BASE}/office`).then(() => undefined));
  const published = await served.db
    .selectFrom('publications')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await cam.both('wechat-article', 'clerk', (p) =>
    p.goto(`${BASE}/office/publications/${published.id}/channels/wechat_account`).then(() => undefined),
  );
  await cam.both('calendar', 'clerk', (p) => p.goto(`${BASE}/office/calendar`).then(() => undefined));
  await cam.both('notification-settings', 'clerk', (p) =>
    p.goto(`${BASE}/office/notifications/settings`).then(() => undefined),
  );
}

/** 村级公开: the public village list and a village page (also in 适老化 mode), the township's heatmap, a liaison's phone. */
async function villagePages(cam: Camera, served: Served) {
  const village = await served.db.selectFrom('villages').select('id').orderBy('id').executeTakeFirstOrThrow();
  await cam.both('villages', null, (p) => p.goto(`${BASE}/villages`).then(() => undefined));
  await cam.both('village-page', null, (p) => p.goto(`${BASE}/villages/${village.id}`).then(() => undefined));
  await cam.both('village-heatmap', 'clerk', (p) => p.goto(`${BASE}/office/villages`).then(() => undefined));
  await cam.both('village-liaison', 'liaison', (p) =>
    p.goto(`${BASE}/office/villages/my`).then(() => undefined),
  );
}

/** The county: its 信息公开 home, one township's column, and the inspector's supervising dashboard. */
async function countyPages(cam: Camera) {
  await cam.both('county-home', null, (p) => p.goto(`${BASE}/xxgk`).then(() => undefined));
  await cam.both('county-dashboard', 'inspector', (p) =>
    p.goto(`${BASE}/office/county`).then(() => undefined),
  );
}

/** On a January clock: the clerk generates last year's report, completes it and is asked to confirm 定稿. */
async function annualReport(cam: Camera, clock: Clock) {
  const year = Number(clock.today().slice(0, 4)) - 1;
  let reportUrl = '';
  await cam.both('annual-report-finalise', 'clerk', async (p) => {
    if (!reportUrl) {
      await p.goto(`${BASE}/office/annual-reports`);
      await p.getByLabel('年度').first().fill(String(year));
      await submit(p, 'button:has-text("生成年报")');
      reportUrl = p.url();
    } else await p.goto(reportUrl);
    const overview = p.locator('#f-overview');
    await overview.fill(
      (await overview.inputValue()).replace(/【待填写】[^。]*。/g, '全乡各村按季度开展公开。'),
    );
    await submit(p, 'button:has-text("保存正文")');
    await p.getByLabel('审定人（分管或主要负责同志）').fill('马永福');
    const asked = new Promise<string>((resolve) =>
      p.once('dialog', (d) => {
        resolve(d.message());
        void d.dismiss();
      }),
    );
    await p.getByRole('button', { name: '定稿' }).click();
    const message = await asked;
    // The browser's confirm() is not in a screenshot: show its text on the page where it was asked.
    await p.evaluate((m) => {
      const box = document.createElement('pre');
      box.textContent = `【确认框】${m}`;
      box.style.cssText = 'white-space:pre-wrap;border:2px dashed #b00;padding:8px;margin:8px';
      document.querySelector('main')?.prepend(box);
    }, message);
  });
}

async function main() {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)`);
  fs.mkdirSync(path.join(OUT, 'tiles'), { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const wide: string[] = [];
  try {
    const served = await serveDemo(systemClock);
    const cam = new Camera(browser, served.accounts);
    try {
      await portalPages(cam);
      await citizenAndRequest(cam, served);
      await officePages(cam, served);
      await villagePages(cam, served);
      await countyPages(cam);
    } finally {
      wide.push(...cam.wide);
      await cam.closeAll();
      await served.close();
    }
    const january = fixedClock(`${new Date().getFullYear() + 1}-01-12T02:00:00Z`);
    const next = await serveDemo(january);
    const cam2 = new Camera(browser, next.accounts);
    try {
      await annualReport(cam2, january);
    } finally {
      wide.push(...cam2.wide);
      await cam2.closeAll();
      await next.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(`\nscreenshots in ${OUT}\n`);
  if (wide.length) process.stdout.write(`wider than the viewport:\n  ${wide.join('\n  ')}\n`);
}

await main();
