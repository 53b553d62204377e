import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, launchBrowser, screenshotPath, signInAs, startTestServer } from './support/browser.ts';
import { APPLICANT, fillApplyForm } from './support/journey.ts';
import { loadDemoForTest } from '../test/support/demo.ts';
import { systemClock } from '../src/clock.ts';
import { findAgencyByCode } from '../src/org/org.queries.ts';
import { OPEN_STATES } from '../src/requests/request.ts';

/** Screenshots also go where the notes list them (outside the repository), when that folder is there. */
const NOTES_SHOTS = '/work/notes/shots/i17a';
async function shot(page: Page, name: string): Promise<void> {
  const file = screenshotPath(`county-${name}`);
  await page.screenshot({ path: file, fullPage: true });
  if (fs.existsSync(path.dirname(NOTES_SHOTS))) {
    fs.mkdirSync(NOTES_SHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(NOTES_SHOTS, `county-${name}.png`));
  }
}

const VIEWPORTS = [
  { name: 'phone', options: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
  { name: 'desktop', options: { viewport: { width: 1280, height: 900 } } },
];

test(
  'county portal and county supervision, on a phone and a desktop: a citizen finds a township’s item from the county search and applies to that township; the county supervisor (督办 role) sees the township’s overdue request and issues 督办',
  { skip: browserSkip() },
  async () => {
    const app = await startTestServer();
    let browser: Browser | undefined;
    try {
      const db = app.tdb.db;
      const { account } = await loadDemoForTest(db);
      const dmz = (await findAgencyByCode(db, '630223-DMZ'))!;
      const town = (await findAgencyByCode(db, '630223-HLZG'))!;
      browser = await launchBrowser();

      for (const [i, vp] of VIEWPORTS.entries()) {
        const page = await (await browser.newContext(vp.options)).newPage();
        // 1. The county 信息公开 home, one search over every agency.
        await page.goto(`${app.url}/xxgk`);
        await page.getByRole('heading', { name: '互助县政府信息公开' }).waitFor();
        await shot(page, `${vp.name}-1-county-home`);
        const search = page.locator('main form[role=search]');
        await search.getByLabel('关键词').fill('耕地地力');
        await Promise.all([page.waitForURL(/\/xxgk\/search\?/), search.getByRole('button').click()]);
        await shot(page, `${vp.name}-2-county-search`);
        // 2. The township's item, in the township's own column.
        await Promise.all([
          page.waitForURL(/\/xxgk\/630223-DMZ\/p\/\d+$/),
          page.getByRole('link', { name: /丹麻镇2026年耕地地力保护补贴发放公示/ }).click(),
        ]);
        await page.getByRole('heading', { name: /耕地地力保护补贴发放公示/ }).waitFor();
        await shot(page, `${vp.name}-3-township-item`);
        // 3. Applying from that column files the request with that township.
        // On a phone the section links are folded into the 栏目导航 menu.
        if (vp.name === 'phone') await page.locator('details.portal-menu > summary').click();
        const sections = page.locator(vp.name === 'phone' ? '.portal-menu-links' : 'nav.portal-nav');
        await Promise.all([
          page.waitForURL(/\/xxgk\/630223-DMZ\/apply$/),
          sections.getByRole('link', { name: '依申请公开' }).click(),
        ]);
        await fillApplyForm(page, {
          ...APPLICANT,
          phone: `1380000000${i}`,
          infoDescription: `丹麻镇2026年耕地地力保护补贴的发放明细（${vp.name}）`,
          formRequested: 'electronic',
          deliveryRequested: 'online',
        });
        if (vp.name === 'phone') {
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 360, `the form fits the phone (scrollWidth ${width})`);
        }
        await Promise.all([
          page.waitForLoadState('load'),
          page.click('form[action="/xxgk/630223-DMZ/apply"] button[type=submit]'),
        ]);
        const reference = (await page.locator('[data-reference]').textContent())!.trim();
        assert.match(reference, /^丹麻镇/);
        await shot(page, `${vp.name}-4-applied`);
        const filed = await db
          .selectFrom('info_requests')
          .select('agency_id')
          .where('info_description', '=', `丹麻镇2026年耕地地力保护补贴的发放明细（${vp.name}）`)
          .executeTakeFirstOrThrow();
        assert.equal(Number(filed.agency_id), dmz.id, 'the request is in the township’s ledger');
        await page.context().close();
      }

      // The township's open request runs past its deadline.
      const open = await db
        .selectFrom('info_requests')
        .select(['id', 'reference'])
        .where('agency_id', '=', town.id)
        .where('status', 'in', [...OPEN_STATES])
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await db.updateTable('info_requests').set({ due_on: '2026-01-05' }).where('id', '=', open.id).execute();

      // The county supervisor (督办 role), on the desktop then on the phone: the dashboard, the township, 督办.
      const inspect = async (vp: (typeof VIEWPORTS)[number]) => {
        const page = await (await browser!.newContext(vp.options)).newPage();
        await signInAs(page, app.url, 'supervisor', account('supervisor').password);
        await page.goto(`${app.url}/office/county`);
        await page.getByRole('heading', { name: '互助县政务公开监督' }).waitFor();
        await page.locator('svg.county-grid').waitFor();
        await shot(page, `${vp.name}-5-county-dashboard`);
        await Promise.all([
          page.waitForURL(new RegExp(`/office/county/agencies/${town.id}$`)),
          page.locator('table').getByRole('link', { name: '哈拉直沟乡人民政府' }).click(),
        ]);
        return { page, row: page.locator('tr', { hasText: open.reference }) };
      };
      const desktop = await inspect(VIEWPORTS[1]!);
      await desktop.row.locator('summary', { hasText: '督办' }).click();
      await desktop.row
        .getByLabel('督办要求')
        .fill('该申请已超过法定答复期限，请立即答复申请人并报县政务公开办');
      await desktop.row.getByLabel('答复期限').fill(systemClock.today());
      await shot(desktop.page, 'desktop-6-supervise-form');
      await Promise.all([
        desktop.page.waitForLoadState('load'),
        desktop.row.getByRole('button', { name: '发出督办' }).click(),
      ]);
      await desktop.page.locator('.flash', { hasText: '已发出督办，已通知该机关' }).waitFor();
      await desktop.row.getByText('已督办，待答复').waitFor();
      await shot(desktop.page, 'desktop-7-supervised');
      // The township is told.
      await signInAs(desktop.page, app.url, 'clerk', account('clerk').password);
      await desktop.page.goto(`${app.url}/office/notifications`);
      await desktop.page.getByText(`县级督办：依申请公开答复超期：${open.reference}`).first().waitFor();
      await shot(desktop.page, 'desktop-8-township-notified');
      // On the phone the drill-down shows it waiting for the township's answer, and fits the screen.
      const phone = await inspect(VIEWPORTS[0]!);
      await phone.row.getByText('已督办，待答复').waitFor();
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `the drill-down fits the phone (scrollWidth ${width})`);
      await shot(phone.page, 'phone-6-supervised');
    } finally {
      await browser?.close();
      await app.close();
    }
  },
);
