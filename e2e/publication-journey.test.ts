import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, launchBrowser, screenshotPath, signInAs, startTestServer } from './support/browser.ts';
import { makePublicationDesk } from '../test/support/factories.ts';
import { systemClock } from '../src/clock.ts';
import type { Page } from 'playwright-core';

test(
  'a drafter writes an item with an ID number; the scan flags it, it is masked, passes three reviews, appears on the portal and in search; WeChat and notice-board outputs are produced',
  { skip: browserSkip() },
  async () => {
    const app = await startTestServer();
    const browser = await launchBrowser();
    try {
      const db = app.tdb.db;
      const { drafter, head, deputy, clerk } = await makePublicationDesk(db, systemClock);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const signIn = (p: Page, username: string) => signInAs(p, app.url, username);

      // The drafter writes the item.
      await signIn(page, drafter.username);
      await page.goto(`${app.url}/office/publications/new`);
      await page.locator('#f-title').fill('关于2025年春耕备耕补贴发放的公示');
      await page.locator('#f-categoryId').selectOption({ label: '通知公告' });
      await page
        .locator('#f-body')
        .fill(
          '经村委会审核，以下农户符合补贴条件。\n户主张某，身份证号632126198001010011，补贴金额800元。\n公示期7天。',
        );
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByText('草稿已保存').waitFor();
      const id = /\/office\/publications\/(\d+)/.exec(page.url())![1];

      // The scan flags the ID number; one click masks it.
      const hit = page.locator('#scan-hits tr[data-kind="id_card"]');
      await hit.waitFor();
      assert.match(await hit.innerText(), /632126198001010011/);
      await page.screenshot({ path: screenshotPath('publication-scan'), fullPage: true });
      await page.getByRole('button', { name: '一键脱敏' }).click();
      await page.getByText('已脱敏 1 处').waitFor();
      assert.equal(await page.locator('#scan-hits').count(), 0);
      assert.match(await page.locator('.prose').innerText(), /632126\*{8}0011/);
      await page.getByRole('button', { name: '承办人签字并提交审核' }).click();
      await page.getByText('已签批').waitFor();

      // 复审 with the 保密审查单, then 终审.
      await signIn(page, head.username);
      await page.goto(`${app.url}/office/publications/${id}`);
      await page.getByLabel(/本人已对拟公开内容进行保密审查/).check();
      await page.getByRole('button', { name: '同意（签批）' }).click();
      await page.getByText('已签批').waitFor();
      await signIn(page, deputy.username);
      await page.goto(`${app.url}/office/publications/${id}`);
      await page.getByRole('button', { name: '同意（签批）' }).click();
      await page.getByText('已签批').waitFor();
      assert.equal(await page.locator('#chain li .ok').count(), 3);

      // The clerk publishes and produces the channel outputs.
      await signIn(page, clerk.username);
      await page.goto(`${app.url}/office/publications/${id}`);
      await page.getByRole('button', { name: '发布到门户网站' }).click();
      await page.getByText(/已发布，索引号/).waitFor();
      // Generating is not publishing: the outputs are links, and nothing is recorded by opening them.
      await page.getByRole('link', { name: '生成公众号文章' }).click();
      const article = page.locator('#wechat-article');
      await article.waitFor();
      assert.match(await article.innerHTML(), /style="[^"]*font-size/);
      assert.doesNotMatch(await article.innerHTML(), /632126198001010011/);
      // 复制正文 (shown by the script) copies the article only.
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
      await page.getByRole('button', { name: '复制正文' }).click();
      await page.getByText('已复制正文').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(copied, /关于2025年春耕备耕补贴发放的公示/);
      assert.doesNotMatch(copied, /复制正文|公众号文章|HTML 源码/);
      await page.screenshot({ path: screenshotPath('publication-wechat'), fullPage: true });
      await page.goto(`${app.url}/office/publications/${id}`);
      await page.getByRole('link', { name: '生成微信群消息' }).click();
      const group = await page.locator('#group-message').inputValue();
      assert.match(group, new RegExp(`/p/${id}`));
      assert.doesNotMatch(group, /632126/, 'the group text carries no ID number, masked or not');
      const pdf = await page.request.get(`${app.url}/office/publications/${id}/channels/notice_board`);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
      await page.goto(`${app.url}/office/publications/${id}`);
      assert.equal(await page.getByText(/^微信公众号 ·/).count(), 0);
      // Recording asks for the day it went out (and the link of a 公众号 article).
      const today = await page.locator('#f-usedOn').inputValue();
      await page.locator('#f-channel').selectOption('wechat_account');
      await page.getByRole('button', { name: '登记', exact: true }).click();
      await page.getByText('请填写公众号文章的链接').first().waitFor();
      await page.locator('#f-link').fill('https://mp.weixin.qq.com/s/e2e-article');
      await page.getByRole('button', { name: '登记', exact: true }).click();
      await page.getByText('已记录发布渠道').waitFor();
      for (const ch of ['wechat_group', 'notice_board']) {
        await page.locator('#f-channel').selectOption(ch);
        await page.locator('#f-usedOn').fill(today);
        await page.getByRole('button', { name: '登记', exact: true }).click();
        await page.getByText('已记录发布渠道').waitFor();
      }
      await page.screenshot({ path: screenshotPath('publication-channels'), fullPage: true });
      for (const label of ['门户网站', '微信公众号', '工作微信群', '公开栏'])
        await page.getByText(new RegExp(`^${label} ·`)).waitFor();

      // The public sees it on the portal and finds it by search, without JavaScript.
      const visitor = await browser.newContext({ javaScriptEnabled: false });
      const pub = await visitor.newPage();
      await pub.goto(`${app.url}/catalogue/notices`);
      await pub.getByRole('link', { name: '关于2025年春耕备耕补贴发放的公示' }).click();
      await pub.getByText('索引号').waitFor();
      assert.doesNotMatch(await pub.content(), /632126198001010011/);
      await pub.goto(`${app.url}/`);
      await pub.getByPlaceholder('搜索公开信息').fill('春耕补贴');
      await pub.getByRole('button', { name: '搜索' }).first().click();
      await pub.locator('mark', { hasText: '春耕' }).first().waitFor();
      await pub.screenshot({ path: screenshotPath('publication-search'), fullPage: true });
      await visitor.close();
    } finally {
      await browser.close();
      await app.close();
    }
  },
);
