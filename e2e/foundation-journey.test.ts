import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, launchBrowser, screenshotPath, startTestServer } from './support/browser.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { systemClock } from '../src/clock.ts';

test(
  'a demo user signs in, must change the password, sees the dashboard, switches to large font; it is all audited',
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
      const clerk = accounts.find((a) => a.username === 'clerk')!;
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });

      await page.goto(`${app.url}/`);
      await page.getByRole('link', { name: '工作人员登录' }).click();
      await page.getByLabel('用户名').fill('clerk');
      await page.getByLabel('密码').fill('not-the-password');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByText('用户名或密码错误').waitFor();

      await page.getByLabel('密码').fill(clerk.password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { name: '修改密码' }).waitFor();
      assert.match(page.url(), /\/office\/password$/);
      await page.getByLabel('当前密码').fill(clerk.password);
      await page.locator('#f-next').fill('Wenjing-2026-new!');
      await page.getByLabel('再次输入新密码').fill('Wenjing-2026-new!');
      await page.getByRole('button', { name: '保存新密码' }).click();

      await page.getByRole('heading', { name: '工作台' }).waitFor();
      await page.getByText('密码已修改').waitFor();
      assert.ok(await page.getByText('哈拉直沟乡人民政府').first().isVisible());

      const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      await page.getByRole('button', { name: '大字模式' }).click();
      await page.getByRole('button', { name: '标准字号' }).waitFor();
      const after = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      assert.equal(before, '16px');
      assert.equal(after, '20px');
      await page.goto(`${app.url}/office`);
      assert.equal(
        await page.evaluate(() => document.documentElement.className),
        'large',
        'large font persists',
      );
      await page.screenshot({ path: screenshotPath('foundation-dashboard-large-font'), fullPage: true });

      // Phone-sized portal still usable.
      const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await phone.goto(`${app.url}/`);
      const overflow = await phone.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 0, `no horizontal scrolling at 360 px (overflow ${overflow}px)`);
      await phone.screenshot({ path: screenshotPath('portal-360') });

      const actions = (await app.tdb.db.selectFrom('audit_events').select('action').execute()).map(
        (r) => r.action,
      );
      for (const a of ['auth.sign_in_failed', 'auth.sign_in', 'auth.password_changed'])
        assert.ok(actions.includes(a), a);
    } finally {
      await browser.close();
      await app.close();
    }
  },
);
