import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './support/db.ts';
import { testApp, type TestClient } from './support/http.ts';
import { findCodeTokens } from './support/code-tokens.ts';
import { visibleText } from './support/visible-text.ts';
import { exportKind, exportText } from './support/export-text.ts';
import { shapeOf } from './support/url-shape.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { prepareDatabase } from '../src/setup.ts';
import { systemClock } from '../src/clock.ts';

/**
 * The whole demo township as `npm start` builds it: every role signs in and follows every back-office and portal
 * link it is shown (GET only), and a visitor walks the portal. No page may fail with a server error, and no link may
 * lead to a forbidden or missing page. Every page's visible text and the text of every export it links to (DOCX,
 * XLSX, PDF, CSV) must hold no internal code (test/support/code-tokens.ts: dotted identifiers, snake_case,
 * prefix:value codes, enum words, UUIDs, raw ids). JSON is exempt only for the open-data API; RSS/Atom feeds are
 * machine formats, and uploaded files (attachments, photos) are what people uploaded, not what the system writes.
 */

/** Links not followed: signing out, machine formats and people's own uploads. */
const SKIP =
  /sign-out|^\/api\/|^\/feeds\/|^\/assets\/|\/(files|attachments|photos)\/|\/attachments\/|\/evidence\/|\.(xml|json|txt)(\?|$)/;

/** At most this many pages of one shape (ids replaced by :id) per role, so the crawl stays finite. */
const PER_SHAPE = 3;

interface Crawl {
  /** Exports already read (the same file for every role that may open it). */
  exportsSeen: Set<string>;
  /** Pages read by any role. */
  visited: Set<string>;
  /** Sign-in names: people type them, so they are words, not codes. */
  usernames: Set<string>;
  pages: number;
  exports: number;
  hits: Map<string, string>;
}

async function crawl(c: TestClient, who: string, start: string[], out: Crawl, probes: string[] = []) {
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const queue = [...start, ...probes];
  const from = new Map<string, string>();
  let pages = 0;
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path) || out.exportsSeen.has(path)) continue;
    seen.add(path);
    const shape = shapeOf(path);
    const n = shapes.get(shape) ?? 0;
    if (n >= PER_SHAPE) continue;
    // Beyond its first page of a shape, a role reads pages no other role has read, so together they cover more.
    if (n >= 1 && out.visited.has(path)) continue;
    out.visited.add(path);
    shapes.set(shape, n + 1);
    const res = await c.get(path);
    pages++;
    const on = from.has(path) ? ` (linked from ${from.get(path)})` : '';
    assert.ok(res.status < 500, `${who}: GET ${path} → ${res.status}${on}`);
    // A probe is a page reached by a form, not a link: a role that may not use it gets not-found, which is right.
    const probe = probes.includes(path) && !from.has(path);
    if (!probe) {
      assert.notEqual(res.status, 403, `${who} is shown a link to a forbidden page: ${path}${on}`);
      assert.notEqual(res.status, 404, `${who} is shown a link to a missing page: ${path}${on}`);
    }
    const type = res.headers.get('content-type') ?? '';
    if (res.status !== 200) {
      await res.arrayBuffer();
      continue;
    }
    let text: string;
    if (type.includes('text/html')) {
      const html = await res.text();
      text = visibleText(html);
      for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
        const href = m[1]!.replaceAll('&amp;', '&');
        if (SKIP.test(href) || seen.has(href)) continue;
        if (!from.has(href)) from.set(href, path);
        queue.push(href);
      }
      out.pages++;
    } else {
      const kind = exportKind(type);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (!kind) continue;
      out.exportsSeen.add(path);
      text = await exportText(kind, bytes);
      out.exports++;
    }
    for (const h of findCodeTokens(text, out.usernames)) {
      const key = `${h.kind}: ${h.token}`;
      if (!out.hits.has(key)) out.hits.set(key, `${who} GET ${path}: …${h.context}…`);
    }
  }
  return pages;
}

describeEachDialect('every page and export of the demo is readable', (t) => {
  test('crawl as each demo role and as a visitor: no server error, no dead link, no internal code', async (tc) => {
    const { db } = t();
    await prepareDatabase(db, systemClock);
    const accounts = await loadDemo({
      db,
      clock: systemClock,
      actor: { kind: 'system', name: '演示数据' },
      meta: { ip: null },
    });
    await db.updateTable('users').set({ must_change_password: 0 }).execute();
    const { client } = testApp(db);
    const out: Crawl = {
      exportsSeen: new Set(),
      visited: new Set(),
      usernames: new Set(accounts.map((a) => a.username)),
      pages: 0,
      exports: 0,
      hits: new Map(),
    };
    // The channel pages (公众号文章, 微信群消息, 公开栏 PDF) are reached by a form, not a link: start there too.
    const published = await db
      .selectFrom('publications')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const channels = ['wechat_account', 'wechat_group', 'notice_board'].map(
      (ch) => `/office/publications/${published.id}/channels/${ch}`,
    );
    const visitor = await crawl(client(), '访客', ['/'], out);
    assert.ok(visitor > 10, `the visitor reached ${visitor} pages`);
    for (const a of accounts) {
      const c = client();
      assert.equal((await c.signIn(a.username, a.password)).status, 303, a.username);
      const pages = await crawl(c, a.username, ['/office', '/'], out, channels);
      assert.ok(pages > 5, `${a.username} reached ${pages} pages`);
    }
    assert.ok(out.exports > 5, `exports opened: ${out.exports}`);
    tc.diagnostic(`read ${out.pages} pages and ${out.exports} exports`);
    const hits = [...out.hits].map(([k, where]) => `${k}  (${where})`);
    assert.ok(
      hits.length === 0,
      `internal codes shown to people (${out.pages} pages, ${out.exports} exports):\n${hits.join('\n')}`,
    );
  });
});
