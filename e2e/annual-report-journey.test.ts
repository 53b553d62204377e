import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, launchBrowser, screenshotPath, signInAs, startTestServer } from './support/browser.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { systemClock } from '../src/clock.ts';

test(
  'the clerk generates the 2026 report, completes the narrative, finalises, publishes; the public reads it on the portal',
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
      // The forced first password change is the foundation journey's subject; here the clerk has done it.
      await app.tdb.db
        .updateTable('users')
        .set({ must_change_password: 0 })
        .where('username', '=', 'clerk')
        .execute();
      const clerk = accounts.find((a) => a.username === 'clerk')!;
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });

      await signInAs(page, app.url, 'clerk', clerk.password);

      await page.getByRole('link', { name: '年度报告' }).first().click();
      await page.getByRole('heading', { name: '政府信息公开工作年度报告' }).waitFor();
      // 2025 was brought in as the township published it.
      assert.ok(await page.getByRole('link', { name: '2025年度' }).isVisible());
      await page.getByLabel('年度').first().fill('2026');
      await page.getByRole('button', { name: '生成年报' }).click();
      await page.getByText('2026年度报告已生成').waitFor();
      // 一（五） and 五 are drafted from the supervision records (no 【待填写】 left for them).
      assert.equal(await page.getByText('NARRATIVE-PLACEHOLDER').count(), 0);
      await page.screenshot({ path: screenshotPath('annual-report-draft'), fullPage: true });

      // Last year's 五 stands beside this year's for follow-up.
      await page.getByText('公开内容深度不够').first().waitFor();
      const overview = page.locator('#f-overview');
      const text = await overview.inputValue();
      assert.match(text, /新收政府信息公开申请\d+件/);
      assert.match(text, /参加上级业务培训2次，开展乡级业务培训3次/);
      // The clerk adds a sentence of her own to the drafted text.
      await overview.fill(`${text}\n全年组织全乡政务公开工作人员、村级信息联络员集中学习《条例》2次。`);
      await page
        .locator('#f-problems_improvements')
        .fill(
          '对照上年报告所列问题，已开展图文解读和“每日巡查、每周提醒、每月通报”。本年度仍存在个别信息公开不及时的问题。下一步将压实信息联络员责任，定期通报。',
        );
      await page.getByRole('button', { name: '保存正文' }).click();
      await page.getByText('正文已保存并重新检查').waitFor();
      assert.equal(await page.getByText('NARRATIVE-PLACEHOLDER').count(), 0);
      await page.getByText('全部检查通过。').waitFor();

      await page.getByLabel('审定人（分管或主要负责同志）').fill('马永福');
      await page.getByRole('button', { name: '定稿' }).click();
      await page.getByText('已定稿，该年度数据已锁定').waitFor();
      await page.getByRole('button', { name: '发布到信息公开年报栏目' }).click();
      await page.getByText('已发布到信息公开年报栏目').waitFor();
      assert.ok(await page.getByText('审定人：马永福').isVisible());

      const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await visitor.goto(`${app.url}/`);
      await visitor.getByRole('link', { name: '信息公开年报' }).first().click();
      await visitor.getByRole('link', { name: '哈拉直沟乡人民政府2026年政府信息公开工作年度报告' }).click();
      await visitor
        .getByRole('heading', { name: '哈拉直沟乡人民政府2026年政府信息公开工作年度报告' })
        .waitFor();
      await visitor.getByText('全年组织全乡政务公开工作人员').waitFor();
      // Accessible table: the count of new requests is a cell whose headers name its row and column.
      const headers = await visitor.locator('td[data-cell="B.new_received.total"]').getAttribute('headers');
      assert.ok(headers && headers.split(' ').length >= 2, String(headers));
      await visitor.screenshot({ path: screenshotPath('annual-report-portal'), fullPage: true });
      const download = await visitor.request.get(`${app.url}/annual-reports/2026/download/docx`);
      assert.equal(download.status(), 200);
      assert.equal((await download.body()).subarray(0, 2).toString('latin1'), 'PK');

      const actions = (await app.tdb.db.selectFrom('audit_events').select('action').execute()).map(
        (r) => r.action,
      );
      for (const a of [
        'annual_report.generated',
        'annual_report.narrative_saved',
        'annual_report.finalised',
        'annual_report.published',
      ])
        assert.ok(actions.includes(a), a);
    } finally {
      await browser.close();
      await app.close();
    }
  },
);
