/**
 * The portal of the demo township on a 360-px phone and a desktop (issue 10, item 4): search fits the phone with
 * 44-px controls and finds 春耕补贴; the guide carries the 受理机构 and the paper form; at 150% zoom of a 1280-px
 * screen (853 CSS px) the header folds into a menu; list dates do not wrap; 适老化 mode gives contrast, spacing and
 * a read-aloud button, and is remembered. Screenshots go to e2e/output/ (and GONGKAI_SHOTS_DIR when set).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  browserSkip,
  launchBrowser,
  screenshotPath,
  startTestServer,
  type RunningApp,
} from './support/browser.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { systemActor } from '../src/context.ts';
import { systemClock } from '../src/clock.ts';

const skip = browserSkip();
let app: RunningApp;
let browser: Browser;

before(async () => {
  if (skip) return;
  app = await startTestServer();
  await loadDemo({ db: app.tdb.db, clock: systemClock, actor: systemActor('演示数据'), meta: { ip: null } });
  browser = await launchBrowser();
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await app?.close();
});

async function shot(page: Page, name: string) {
  const file = screenshotPath(`portal-${name}`);
  await page.screenshot({ path: file, fullPage: true });
  const extra = process.env.GONGKAI_SHOTS_DIR;
  if (extra) {
    fs.mkdirSync(extra, { recursive: true });
    fs.copyFileSync(file, path.join(extra, `portal-${name}.png`));
  }
}

const phoneContext = () =>
  browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/** Heights of the visible controls in main (and the header) that are under 44 px. */
const smallControls = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main button, main input, main select, main .button, header button')]
      .filter((e) => (e as HTMLInputElement).type !== 'hidden' && (e as HTMLInputElement).type !== 'checkbox')
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height < 44)
      .map((r) => Math.round(r.height)),
  );

test('the portal on a phone and a desktop', { skip }, async () => {
  const phone = await (await phoneContext()).newPage();
  await phone.goto(`${app.url}/search?q=${encodeURIComponent('春耕补贴')}`);
  await phone.locator('ol.results li', { hasText: '春耕生产补贴' }).first().waitFor();
  assert.ok((await phone.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'search fits 360 px');
  assert.deepEqual(await smallControls(phone), [], 'search controls are 44 px or more');
  assert.equal(await phone.locator('nav.portal-nav').isVisible(), false, 'the phone gets the menu');
  await phone.locator('.portal-menu > summary').click();
  await phone.locator('.portal-menu-links a', { hasText: '信息公开指南' }).waitFor();
  await shot(phone, 'search-phone');

  await phone.goto(`${app.url}/guide`);
  await phone.locator('text=受理机构：').waitFor();
  await phone.locator('a', { hasText: '下载申请表（PDF）' }).waitFor();
  assert.ok((await phone.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'guide fits 360 px');
  await shot(phone, 'guide-phone');

  await phone.goto(`${app.url}/catalogue`);
  // Lines a date's text occupies (its cell stretches to the row's height, so measure the text itself).
  const dateLines = await phone.evaluate(() =>
    [...document.querySelectorAll('td.date')].map((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );
  assert.ok(dateLines.length > 0 && dateLines.every((n) => n === 1), `dates on one line (${dateLines})`);
  await shot(phone, 'catalogue-phone');

  // 适老化: contrast, spacing, large font and the read-aloud button; remembered on the next page.
  await phone.goto(`${app.url}/`);
  await Promise.all([phone.waitForLoadState('load'), phone.click('[data-care-toggle]')]);
  await phone.goto(`${app.url}/p/1`);
  assert.match((await phone.getAttribute('html', 'class'))!, /care/);
  const lineHeight = await phone.evaluate(() => parseFloat(getComputedStyle(document.body).lineHeight));
  const fontSize = await phone.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(lineHeight / fontSize >= 1.9, `line spacing ${lineHeight / fontSize}`);
  if (await phone.evaluate(() => 'speechSynthesis' in window))
    await phone.locator('[data-read-aloud]').waitFor({ state: 'visible' });
  // In 适老化 mode too the item fits (its permanent link was a fixed-width box, 366 px), the search box reads at the
  // page's size, its button on one line, the metadata has no empty rows and its labels do not break.
  const wide = await phone.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 361)
      .map((e) => `${e.tagName}.${e.className}:${Math.round(e.getBoundingClientRect().right)}`)
      .slice(0, 5),
  );
  assert.deepEqual(wide, [], 'the item fits 360 px');
  const searchFont = await phone.evaluate(() =>
    parseFloat(getComputedStyle(document.querySelector('#q-top')!).fontSize),
  );
  assert.ok(searchFont >= 16, `search box font ${searchFont}px`);
  // Lines a text occupies, measured on the text itself (a cell stretches to its row's height).
  const lines = (selector: string) =>
    phone.$$eval(selector, (els) =>
      els.map((e) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    );
  assert.deepEqual(await lines('.search-mini button'), [1], 'the search button on one line');
  const labels = await lines('table.meta th');
  assert.ok(labels.length > 0 && labels.every((n) => n === 1), `metadata labels on one line (${labels})`);
  const values = await phone.$$eval('table.meta td', (tds) => tds.map((td) => td.textContent!.trim()));
  assert.ok(
    values.every((v) => v !== ''),
    'no empty metadata row',
  );
  await shot(phone, 'care-phone');

  // A desktop at 150% zoom: 1280 / 1.5 CSS px wide, the header folds; at 100% the sections are a row.
  const zoomed = await (
    await browser.newContext({ viewport: { width: 853, height: 600 }, deviceScaleFactor: 1.5 })
  ).newPage();
  await zoomed.goto(`${app.url}/`);
  assert.equal(await zoomed.locator('nav.portal-nav').isVisible(), false);
  assert.equal(await zoomed.locator('.portal-menu > summary').isVisible(), true);
  await shot(zoomed, 'home-150pct');
  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await desk.goto(`${app.url}/search?q=${encodeURIComponent('低保名单')}`);
  assert.equal(await desk.locator('nav.portal-nav').isVisible(), true);
  await desk.locator('text=包含其中部分词语').waitFor();
  await shot(desk, 'search-desktop');
  await desk.goto(`${app.url}/guide`);
  await shot(desk, 'guide-desktop');
});
