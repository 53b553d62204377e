import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp } from '../../test/support/http.ts';
import { loadDemoForTest } from '../../test/support/demo.ts';
import { systemClock } from '../clock.ts';
import { findAgencyByCode } from '../org/org.queries.ts';
import { pdfToRows } from '../annual-report/read-pdf.ts';
import { touchPortal } from '../portal/portal-version.ts';
import { writeSetting } from '../settings/agency-settings.ts';
import { HOME_AGENCY_SETTING } from '../org/home-agency.ts';

describeEachDialect('web: the printed board sheet carries the public address (#14)', (t) => {
  test('the QR code and its printed address use GONGKAI_PUBLIC_URL, not the host the clerk reached the office by', async () => {
    const { db } = t();
    const { account } = await loadDemoForTest(db);
    const town = (await findAgencyByCode(db, '630223-HLZG'))!;
    const item = await db
      .selectFrom('village_disclosures')
      .select('id')
      .where('agency_id', '=', town.id)
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const clerk = testApp(db, systemClock, { GONGKAI_PUBLIC_URL: 'https://xxgk.example.gov.cn' }).client();
    await clerk.signIn('clerk', account('clerk').password);
    // The clerk reached the office by another address than the public one. In process the request's URL is
    // http://localhost (the Host header below is only a header here; the node server would build the URL from it),
    // so what this shows is that neither the request's address nor its Host header reaches the sheet.
    const res = await clerk.get(`/office/villages/items/${item.id}/board.pdf?size=A4`, {
      host: '10.0.0.5:3000',
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const text = (await pdfToRows(new Uint8Array(await res.arrayBuffer())))
      .map((r) => r.cells.join(''))
      .join('\n');
    assert.match(text, new RegExp(`网上查看：https://xxgk\\.example\\.gov\\.cn/villages/items/${item.id}`));
    assert.doesNotMatch(text, /10\.0\.0\.5|localhost/);
  });
});

describeEachDialect("web: a village item lives in its own township's column (#14, #17)", (t) => {
  test("in a county installation the QR code leads to the township's column, and an item is never shown under another column", async () => {
    const { db } = t();
    const { account } = await loadDemoForTest(db);
    const town = (await findAgencyByCode(db, '630223-HLZG'))!;
    const county = (await findAgencyByCode(db, '630223'))!;
    // The county's site: `/` is the county government's column, each township has its own under /xxgk/<code>.
    await writeSetting(db, town.id, HOME_AGENCY_SETTING, false, systemClock.now());
    await writeSetting(db, county.id, HOME_AGENCY_SETTING, true, systemClock.now());
    await touchPortal(db);
    const item = await db
      .selectFrom('village_disclosures')
      .select(['id', 'village_id', 'title'])
      .where('agency_id', '=', town.id)
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const origin = 'https://xxgk.example.gov.cn';
    const own = `${origin}/xxgk/630223-HLZG/villages/items/${item.id}`;
    const app = testApp(db, systemClock, { GONGKAI_PUBLIC_URL: origin });
    const clerk = app.client();
    await clerk.signIn('clerk', account('clerk').password);
    const res = await clerk.get(`/office/villages/items/${item.id}/board.pdf`);
    assert.equal(res.status, 200);
    const text = (await pdfToRows(new Uint8Array(await res.arrayBuffer())))
      .map((r) => r.cells.join(''))
      .join('\n');
    assert.ok(text.includes(`网上查看：${own}`), text);

    const villager = app.client();
    // A board printed with the root address, and the same item reached under another township's or the county's
    // column: each is sent to the item's own column instead of showing it under another government's name.
    for (const path of [
      `/villages/items/${item.id}`,
      `/xxgk/630223-WYZ/villages/items/${item.id}`,
      `/xxgk/630223/villages/items/${item.id}`,
    ]) {
      const r = await villager.get(path);
      assert.equal(r.status, 302, path);
      assert.equal(r.headers.get('location'), own, path);
    }
    const page = await villager.get(`/xxgk/630223-HLZG/villages/items/${item.id}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<title>[^<]*哈拉直沟乡人民政府/);
    assert.ok(html.includes(item.title));
    // The village's page likewise, with its year kept.
    const v = await villager.get(`/xxgk/630223-WYZ/villages/${item.village_id}?year=2025`);
    assert.equal(v.status, 302);
    assert.equal(
      v.headers.get('location'),
      `${origin}/xxgk/630223-HLZG/villages/${item.village_id}?year=2025`,
    );
    // A village's page under a column that has no such village, and an unknown item: not found.
    assert.equal((await villager.get('/xxgk/630223-WYZ/villages/99999')).status, 404);
    assert.equal((await villager.get('/xxgk/630223-WYZ/villages/items/99999')).status, 404);

    // An objection sent through another column with a mistake in it comes back where it was typed, text kept.
    const bad = await villager.post(`/xxgk/630223-WYZ/villages/items/${item.id}/objections`, {
      body: '',
      name: '张三丰',
      phone: '13800000000',
    });
    assert.equal(bad.status, 400);
    assert.ok((await bad.text()).includes('张三丰'));
  });
});
