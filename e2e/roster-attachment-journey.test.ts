import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, launchBrowser, screenshotPath, signInAs, startTestServer } from './support/browser.ts';
import { makePublicationDesk } from '../test/support/factories.ts';
import { systemClock } from '../src/clock.ts';
import { ROSTER, rosterDocx, rosterXlsx } from '../test/support/roster-files.ts';

for (const [label, viewport, file, make] of [
  ['desktop', { width: 1280, height: 900 }, '花名册.xlsx', rosterXlsx],
  ['phone', { width: 360, height: 740 }, '花名册.docx', rosterDocx],
] as const)
  test(
    `a roster attachment with ID numbers is stopped before publishing (${label})`,
    { skip: browserSkip() },
    async () => {
      const app = await startTestServer();
      const browser = await launchBrowser();
      try {
        const db = app.tdb.db;
        const { drafter, head, deputy, clerk } = await makePublicationDesk(db, systemClock);
        const page = await browser.newPage({ viewport });
        await signInAs(page, app.url, drafter.username);
        await page.goto(`${app.url}/office/publications/new`);
        await page.locator('#f-title').fill('2025年大病救助对象公示');
        await page.locator('#f-categoryId').selectOption({ label: '通知公告' });
        await page
          .locator('#f-body')
          .fill('经村级评议、乡级审核，现将2025年大病救助对象予以公示，名单见附件。');
        await page.getByRole('button', { name: '保存草稿' }).click();
        await page.getByText('草稿已保存').waitFor();
        const id = Number(/\/office\/publications\/(\d+)/.exec(page.url())![1]);

        // The roster is uploaded; the scan reads it and says it cannot be published, and why.
        await page.locator('#f-files').setInputFiles({
          name: file,
          mimeType: 'application/octet-stream',
          buffer: Buffer.from(await make()),
        });
        await page.getByRole('button', { name: '上传', exact: true }).click();
        const blocking = page.locator('#scan-blocking');
        await blocking.waitFor();
        assert.match(await blocking.innerText(), /不能提交、签批或发布/);
        const listed = await page.locator(`#attachment-scan li[data-attachment="${file}"]`).innerText();
        assert.match(listed, /身份证号（不得公开）/);
        assert.match(listed, /健康信息/);
        // The office page shows the masked form, not the full number.
        assert.ok(!listed.includes(ROSTER[0]!.id), 'the full ID number is shown');
        await page.screenshot({ path: screenshotPath(`roster-scan-${label}`), fullPage: true });

        // Submitting is refused with the article.
        await page.getByRole('button', { name: '承办人签字并提交审核' }).click();
        const err = page.locator('#review-form [role="alert"]').first();
        await err.waitFor();
        assert.match(await err.innerText(), /含身份证号3处，依据《政府信息公开条例》第十五条/);
        await page.screenshot({ path: screenshotPath(`roster-refused-${label}`), fullPage: true });

        // Even pushed past the review (an item from before the scan read attachments), publishing is refused.
        await db
          .updateTable('publications')
          .set({
            status: 'approved',
            review_round: 1,
            secrecy_signed_by: head.id,
            secrecy_signed_name: '复审人',
            secrecy_signed_at: '2025-03-03T03:00:00Z',
          })
          .where('id', '=', id)
          .execute();
        await db
          .insertInto('publication_reviews')
          .values(
            (['first_review', 'second_review', 'final_review'] as const).map((step, i) => ({
              publication_id: id,
              round: 1,
              step,
              action: 'approve',
              reason: null,
              user_id: [drafter.id, head.id, deputy.id][i]!,
              user_name: '审核人',
              signed_at: '2025-03-03T03:00:00Z',
            })),
          )
          .execute();
        await signInAs(page, app.url, clerk.username);
        await page.goto(`${app.url}/office/publications/${id}`);
        await page.getByRole('button', { name: '发布到门户网站' }).click();
        const refused = page.getByText(/不能发布：附件“花名册/);
        await refused.waitFor();
        assert.match(await refused.innerText(), /第十五条/);
        await page.screenshot({ path: screenshotPath(`roster-publish-refused-${label}`), fullPage: true });

        // Nothing reached the portal: not the item, not its file, not the number in search.
        assert.equal((await fetch(`${app.url}/p/${id}`)).status, 404);
        const search = await (await fetch(`${app.url}/search?q=${ROSTER[0]!.id}`)).text();
        // (The page echoes the query in its search box; no result carries the number or the item.)
        assert.doesNotMatch(search, /大病救助对象公示|马德福/);
      } finally {
        await browser.close();
        await app.close();
      }
    },
  );
