import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp, type TestClient } from '../../test/support/http.ts';
import {
  ctxAs,
  fixedClock,
  makeAgency,
  makeOffice,
  makeUser,
  systemCtx,
  userActor,
} from '../../test/support/factories.ts';
import { seedCalendar } from '../calendar/seed-calendar.ts';
import { ensureCatalogue } from './seed-catalogue.ts';
import { createPublication } from './save-publication.ts';
import { reviewPublication } from './review-publication.ts';
import { publishPublication } from './publish-publication.ts';
import { withdrawPublication } from './manage-published.ts';
import { addAttachments } from './add-attachment.ts';
import { fileStoreOf } from '../storage/index.ts';
import { findCategoryByCode, getPublication, listPublicPublications } from './publications.queries.ts';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Db } from '../db/database.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** Markers that must never appear on a public page: one per non-public state. */
const SECRET = {
  draft: '草稿泄露检测甲',
  inReview: '审核泄露检测乙',
  approved: '待发泄露检测丙',
  withdrawn: '撤回泄露检测丁',
  onRequest: '依申请泄露检测戊',
  withheld: '不予公开泄露检测己',
};

async function world(db: Db) {
  const clock = fixedClock('2025-03-03T02:00:00Z');
  await seedCalendar(systemCtx(db, clock));
  const agency = await makeAgency(db);
  const office = await makeOffice(db, agency.id);
  const drafter = await makeUser(db, agency.id, ['drafter'], { officeId: office });
  const head = await makeUser(db, agency.id, ['office_head'], { officeId: office });
  const deputy = await makeUser(db, agency.id, ['deputy_leader']);
  const clerk = await makeUser(db, agency.id, ['clerk']);
  await ensureCatalogue(systemCtx(db, clock), agency.id);
  const cat = (await findCategoryByCode(db, agency.id, 'notices'))!;
  const as = (u: typeof drafter) => ctxAs(db, userActor(u), clock);
  const files = fileStoreOf({ fileStore: 'disk', dataDir: '/tmp/gongkai-test-data' });
  const make = async (title: string, extra: Record<string, unknown> = {}) =>
    createPublication(as(drafter), {
      categoryId: String(cat.id),
      title,
      issuer: agency.name,
      body: `${title}的正文`,
      attribute: 'proactive',
      formedOn: '2025-03-03',
      ...extra,
    });
  const v = async (id: number) => String((await getPublication(db, id)).version);
  const review = async (id: number, upto: 1 | 2 | 3) => {
    await reviewPublication(as(drafter), id, {
      step: 'first_review',
      action: 'approve',
      version: await v(id),
    });
    if (upto >= 2)
      await reviewPublication(as(head), id, {
        step: 'second_review',
        action: 'approve',
        secrecyConfirmed: '1',
        unreadableChecked: '1',
        version: await v(id),
      });
    if (upto >= 3)
      await reviewPublication(as(deputy), id, {
        step: 'final_review',
        action: 'approve',
        version: await v(id),
      });
  };
  const pub = await make('春耕补贴公开通知');
  await addAttachments(as(drafter), files, pub, [{ name: '名单.pdf', bytes: PDF }]);
  await review(pub, 3);
  await publishPublication(as(clerk), pub, Number(await v(pub)));
  const ids: Record<string, number> = {};
  ids.draft = await make(SECRET.draft);
  await addAttachments(as(drafter), files, ids.draft, [{ name: '草稿附件.pdf', bytes: PDF }]);
  ids.inReview = await make(SECRET.inReview);
  await review(ids.inReview, 2);
  ids.approved = await make(SECRET.approved);
  await review(ids.approved, 3);
  ids.withdrawn = await make(SECRET.withdrawn);
  await addAttachments(as(drafter), files, ids.withdrawn, [{ name: '撤回附件.pdf', bytes: PDF }]);
  await review(ids.withdrawn, 3);
  await publishPublication(as(clerk), ids.withdrawn, Number(await v(ids.withdrawn)));
  await withdrawPublication(as(clerk), ids.withdrawn, Number(await v(ids.withdrawn)), '误发');
  ids.onRequest = await make(SECRET.onRequest, { attribute: 'on_request' });
  await review(ids.onRequest, 3);
  ids.withheld = await make(SECRET.withheld, {
    attribute: 'withheld',
    withholdGrounds: 'art16_process_info',
  });
  await review(ids.withheld, 3);
  return { clock, agency, drafter, head, deputy, clerk, cat, pub, ids };
}

describeEachDialect('portal (HTTP)', (t) => {
  let w: Awaited<ReturnType<typeof world>>;
  before(async () => {
    w = await world(t().db);
  });
  const anon = (): TestClient => testApp(t().db, w.clock).client();

  it('no unpublished item is reachable: crawl every link, feed, sitemap entry and search result', async () => {
    const client = anon();
    const seen = new Set<string>();
    const queue = [
      '/',
      '/catalogue',
      '/sitemap.xml',
      '/feeds/all.xml',
      '/guide',
      '/rules',
      '/search?q=泄露检测',
    ];
    for (const word of Object.values(SECRET)) queue.push(`/search?q=${encodeURIComponent(word)}`);
    for (const id of Object.values(w.ids))
      queue.push(`/p/${id}`, `/p/${id}/print`, `/p/${id}/files/1`, `/p/${id}/files/2`, `/p/${id}/files/3`);
    let pages = 0;
    while (queue.length && pages < 500) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await client.get(path);
      pages++;
      let body = res.status === 304 ? '' : await res.text();
      // A search page echoes its own query; what matters is that no result shows the item.
      const q = path.startsWith('/search?q=') ? decodeURIComponent(path.slice('/search?q='.length)) : '';
      if (q) body = body.replaceAll(q, '');
      for (const [state, marker] of Object.entries(SECRET))
        assert.ok(!body.includes(marker), `${state} item leaked on ${path}`);
      if (Object.values(w.ids).some((id) => path.startsWith(`/p/${id}`))) assert.equal(res.status, 404, path);
      const links = [...body.matchAll(/(?:href="|<loc>|<link>)(?:https?:\/\/localhost)?(\/[^"<#]*)/g)].map(
        (m) => m[1]!.replace(/&amp;/g, '&'),
      );
      for (const l of links)
        if (!l.startsWith('/office') && !l.startsWith('/assets') && !seen.has(l)) queue.push(l);
    }
    assert.ok(seen.has(`/p/${w.pub}`), 'the published item was reached by crawling');
    assert.ok(
      [...seen].some((p) => p.startsWith(`/p/${w.pub}/files/`)),
      'its attachment was reached',
    );
    assert.ok(pages > 30, `crawled ${pages} pages`);
  });

  it('detail page shows the metadata block, 有效性 and a download; ETag gives 304; publish invalidates', async () => {
    const client = anon();
    const res = await client.get(`/p/${w.pub}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    // The index number may carry break hints (<wbr>) after its "/": compare the page's text, not its markup.
    const text = html.replace(/<[^>]*>/g, '');
    for (const s of [
      '索引号',
      `${w.agency.code}/2025-00001`,
      '发布机构',
      '有效性',
      '有效',
      '名单.pdf',
      '永久链接',
    ])
      assert.ok(text.includes(s), s);
    const etag = res.headers.get('etag')!;
    assert.ok(etag);
    const again = await client.get(`/p/${w.pub}`, { 'if-none-match': etag });
    assert.equal(again.status, 304);
    const list1 = await client.get(`/catalogue/${w.cat.code}`);
    const tag1 = list1.headers.get('etag')!;
    // Publish another item: the list's ETag changes.
    const as = ctxAs(t().db, userActor(w.drafter), w.clock);
    const id = await createPublication(as, {
      categoryId: String(w.cat.id),
      title: '新发布的通知',
      issuer: w.agency.name,
      body: '正文',
      attribute: 'proactive',
      formedOn: '2025-03-03',
    });
    const v = async () => String((await getPublication(t().db, id)).version);
    await reviewPublication(as, id, { step: 'first_review', action: 'approve', version: await v() });
    await reviewPublication(ctxAs(t().db, userActor(w.head), w.clock), id, {
      step: 'second_review',
      action: 'approve',
      secrecyConfirmed: '1',
      version: await v(),
    });
    await reviewPublication(ctxAs(t().db, userActor(w.deputy), w.clock), id, {
      step: 'final_review',
      action: 'approve',
      version: await v(),
    });
    // Through HTTP, so this process's cache notices at once.
    const clerk = testApp(t().db, w.clock).client();
    await clerk.signIn(w.clerk.username);
    const r = await clerk.post(`/office/publications/${id}/publish`, { version: await v() });
    assert.equal(r.status, 303);
    const list2 = await anon().get(`/catalogue/${w.cat.code}`, { 'if-none-match': tag1 });
    assert.equal(list2.status, 200);
    assert.ok((await list2.text()).includes('新发布的通知'));
    const dl = await client.get(`/p/${w.pub}/files/1`);
    assert.equal(dl.status, 200);
    assert.equal(dl.headers.get('content-type'), 'application/pdf');
  });

  it('search highlights, filters, and says 无结果 helpfully', async () => {
    const client = anon();
    const html = await (await client.get(`/search?q=${encodeURIComponent('春耕')}`)).text();
    assert.match(html, /<mark>春耕<\/mark>/);
    const none = await (await client.get(`/search?q=${encodeURIComponent('不存在的词语')}`)).text();
    assert.match(none, /无结果/);
    assert.match(none, /申请政府信息公开/);
    const filtered = await (await client.get(`/search?q=${encodeURIComponent('春耕')}&year=2019`)).text();
    assert.match(filtered, /无结果/);
    const rss = await client.get(`/feeds/${w.cat.code}.xml`);
    assert.match(rss.headers.get('content-type')!, /rss/);
    assert.match(await rss.text(), /春耕补贴公开通知/);
  });

  it('feeds: RSS and Atom for the site and per column; the sitemap lists every public page and file with lastmod', async () => {
    const client = anon();
    const atom = await client.get('/feeds/all.atom');
    assert.match(atom.headers.get('content-type')!, /application\/atom\+xml/);
    const atomXml = await atom.text();
    const doc = parseDocument(atomXml, { xmlMode: true });
    const entries = DomUtils.getElementsByTagName('entry', doc.children);
    const published = await listPublicPublications(t().db, { agencyId: w.agency.id, limit: 1000, offset: 0 });
    assert.equal(entries.length, Math.min(50, published.total));
    assert.match(
      atomXml,
      /<link rel="self" type="application\/atom\+xml" href="http:\/\/localhost(:\d+)?\/feeds\/all.atom"\/>/,
    );
    for (const marker of Object.values(SECRET)) assert.ok(!atomXml.includes(marker), marker);
    const perCat = await (await client.get(`/feeds/${w.cat.code}.atom`)).text();
    assert.match(perCat, /<title>春耕补贴公开通知<\/title>/);
    assert.match(
      await (await client.get(`/catalogue/${w.cat.code}`)).text(),
      new RegExp(`/feeds/${w.cat.code}.atom`),
    );
    assert.equal((await client.get('/feeds/no_such_column.atom')).status, 404);

    const sitemap = parseDocument(await (await client.get('/sitemap.xml')).text(), { xmlMode: true });
    const urls = DomUtils.getElementsByTagName('url', sitemap.children).map((u) => ({
      loc: DomUtils.textContent(DomUtils.getElementsByTagName('loc', [u])[0]!),
      lastmod: DomUtils.getElementsByTagName('lastmod', [u]).map((e) => DomUtils.textContent(e))[0],
    }));
    const byPath = new Map(urls.map((u) => [u.loc.replace(/^http:\/\/localhost(:\d+)?/, ''), u.lastmod]));
    const item = await getPublication(t().db, w.pub);
    assert.equal(byPath.get(`/p/${w.pub}`), new Date(item.updatedAt).toISOString());
    const files = [...byPath.keys()].filter((p) => p.startsWith(`/p/${w.pub}/files/`));
    assert.equal(files.length, 1, 'its attachment is listed');
    assert.ok(byPath.get(files[0]!), 'with a lastmod');
    for (const p of published.items) assert.ok(byPath.has(`/p/${p.id}`), `item ${p.id} listed`);
    for (const id of Object.values(w.ids))
      assert.ok(![...byPath.keys()].some((p) => p.startsWith(`/p/${id}`)), String(id));
    for (const path of byPath.keys()) assert.equal((await client.get(path)).status, 200, path);
  });

  it('bad input is refused in Chinese and the typed draft is kept', async () => {
    const client = testApp(t().db, w.clock).client();
    await client.signIn(w.drafter.username);
    const form = {
      categoryId: String(w.cat.id),
      title: '保留我输入的标题',
      issuer: w.agency.name,
      body: '<p>正文</p><script>alert(1)</script>',
      attribute: 'proactive',
      formedOn: '2025-03-03',
    };
    const r1 = await client.post('/office/publications', form);
    assert.equal(r1.status, 400);
    const h1 = await r1.text();
    assert.match(h1, /不允许的“&lt;script>”标签/);
    assert.ok(h1.includes('保留我输入的标题'));
    const r2 = await client.post('/office/publications', {
      ...form,
      body: '正文',
      validity: 'repealed',
      repealedOn: '2025-01-01',
    });
    assert.equal(r2.status, 400);
    assert.match(await r2.text(), /废止它的文件/);
    // A draft to attach files to.
    const ok = await client.post('/office/publications', { ...form, body: '正文' });
    assert.equal(ok.status, 303);
    const id = Number(/\/office\/publications\/(\d+)/.exec(ok.headers.get('location')!)![1]);
    const disguised = new FormData();
    disguised.append('files', new File([PNG], '通知.pdf', { type: 'application/pdf' }));
    const r3 = await client.post(`/office/publications/${id}/attachments`, disguised);
    assert.equal(r3.status, 400);
    assert.match(await r3.text(), /实际内容与扩展名不符/);
    const big = new FormData();
    const bytes = new Uint8Array(20 * 1024 * 1024 + 1);
    bytes.set(PDF);
    big.append('files', new File([bytes], '大文件.pdf', { type: 'application/pdf' }));
    const r4 = await client.post(`/office/publications/${id}/attachments`, big);
    assert.equal(r4.status, 400);
    assert.match(await r4.text(), /超过 20 MB/);
    const exe = new FormData();
    exe.append('files', new File([new Uint8Array([0x4d, 0x5a])], 'setup.exe'));
    assert.match(
      await (await client.post(`/office/publications/${id}/attachments`, exe)).text(),
      /格式不支持/,
    );
    const att = await t()
      .db.selectFrom('publication_attachments')
      .select('id')
      .where('publication_id', '=', id)
      .execute();
    assert.equal(att.length, 0, 'nothing half-saved');
    // Publishing before the reviews: refused.
    const clerk = testApp(t().db, w.clock).client();
    await clerk.signIn(w.clerk.username);
    const r5 = await clerk.post(`/office/publications/${id}/publish`, { version: '1' });
    assert.equal(r5.status, 409);
    assert.match(await r5.text(), /审核未完成/);
    // Skipping a step through the review form: refused.
    const deputy = testApp(t().db, w.clock).client();
    await deputy.signIn(w.deputy.username);
    const r6 = await deputy.post(`/office/publications/${w.ids.inReview}/review`, {
      step: 'principal_approval',
      action: 'approve',
      version: String((await getPublication(t().db, w.ids.inReview)).version),
    });
    assert.equal(r6.status, 409);
    assert.match(await r6.text(), /不能跳过/);
  });
});
