import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserSkip, launchBrowser, screenshotPath, signInAs, startTestServer } from './support/browser.ts';
import { makeAgency, makeUser } from '../test/support/factories.ts';
import { randomValidCells, syntheticFiles } from '../src/annual-report/testing/synthetic.ts';

test(
  '年报体检: a clerk uploads the seed and a Word report, sees the marked tables and the findings',
  { skip: browserSkip() },
  async () => {
    const app = await startTestServer();
    const browser = await launchBrowser();
    try {
      const db = app.tdb.db;
      const county = await makeAgency(db, { kind: 'county' });
      const township = await makeAgency(db, { kind: 'township', parentId: county.id });
      const clerk = await makeUser(db, township.id, ['clerk']);
      const dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
      const docx = join(dir, '红旗乡年报.docx');
      writeFileSync(docx, syntheticFiles(randomValidCells(7)).find((f) => f.name === 'report.docx')!.bytes);
      const seed = fileURLToPath(
        new URL('../test/fixtures/reports/seed-halazhigou-2025.txt', import.meta.url),
      );

      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await signInAs(page, app.url, clerk.username);

      await page.getByRole('link', { name: '年报体检' }).first().click();
      await page.getByRole('heading', { name: '年报体检' }).waitFor();
      await page.getByLabel('选择报告文件（可多选）').setInputFiles([seed, docx]);
      await page.getByRole('button', { name: '上传并检查' }).click();
      await page.getByText('已上传并检查 2 份报告').waitFor();
      const rows = page.getByTestId('report-check-list').locator('tbody tr');
      assert.equal(await rows.count(), 2);

      await page.getByRole('link', { name: 'seed-halazhigou-2025.txt' }).click();
      await page.getByRole('heading', { name: 'seed-halazhigou-2025.txt' }).waitFor();
      const findings = await page.getByTestId('findings').innerText();
      assert.match(findings, /SECTION-NUMBER-DUPLICATE/);
      assert.match(findings, /FEE-STATEMENT-MISSING/);
      const marked = page.locator('[data-testid="table-b"] td[data-mark="warning"]');
      assert.ok((await marked.count()) >= 170, 'the blank and 无 cells of table 三 are highlighted');
      await page.screenshot({ path: screenshotPath('report-check-seed'), fullPage: true });

      await page.getByRole('link', { name: '← 年报体检' }).click();
      await page.getByRole('link', { name: '红旗乡年报.docx' }).click();
      await page.getByText('未发现问题。').waitFor();
      assert.equal(await page.locator('td[data-mark]').count(), 0);
    } finally {
      await browser.close();
      await app.close();
    }
  },
);
