import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp } from '../../test/support/http.ts';
import { PERSON } from '../../test/support/request-factories.ts';
import { loadDemoForTest } from '../../test/support/demo.ts';
import { findAgencyByCode } from '../org/org.queries.ts';
import { homeAgency } from '../org/home-agency.ts';
import { createAgency, updateAgency } from '../org/manage-agency.ts';
import { makeUser, systemCtx, TEST_PASSWORD } from '../../test/support/factories.ts';
import { parseColumnPath, rebaseLinks } from './portal-scope.ts';

const WYZ = '630223-WYZ';

test('column paths: a column, the county pages, and what never belongs to a column', () => {
  assert.deepEqual(parseColumnPath('/xxgk', '/xxgk/630223-WYZ/p/3'), {
    kind: 'column',
    code: '630223-WYZ',
    rest: '/p/3',
  });
  assert.deepEqual(parseColumnPath('/xxgk', '/xxgk/630223-WYZ'), { kind: 'column', code: WYZ, rest: '/' });
  assert.equal(parseColumnPath('/xxgk', '/xxgk')?.kind, 'county');
  assert.deepEqual(parseColumnPath('/xxgk', '/xxgk/search'), { kind: 'county', rest: '/search' });
  assert.equal(parseColumnPath('/xxgk', '/xxgk/630223-WYZ/office/requests'), null);
  assert.equal(parseColumnPath('/xxgk', '/catalogue'), null);
  assert.equal(
    rebaseLinks(
      '<a href="/p/1">x</a><a href="/office">o</a><a href="/xxgk">c</a><link href="/assets/site.css"><form action="/apply">',
      '/xxgk',
      '/xxgk/A',
    ),
    '<a href="/xxgk/A/p/1">x</a><a href="/office">o</a><a href="/xxgk">c</a><link href="/assets/site.css"><form action="/xxgk/A/apply">',
  );
});

describeEachDialect('web: the county portal', (t) => {
  test('county home, per-agency columns, county search with an agency filter, per-column feeds and sitemap, applying to a township', async () => {
    const { db } = t();
    if (!(await db.selectFrom('agencies').select('id').executeTakeFirst())) await loadDemoForTest(db);
    const wyz = (await findAgencyByCode(db, WYZ))!;
    const item = await db
      .selectFrom('publications')
      .select(['id', 'title'])
      .where('agency_id', '=', wyz.id)
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const c = testApp(db).client();

    const home = await (await c.get('/xxgk')).text();
    assert.match(home, /互助县政府信息公开/);
    for (const name of [
      '哈拉直沟乡人民政府',
      '威远镇人民政府',
      '丹麻镇人民政府',
      '互助土族自治县教育局',
      '互助土族自治县民政局',
    ])
      assert.ok(home.includes(name), `${name} in the directory`);
    assert.ok(home.includes(`href="/xxgk/${WYZ}/"`), 'the directory links every column');
    assert.match(home, /href="\/xxgk\/[^"/]+\/p\/\d+"/, 'newest items link into their column');
    assert.match(home, /乡镇\/街道/);
    const bulletin = /href="(\/xxgk\/630223-HLZG\/bulletins\/\d{4}-\d{2})">([^<]+)</.exec(home);
    assert.ok(bulletin, 'the township’s published 监督通报 are on the county home');
    const bulletinPage = await c.get(bulletin[1]!);
    assert.equal(bulletinPage.status, 200);
    assert.ok((await bulletinPage.text()).includes(`<h1>${bulletin[2]}</h1>`));

    const col = await c.get(`/xxgk/${WYZ}/`);
    assert.equal(col.status, 200);
    const colHtml = await col.text();
    assert.match(colHtml, /威远镇政府信息公开/);
    assert.ok(colHtml.includes(`href="/xxgk/${WYZ}/catalogue"`), 'the column menu stays in the column');
    assert.ok(colHtml.includes('href="/xxgk"'), 'the way back to the county home');
    assert.ok(colHtml.includes(`href="/xxgk/${WYZ}/p/${item.id}"`));
    assert.equal((await c.get(`/xxgk/${WYZ}/p/${item.id}`)).status, 200);
    // Another agency's item is never shown under a column not its own (or at `/`, the home township's): the visitor
    // is sent to the item's own column.
    for (const path of [`/xxgk/630223-HLZG/p/${item.id}`, `/p/${item.id}`, `/p/${item.id}/print`]) {
      const r = await c.get(path);
      assert.equal(r.status, 302, path);
      const to = `/xxgk/${WYZ}/p/${item.id}${path.endsWith('/print') ? '/print' : ''}`;
      assert.ok(r.headers.get('location')!.endsWith(to), `${path} → ${r.headers.get('location')}`);
    }
    assert.equal((await c.get('/xxgk/no-such-agency/')).status, 404);
    assert.equal((await c.get('/p/99999999')).status, 404);
    // What the township's clerk copies into the villages' WeChat groups links the item in its own column.
    const wyzClerk = await makeUser(db, wyz.id, ['clerk']);
    const office = testApp(db).client();
    await office.signIn(wyzClerk.username, TEST_PASSWORD);
    const msg = await office.get(`/office/publications/${item.id}/channels/wechat_group`);
    assert.equal(msg.status, 200);
    assert.ok((await msg.text()).includes(`/xxgk/${WYZ}/p/${item.id}`));
    const guide = await (await c.get(`/xxgk/${WYZ}/guide`)).text();
    assert.match(guide, /威远镇人民政府政府信息公开指南/);

    const all = await (await c.get(`/xxgk/search?q=${encodeURIComponent('演示数据')}`)).text();
    assert.ok(all.includes(`href="/xxgk/${WYZ}/p/${item.id}"`));
    assert.match(all, /哈拉直沟乡/, 'hits from several agencies');
    const one = await (await c.get(`/xxgk/search?q=${encodeURIComponent('演示数据')}&agency=${WYZ}`)).text();
    assert.ok(one.includes(`href="/xxgk/${WYZ}/p/${item.id}"`));
    assert.doesNotMatch(one, /href="\/xxgk\/630223-HLZG\/p\//, 'the agency filter narrows the search');

    const rss = await (await c.get(`/xxgk/${WYZ}/feeds/all.xml`)).text();
    assert.ok(rss.includes(`http://localhost:3000/xxgk/${WYZ}/p/${item.id}`));
    const sitemap = await (await c.get(`/xxgk/${WYZ}/sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    assert.ok(locs.length > 3);
    assert.ok(locs.every((l) => l.startsWith(`http://localhost:3000/xxgk/${WYZ}/`)));

    const form = await (await c.get(`/xxgk/${WYZ}/apply`)).text();
    assert.ok(form.includes(`action="/xxgk/${WYZ}/apply"`));
    const ok = await c.post(`/xxgk/${WYZ}/apply`, {
      ...PERSON,
      applicantName: '李桂英',
      infoDescription: `与“${item.title}”有关的会议记录`,
    });
    // Post/Redirect/Get: the receipt stays inside the township's column.
    assert.equal(ok.status, 303);
    assert.match(ok.headers.get('location') ?? '', new RegExp(`^/xxgk/${WYZ}/apply/receipt/[0-9a-f]{32}$`));
    const filed = await db
      .selectFrom('info_requests')
      .select(['agency_id'])
      .where('info_description', 'like', '%有关的会议记录')
      .executeTakeFirstOrThrow();
    assert.equal(Number(filed.agency_id), wyz.id, 'the request lands in that township’s ledger');
  });

  test('the portal’s agency list is memoised per portal version: an agency created or renamed shows at once', async () => {
    const { db } = t();
    if (!(await db.selectFrom('agencies').select('id').executeTakeFirst())) await loadDemoForTest(db);
    const county = (await findAgencyByCode(db, WYZ))!.parentId!;
    const c = testApp(db).client();
    const before = await (await c.get('/xxgk')).text();
    const code = `T-${Date.now().toString(36)}`;
    const ctx = systemCtx(db);
    const added = await createAgency(ctx, {
      code,
      name: '新设测试乡人民政府',
      shortName: '新设测试乡',
      kind: 'township',
      parentId: county,
      isPeopleGovernment: true,
    });
    assert.ok(!before.includes('新设测试乡人民政府'));
    assert.ok((await (await c.get('/xxgk')).text()).includes('新设测试乡人民政府'), 'a new column at once');
    assert.equal((await c.get(`/xxgk/${code}/`)).status, 200);
    await updateAgency(ctx, added.id, { name: '更名测试乡人民政府', shortName: '更名测试乡' });
    const after = await (await c.get('/xxgk')).text();
    assert.ok(
      after.includes('更名测试乡人民政府') && !after.includes('新设测试乡人民政府'),
      'renamed at once',
    );
    const search = await (await c.get(`/xxgk/search?q=${encodeURIComponent('公开')}`)).text();
    assert.ok(search.includes('更名测试乡人民政府'), 'the county search’s agency filter lists the new name');
  });

  test('the home agency’s column names its page at / as canonical; its sitemap and feed list those addresses', async () => {
    const { db } = t();
    // The suite's database: the demo is loaded once (by whichever test runs first).
    if (!(await db.selectFrom('agencies').select('id').executeTakeFirst())) await loadDemoForTest(db);
    const home = (await homeAgency(db))!;
    const other = (await findAgencyByCode(db, WYZ))!;
    assert.notEqual(home.id, other.id);
    const item = await db
      .selectFrom('publications')
      .select('id')
      .where('agency_id', '=', home.id)
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const c = testApp(db).client();
    const col = `/xxgk/${encodeURIComponent(home.code)}`;
    const canonical = (html: string) => /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];

    assert.equal(canonical(await (await c.get(`${col}/`)).text()), 'http://localhost:3000/');
    assert.equal(
      canonical(await (await c.get(`${col}/p/${item.id}`)).text()),
      `http://localhost:3000/p/${item.id}`,
    );
    assert.equal(
      canonical(await (await c.get(`${col}/search?q=${encodeURIComponent('公开')}`)).text()),
      `http://localhost:3000/search?q=${encodeURIComponent('公开')}`,
    );
    // The page at / is the canonical one itself; another agency's column is its own page.
    assert.equal(canonical(await (await c.get(`/p/${item.id}`)).text()), undefined);
    assert.equal(canonical(await (await c.get(`/xxgk/${WYZ}/`)).text()), undefined);

    const sitemap = await (await c.get(`${col}/sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    assert.ok(locs.length > 3);
    assert.ok(locs.every((l) => l.startsWith('http://localhost:3000/') && !l.includes('/xxgk/')));
    assert.deepEqual(
      locs,
      [...(await (await c.get('/sitemap.xml')).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!),
    );
    const rss = await (await c.get(`${col}/feeds/all.xml`)).text();
    assert.ok(rss.includes(`http://localhost:3000/p/${item.id}`));
    assert.ok(!rss.includes('/xxgk/'));
  });
});
