import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { browserSkip, launchBrowser, screenshotPath, signInAs, startTestServer } from './support/browser.ts';
import { fixedClock, makeAgency, makeUser, makeVillage, systemCtx } from '../test/support/factories.ts';
import { seedCalendar } from '../src/calendar/seed-calendar.ts';
import { sendVillageReminders } from '../src/villages/send-village-reminders.ts';
import { previousPeriod, periodLabel } from '../src/villages/village-disclosure.ts';
import { systemClock } from '../src/clock.ts';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function jpeg(exifTime?: string): Promise<Buffer> {
  let img = sharp({
    create: { width: 2400, height: 1800, channels: 3, background: { r: 200, g: 190, b: 170 } },
  }).jpeg();
  if (exifTime)
    img = img.withExif({
      IFD2: { DateTimeOriginal: exifTime },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '36/1 47/1 30/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '101/1 57/1 0/1',
      },
    });
  return img.toBuffer();
}

test(
  'a liaison on a phone drafts a quarterly 财务公开 with a voucher photo, the 监委会 signs, the township approves, the board sheet prints with its QR code, the board photo is uploaded; a villager objects from the QR link, the village does not answer, the township gets the escalation',
  { skip: browserSkip() },
  async () => {
    const app = await startTestServer();
    const browser = await launchBrowser();
    try {
      const db = app.tdb.db;
      await seedCalendar(systemCtx(db));
      const town = await makeAgency(db);
      const villageId = await makeVillage(db, town.id, '费家村');
      await makeVillage(db, town.id, '魏家堡村');
      const liaison = await makeUser(db, town.id, ['liaison'], { villageId });
      const supervisor = await makeUser(db, town.id, ['village_supervisor'], { villageId });
      const cadre = await makeUser(db, town.id, ['village_cadre'], { villageId });
      await makeUser(db, town.id, ['clerk']);
      const ctx = await browser.newContext(PHONE);
      const page = await ctx.newPage();
      const signIn = (p: Page, username: string) => signInAs(p, app.url, username);
      const period = previousPeriod('quarterly', systemClock.today());

      // The liaison starts the quarter's finance disclosure from the village page.
      await signIn(page, liaison.username);
      await page.goto(`${app.url}/office/villages/my`);
      await page.locator('#f-code').selectOption('finance_quarterly');
      await page.locator('#f-period').selectOption(period);
      await page.getByRole('button', { name: '开始填报' }).click();
      await page.getByText('已新建草稿').waitFor();
      const id = /\/office\/villages\/items\/(\d+)/.exec(page.url())![1];

      // Typed as she goes: the draft saves itself.
      await page.locator('input[name="v.opening"]').fill('52,000.00');
      await page.getByText(/草稿已自动保存/).waitFor();
      await page
        .locator('input[name="v.lines.0.date"]')
        .fill(`${period.slice(0, 4)}-0${(Number(period.slice(-1)) - 1) * 3 + 1}-05`);
      await page.locator('input[name="v.lines.0.summary"]').fill('上级转移支付');
      await page.locator('input[name="v.lines.0.income"]').fill('30000');
      await page
        .locator('input[name="v.lines.1.date"]')
        .fill(`${period.slice(0, 4)}-0${(Number(period.slice(-1)) - 1) * 3 + 2}-12`);
      await page.locator('input[name="v.lines.1.summary"]').fill('村道维修材料，经手人电话13912345678');
      await page.locator('input[name="v.lines.1.expense"]').fill('4,560.50');
      await page.locator('input[name="v.totalIncome"]').fill('30000');
      await page.locator('input[name="v.totalExpense"]').fill('4560.00');
      await page.locator('input[name="v.closing"]').fill('77439.50');
      await page.getByRole('button', { name: '提交村务监督委员会审核' }).click();
      // Money that does not add up is refused, naming the row; nothing typed is lost.
      await page
        .getByText(/合计行“支出合计”为4,560.00元/)
        .first()
        .waitFor();
      assert.equal(await page.locator('input[name="v.lines.1.expense"]').inputValue(), '4,560.50');
      await page.locator('input[name="v.totalExpense"]').fill('4560.50');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByText('草稿已保存').waitFor();
      // The scan flags the phone number; one tap masks it.
      await page.locator('#scan-hits li[data-kind="mobile"]').waitFor();
      await page.getByRole('button', { name: '一键脱敏' }).click();
      await page.getByText('已脱敏 1 处').waitFor();
      assert.equal(
        await page.locator('input[name="v.lines.1.summary"]').inputValue(),
        '村道维修材料，经手人电话139****5678',
      );
      // A voucher photo from the camera, shrunk on the server; a non-image is refused by its content.
      await page
        .locator('#f-photo')
        .setInputFiles({ name: 'fake.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo') });
      await page.locator('#photo-form button').click();
      await page
        .getByText(/上传的文件不是照片/)
        .first()
        .waitFor();
      await page
        .locator('#f-photo')
        .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await jpeg() });
      await page.locator('#photo-form button').click();
      await page.getByText('照片已上传').waitFor();
      await page.screenshot({ path: screenshotPath('village-liaison-phone'), fullPage: true });
      await page.getByRole('button', { name: '提交村务监督委员会审核' }).click();
      await page.getByText('已提交村务监督委员会审核').waitFor();
      await page.locator('#waiting').getByText(supervisor.displayName).waitFor();

      // The 监委会 member signs.
      await signIn(page, supervisor.username);
      await page.goto(`${app.url}/office/villages/items/${id}`);
      await page.getByRole('button', { name: '签署意见' }).click();
      await page.getByText('意见已签署').waitFor();

      // The 包村干部 approves: published.
      await signIn(page, cadre.username);
      await page.goto(`${app.url}/office/notifications`);
      await page
        .getByText(/待乡镇审核/)
        .first()
        .waitFor();
      await page.goto(`${app.url}/office/villages/items/${id}`);
      await page.getByRole('button', { name: '审核通过并公开' }).click();
      await page.getByText('已审核通过并公开').waitFor();

      // The liaison prints the board sheet (A4 PDF with the QR code) and uploads the board photo.
      await signIn(page, liaison.username);
      await page.goto(`${app.url}/office/villages/items/${id}`);
      const pdf = await page.request.get(`${app.url}/office/villages/items/${id}/board.pdf?size=A4`);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      const bytes = await pdf.body();
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
      assert.match(bytes.toString('latin1'), /\/Subtype\s*\/Image/);
      await page.locator('#f-board').setInputFiles({
        name: 'board.jpg',
        mimeType: 'image/jpeg',
        buffer: await jpeg('2026:10:08 09:15:00'),
      });
      await page.locator('#board-photo-form button').click();
      await page.getByText('照片已上传').waitFor();
      await page
        .locator('#board-photos')
        .getByText(/拍摄时间 2026-10-08 09:15 · 位置 36\.79/)
        .waitFor();
      await page.screenshot({ path: screenshotPath('village-board-photo'), fullPage: true });

      // A villager scans the QR code: the item's public page, with the 监委会 opinion and a plain summary; objects.
      const villager = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
      const pub = await villager.newPage();
      await pub.goto(`${app.url}/villages/items/${id}`);
      await pub.locator('#supervision-opinion').getByText('村务监督委员会意见：同意').waitFor();
      await pub
        .locator('#finance-summary')
        .getByText(/本期收入30,000.00元，支出4,560.50元/)
        .waitFor();
      assert.doesNotMatch(await pub.content(), /13912345678/);
      await pub.locator('#f-body').fill('村道维修材料4560.5元买的是什么材料？请公开发票。');
      await pub.locator('#f-name').fill('张三');
      await pub.locator('#f-phone').fill('13800001111');
      await pub.getByRole('button', { name: '提交' }).click();
      await pub.getByText('已提交，村委会将按期答复').waitFor();
      assert.doesNotMatch(await pub.content(), /13800001111/);
      await pub.getByText(/张某/).first().waitFor();
      await pub.screenshot({ path: screenshotPath('village-public-item'), fullPage: true });
      await villager.close();

      // The village does not answer within 10 days: the daily sweep escalates to the township (第三十一条).
      const later = fixedClock(new Date(Date.now() + 11 * 86400_000).toISOString());
      const r = await sendVillageReminders({ ...systemCtx(db, later) });
      assert.equal(r.escalated, 1);
      await signIn(page, cadre.username);
      await page.goto(`${app.url}/office/notifications`);
      await page
        .getByText(/村民异议逾期未答复，转乡镇调查/)
        .first()
        .waitFor();
      await page.goto(`${app.url}/office/villages/items/${id}`);
      await page.locator('#objections [data-status="escalated"]').waitFor();
      await page
        .locator('#objections textarea[name="outcome"]')
        .fill('经核实，材料为水泥20吨，发票已补充公开。');
      await page.locator('#objections input[name="orderDisclosure"]').check();
      await page.getByRole('button', { name: '登记调查处理结果' }).click();
      await page.getByText('已登记调查处理结果').waitFor();
      await page.locator('#objections [data-status="resolved"]').waitFor();

      // The township's view shows the village's quarter as disclosed on time.
      await page.goto(`${app.url}/office/villages`);
      await page.locator('#heat-table').waitFor();
      await page.screenshot({ path: screenshotPath('village-township-heatmap'), fullPage: true });
      void periodLabel;
    } finally {
      await browser.close();
      await app.close();
    }
  },
);
