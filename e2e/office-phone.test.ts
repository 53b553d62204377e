/**
 * The back office of the demo township on a 360-px phone (issue 10: the defects the screenshots of
 * scripts/screenshots.ts showed): no page is wider than the phone; the function links fold into a 功能菜单 whose links,
 * like the header's, are 44-px tap targets; every item of 待我处理 can be reached however many there are; no date
 * breaks inside; the request page's closed steps are 44 px tall and apart; each 提醒设置 choice is a 44-px line of
 * its own; the calendar's year links keep to one line.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, launchBrowser, startTestServer, type RunningApp } from './support/browser.ts';
import { loadDemo, type DemoAccount } from '../src/demo/load-demo.ts';
import { systemActor } from '../src/context.ts';
import { systemClock } from '../src/clock.ts';

const skip = browserSkip();
let app: RunningApp;
let browser: Browser;
let accounts: DemoAccount[];

before(async () => {
  if (skip) return;
  app = await startTestServer();
  accounts = await loadDemo({
    db: app.tdb.db,
    clock: systemClock,
    actor: systemActor('演示数据'),
    meta: { ip: null },
  });
  await app.tdb.db.updateTable('users').set({ must_change_password: 0 }).execute();
  browser = await launchBrowser();
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await app?.close();
});

async function phoneAs(username: string): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await ctx.newPage();
  await page.goto(`${app.url}/office/sign-in`);
  await page.fill('#f-username', username);
  await page.fill('#f-password', accounts.find((a) => a.username === username)!.password);
  await Promise.all([page.waitForURL(`${app.url}/office`), page.click('button[type=submit].primary')]);
  return page;
}

async function fits(page: Page, what: string) {
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(w <= 360, `${what} fits 360 px (scrollWidth ${w})`);
}

/** Visible elements matching `selector` under 44 px tall, as "text: height". */
const short = (page: Page, selector: string) =>
  page.$$eval(selector, (els) =>
    els
      .map((e) => ({ t: (e.textContent ?? '').trim().slice(0, 12), r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height < 44)
      .map(({ t, r }) => `${t}: ${Math.round(r.height)}`),
  );

/** Dates and hyphenated numbers (the .date spans) that take more than one line. */
const brokenDates = (page: Page) =>
  page.$$eval('main .date', (els) =>
    els
      .filter((e) => e.getClientRects().length > 1 || e.getBoundingClientRect().height > 40)
      .map((e) => e.textContent),
  );

test(
  'the office on a phone: menu, tap targets, inbox, dates, steps, settings, calendar',
  { skip },
  async () => {
    const clerk = await phoneAs('clerk');
    await fits(clerk, 'the dashboard');
    assert.equal(await clerk.locator('nav.office-nav').isVisible(), false, 'the link row is folded');
    await clerk.locator('.office-menu > summary').click();
    await clerk.locator('.office-menu-links a', { hasText: '工作日历' }).waitFor();
    assert.deepEqual(await short(clerk, '.office-menu-links a, .office-menu > summary'), []);
    assert.deepEqual(await short(clerk, '.header-tools a, .header-tools button'), []);

    // 待我处理: as many entries reachable as the heading counts (the demo clerk has more than fit at once).
    const heading = (await clerk.locator('#inbox-h').textContent())!;
    const count = Number(/（(\d+)）/.exec(heading)?.[1] ?? 0);
    assert.ok(count > 8, `the demo clerk has a long inbox (${count})`);
    assert.equal(await clerk.locator('.inbox .inbox-list > li').count(), count, 'every entry is on the page');
    const more = clerk.locator('.inbox-more > summary');
    assert.match((await more.textContent())!, new RegExp(`其余${count - 8}项`));
    assert.deepEqual(await short(clerk, '.inbox-more > summary'), []);
    await more.click();
    assert.deepEqual(await brokenDates(clerk), [], 'no date breaks inside on the dashboard');
    const inboxDates = await clerk.locator('.inbox .date').count();
    assert.ok(inboxDates > 0, 'the inbox dates are kept together');

    // A request page: the closed steps are 44-px targets with a gap between them.
    const href = (await clerk
      .locator('.inbox-list a[href^="/office/requests/"]')
      .first()
      .getAttribute('href'))!;
    await clerk.goto(`${app.url}${href}`);
    await fits(clerk, 'the request page');
    assert.deepEqual(await short(clerk, 'details.action > summary'), []);
    const tops = await clerk.$$eval('details.action:not([open]) > summary', (els) =>
      els.map((e) => e.getBoundingClientRect()).map((r) => [r.top, r.bottom]),
    );
    for (let i = 1; i < tops.length; i++)
      assert.ok(tops[i]![0]! >= tops[i - 1]![1]!, 'closed steps do not overlap');

    // 提醒设置: one choice a line, each 44 px.
    await clerk.goto(`${app.url}/office/notifications/settings`);
    await fits(clerk, '提醒设置');
    assert.deepEqual(await short(clerk, '.checks .check'), []);
    const lefts = await clerk.$$eval('.checks .check', (els) =>
      els.map((e) => Math.round(e.getBoundingClientRect().left)),
    );
    assert.ok(lefts.length > 5 && new Set(lefts).size === 1, 'each choice starts a line');

    // 工作日历: the year links do not wrap.
    await clerk.goto(`${app.url}/office/calendar`);
    await fits(clerk, '工作日历');
    const pagerLines = await clerk.$$eval('nav.pager a', (els) => els.map((e) => e.getClientRects().length));
    assert.deepEqual(pagerLines, [1, 1]);
    assert.deepEqual(await short(clerk, 'nav.pager a'), []);
    await clerk.context().close();

    // The office head's review chain: the signing time stays on one line.
    const head = await phoneAs('officehead');
    await fits(head, 'the office head dashboard');
    assert.deepEqual(await brokenDates(head), []);
    await head.context().close();
  },
);
