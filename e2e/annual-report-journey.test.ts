import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, launchBrowser, screenshotPath, signInAs, startTestServer } from './support/browser.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { fixedClock } from '../src/clock.ts';

// 定稿 needs the year to be over: the journey runs on 12 January 2027 (Beijing).
const clock = fixedClock('2027-01-12T02:00:00Z');

test(
  'the clerk generates the 2026 report, completes the narrative, finalises, publishes; the public reads it on the portal',
  { skip: browserSkip() },
  async () => {
    const app = await startTestServer({ clock });
    const browser = await launchBrowser();
    try {
      const accounts = await loadDemo({
        db: app.tdb.db,
        clock,
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
      // 一（五） and 五 are drafted from the supervision records; in January the demo's village items fall in the new
      // year, so 2026's 村级公开 passage is the one left 【待填写】 — an error until the clerk writes it.
      await page.screenshot({ path: screenshotPath('annual-report-draft'), fullPage: true });

      // Last year's 五 stands beside this year's for follow-up.
      await page.getByText('公开内容深度不够').first().waitFor();
      const overview = page.locator('#f-overview');
      const drafted = await overview.inputValue();
      assert.match(drafted, /【待填写】本年度村级党务、村务、财务公开情况/);
      assert.doesNotMatch(drafted.replace(/【待填写】本年度村级[^。]*。/, ''), /【待填写】/);
      const text = drafted.replace(
        /【待填写】本年度村级[^。]*。/,
        '全乡各村按季度开展党务、村务、财务公开。',
      );
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
      // 定稿 and 发布 ask first, saying what the lock does.
      const asked: string[] = [];
      page.on('dialog', (d) => {
        asked.push(d.message());
        void d.accept();
      });
      await page.getByRole('button', { name: '定稿' }).click();
      await page.getByText('已定稿，该年度数据已锁定').waitFor();
      await page.getByRole('button', { name: '发布到信息公开年报栏目' }).click();
      await page.getByText('已发布到信息公开年报栏目').waitFor();
      assert.match(asked[0]!, /确认将2026年度报告定稿？定稿后2026年度的数据即锁定/);
      assert.match(asked[1]!, /确认发布2026年度报告？/);
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
