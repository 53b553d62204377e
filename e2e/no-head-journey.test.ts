/**
 * Browser journey (issue 10): an item drafted for an office that has no head user does not sit in 审核中 forever.
 * Its 站办所负责人复审 step resolves to the head of the disclosure office, who finds it in the 待我处理 inbox (phone),
 * signs it; the deputy leader signs the last step; the clerk publishes it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, launchBrowser, signInAs, startTestServer } from './support/browser.ts';
import { makeAgency, makeOffice, makeUser, systemCtx } from '../test/support/factories.ts';
import { seedCalendar } from '../src/calendar/seed-calendar.ts';
import { setDisclosureOffice } from '../src/org/manage-agency.ts';

const SHOTS = '/work/notes/shots/i10a';

test(
  'an item drafted for an office without a head still reaches publication',
  { skip: browserSkip() },
  async () => {
    const app = await startTestServer();
    const browser = await launchBrowser();
    try {
      const db = app.tdb.db;
      await seedCalendar(systemCtx(db));
      const agency = await makeAgency(db);
      const disclosure = await makeOffice(db, agency.id, '党政综合办公室');
      await setDisclosureOffice(systemCtx(db), agency.id, disclosure);
      const headless = await makeOffice(db, agency.id, '农业农村综合服务中心');
      const drafter = await makeUser(db, agency.id, ['drafter'], { officeId: headless });
      const dhead = await makeUser(db, agency.id, ['office_head'], { officeId: disclosure });
      const deputy = await makeUser(db, agency.id, ['deputy_leader']);
      const clerk = await makeUser(db, agency.id, ['clerk'], { officeId: disclosure });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const signIn = (p: Page, username: string) => signInAs(p, app.url, username);

      await signIn(page, drafter.username);
      await page.goto(`${app.url}/office/publications/new`);
      await page.locator('#f-title').fill('关于2026年冬季农田水利设施维护的通知');
      await page.locator('#f-categoryId').selectOption({ label: '通知公告' });
      await page.locator('#f-body').fill('各村：请于12月20日前完成农田水利设施的冬季检查和维护。');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByText('草稿已保存').waitFor();
      const id = /\/office\/publications\/(\d+)/.exec(page.url())![1];
      await page.getByRole('button', { name: '承办人签字并提交审核' }).click();
      await page.getByText('已签批').waitFor();
      // The page says who the step is on, and why.
      await page.getByText(/政务公开工作机构负责人（本站办所无负责人）/).waitFor();

      // The disclosure office's head finds it in the inbox on a phone, and signs.
      const phone = await browser.newPage({ viewport: { width: 360, height: 780 } });
      await signIn(phone, dhead.username);
      const item = phone
        .locator('section.inbox')
        .getByRole('link', { name: /关于2026年冬季农田水利设施维护的通知/ });
      assert.equal(await item.count(), 1, 'the item is in the disclosure head’s inbox');
      await phone.screenshot({ path: `${SHOTS}/no-head-inbox-phone.png`, fullPage: false });
      await item.click();
      await phone.getByLabel(/本人已对拟公开内容进行保密审查/).check();
      await phone.getByRole('button', { name: '同意（签批）' }).click();
      await phone.getByText('已签批').waitFor();
      await phone.close();

      await signIn(page, deputy.username);
      await page.goto(`${app.url}/office/publications/${id}`);
      await page.getByRole('button', { name: '同意（签批）' }).click();
      await page.getByText('已签批').waitFor();

      await signIn(page, clerk.username);
      await page.goto(`${app.url}/office/publications/${id}`);
      await page.getByRole('button', { name: '发布到门户网站' }).click();
      await page.getByText(/已发布，索引号/).waitFor();
      await page.screenshot({ path: `${SHOTS}/no-head-published-desktop.png`, fullPage: false });
    } finally {
      await browser.close();
      await app.close();
    }
  },
);
