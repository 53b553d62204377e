import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { browserSkip, launchBrowser, screenshotPath, signInAs, startTestServer } from './support/browser.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { systemClock } from '../src/clock.ts';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What the test reads of an axe-core violation. */
interface AxeViolation {
  id: string;
  impact?: string | null;
  nodes: unknown[];
  help: string;
}

/** axe-core (pinned in package.json, injected into the page) — the serious and critical violations, if any. */
async function axeSerious(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an inline <script>.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
      help: v.help,
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes}): ${v.help}`);
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  assert.ok(scroll <= client, `page scrolls sideways: ${scroll} > ${client}`);
}

test(
  'the clerk’s dashboard shows the charts on a phone and a desktop; chart pages and the 图解 pass axe',
  { skip: browserSkip() },
  async () => {
    const app = await startTestServer();
    const browser = await launchBrowser();
    try {
      const accounts = await loadDemo({
        db: app.tdb.db,
        clock: systemClock,
        actor: { kind: 'system', name: '演示数据' },
        meta: { ip: null },
      });
      await app.tdb.db
        .updateTable('users')
        .set({ must_change_password: 0 })
        .where('username', '=', 'clerk')
        .execute();
      const clerk = accounts.find((a) => a.username === 'clerk')!;

      for (const [name, viewport] of [
        ['phone', { width: 360, height: 740 }],
        ['desktop', { width: 1280, height: 900 }],
      ] as const) {
        const page = await browser.newPage({ viewport });
        await signInAs(page, app.url, 'clerk', clerk.password);
        // 工作台: the 统计图表 card with three charts.
        const card = page.getByRole('region', { name: '统计图表' });
        await card.waitFor();
        for (const id of ['req-received', 'req-open-due', 'pub-by-month']) {
          const svg = page.locator(`#${id} svg`);
          await svg.waitFor();
          const box = (await svg.boundingBox())!;
          assert.ok(
            box.width > 200 && box.width <= viewport.width,
            `${id} is ${box.width}px wide on ${name}`,
          );
        }
        await noHorizontalScroll(page);
        await page.screenshot({ path: screenshotPath(`charts-dashboard-${name}`), fullPage: true });
        await page
          .locator('#req-received')
          .screenshot({ path: screenshotPath(`chart-req-received-${name}`) });
        assert.deepEqual(await axeSerious(page), [], `工作台 on ${name}`);

        // The full 依申请公开 statistics; the table behind a chart links to the ledger it counts.
        await page.getByRole('link', { name: '依申请公开统计 →' }).click();
        await page.getByRole('heading', { name: /依申请公开统计/ }).waitFor();
        await noHorizontalScroll(page);
        await page.screenshot({ path: screenshotPath(`charts-requests-${name}`), fullPage: true });
        assert.deepEqual(await axeSerious(page), [], `依申请公开统计 on ${name}`);
        const fig = page.locator('#req-received');
        await fig.getByText('查看数据表').click();
        const cell = fig.locator('tbody td a').first();
        const n = Number(await cell.innerText());
        await cell.click();
        await page.getByText(`共 ${n} 件`).waitFor();
        assert.match(page.url(), /received=\d{4}-\d{2}/);

        await page.goto(`${app.url}/office/stats/publications`);
        await page.getByRole('heading', { name: /主动公开统计/ }).waitFor();
        await noHorizontalScroll(page);
        await page.screenshot({ path: screenshotPath(`charts-publications-${name}`), fullPage: true });
        assert.deepEqual(await axeSerious(page), [], `主动公开统计 on ${name}`);

        // The portal's 图解 of the published 2025 report.
        await page.goto(`${app.url}/annual-reports/2025/graphic`);
        await page.getByRole('heading', { name: /图解/ }).first().waitFor();
        await noHorizontalScroll(page);
        await page.screenshot({ path: screenshotPath(`report-graphic-2025-${name}`), fullPage: true });
        assert.deepEqual(await axeSerious(page), [], `图解 on ${name}`);

        if (name === 'phone') {
          // High-contrast mode: the charts are repainted in system colours (see the screenshot).
          await page.goto(`${app.url}/office/stats/requests`);
          await page.emulateMedia({ forcedColors: 'active' });
          await page.screenshot({ path: screenshotPath('charts-requests-forced-colors'), fullPage: true });
          await page.emulateMedia({ forcedColors: 'none' });
        }
        await page.close();
      }
    } finally {
      await browser.close();
      await app.close();
    }
  },
);
