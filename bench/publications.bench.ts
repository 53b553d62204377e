/**
 * 主动公开 at scale: 200,000 published items (GONGKAI_BENCH_ITEMS sets another count). Prints search p50/p95
 * against the bare full-text match, portal list and detail requests/s (cached and uncached) against a static
 * response of the same bytes from the same process, and memory under load. Loopback only; bounded loops; SQLite
 * (the township default).
 */
import { serve } from '@hono/node-server';
import { createTestDatabase } from '../test/support/db.ts';
import { makeAgency, makeUser, systemCtx } from '../test/support/factories.ts';
import { sqliteHandle } from '../src/db/database.ts';
import { prepareDatabase } from '../src/setup.ts';
import { systemClock } from '../src/clock.ts';
import { parseConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createApp } from '../src/web/server.tsx';
import { ensureCatalogue } from '../src/publications/seed-catalogue.ts';
import { listCategories } from '../src/publications/publications.queries.ts';
import { tokenize } from '../src/search/tokenize.ts';
import { matchIds, searchDocuments } from '../src/search/search-index.ts';
import { load } from './support.ts';

const N = Number(process.env.GONGKAI_BENCH_ITEMS ?? 200_000);
const WORDS =
  '春耕 补贴 低保 救助 乡村 振兴 道路 硬化 饮水 安全 宅基地 审核 土地 流转 农田 水利 财政 预算 决算 安全生产 森林 防火 防汛 应急 疫苗 接种 医保 缴费 养老 保险 就业 培训 危房 改造 垃圾 治理 厕所 革命 产业 合作社'.split(
    ' ',
  );

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
let failures = 0;

/** Requests/s of `n` requests (8 in flight) with this visitor's headers; `vary` makes each URL distinct (uncached). */
async function rps(url: string, n: number, headers: Record<string, string>, vary = false): Promise<number> {
  const r = await load(vary ? (i) => `${url}${url.includes('?') ? '&' : '?'}v=${i}` : url, n, 8, () => ({
    headers,
  }));
  failures += r.resets; // a reset loopback connection is counted, not retried
  return r.rps;
}

export async function run(): Promise<void> {
  const tdb = await createTestDatabase('sqlite');
  await prepareDatabase(tdb.db, systemClock);
  const db = tdb.db;
  const agency = await makeAgency(db);
  const user = await makeUser(db, agency.id, ['drafter']);
  await ensureCatalogue(systemCtx(db), agency.id);
  const cats = (await listCategories(db, agency.id)).map((c) => c.id);
  const raw = sqliteHandle(db)!;

  // Bulk insert in one transaction through prepared statements.
  let t0 = performance.now();
  const insPub =
    raw.prepare(`insert into publications (agency_id, office_id, category_id, status, attribute, index_no, title,
    doc_no, issuer, written_on, published_on, validity, body_html, body_text, doc_kind, is_major, formed_on, due_on,
    review_round, created_by, created_by_name, created_at, updated_at, version)
    values (?, null, ?, 'published', 'proactive', ?, ?, ?, ?, ?, ?, 'in_force', ?, ?, 'none', 0, ?, ?, 1, ?, 'bench', ?, ?, 1)`);
  const insDoc =
    raw.prepare(`insert into search_documents (kind, ref_id, agency_id, is_public, title, body, url, public_url,
    category_id, year, issuer, validity, doc_no, status, dated_on, tokens, updated_at)
    values ('publication', ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 'in_force', ?, 'published', ?, ?, ?)`);
  const insFts = raw.prepare(`insert into search_fts (rowid, tokens) values (?, ?)`);
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const now = new Date().toISOString();
  raw.transaction(() => {
    for (let i = 1; i <= N; i++) {
      const w = () => WORDS[rnd(WORDS.length)]!;
      const title = `关于${w()}${w()}工作的通知（第${i}号）`;
      const body = `各村：为做好${w()}和${w()}工作，现将有关事项通知如下。一、${w()}${w()}。二、${w()}${w()}。三、请于月底前报送${w()}情况。`;
      const year = 2016 + (i % 10);
      const date = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const docNo = `测政〔${year}〕${i}号`;
      const cat = cats[i % cats.length]!;
      const r = insPub.run(
        agency.id,
        cat,
        `${agency.code}/${year}-${String(i).padStart(6, '0')}`,
        title,
        docNo,
        agency.name,
        date,
        date,
        `<p>${body}</p>`,
        body,
        date,
        date,
        user.id,
        now,
        now,
      );
      const id = Number(r.lastInsertRowid);
      const tokens = tokenize([title, title, docNo, body].join('\n')).join(' ');
      const d = insDoc.run(
        id,
        agency.id,
        title,
        body,
        `/office/publications/${id}`,
        `/p/${id}`,
        cat,
        year,
        agency.name,
        docNo,
        date,
        tokens,
        now,
      );
      insFts.run(Number(d.lastInsertRowid), tokens);
    }
  })();
  console.log(`bulk insert of ${N} published items: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Search against the bare FTS match.
  const queries = [
    '春耕补贴',
    '宅基地',
    '低保',
    '安全生产',
    '乡',
    '2021',
    '森林防火 应急',
    '第12345号',
    '合作社产业',
    '不存在的词语',
  ];
  const full: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      t0 = performance.now();
      await searchDocuments(db, {
        q,
        agencyIds: [agency.id],
        publicOnly: true,
        kinds: ['publication'],
        limit: 20,
      });
      full.push(performance.now() - t0);
      t0 = performance.now();
      await matchIds(db, q, 20);
      bare.push(performance.now() - t0);
      if (round === 0) console.log(`  ${q}: search ${fmt(full.at(-1)!)}, bare ${fmt(bare.at(-1)!)}`);
    }
  }
  console.log(
    `search (${full.length} queries, incl. total count, filters, ranking, snippets): p50 ${fmt(pct(full, 50))}, p95 ${fmt(pct(full, 95))}`,
  );
  console.log(
    `bare FTS match (first 20 ids):                       p50 ${fmt(pct(bare, 50))}, p95 ${fmt(pct(bare, 95))}`,
  );
  console.log(
    `ratio search / bare: p50 ×${(pct(full, 50) / Math.max(pct(bare, 50), 0.001)).toFixed(1)}, p95 ×${(pct(full, 95) / Math.max(pct(bare, 95), 0.001)).toFixed(1)}`,
  );

  // Portal throughput against a static response of the same bytes from the same process.
  const config = parseConfig({ GONGKAI_DATA_DIR: '/tmp/gongkai-bench-data', GONGKAI_WORKER: '0' });
  const app = createApp({ db, clock: systemClock, config, logger: createLogger('silent') });
  const statics = new Map<string, Uint8Array>();
  app.get('/bench-static/:name', (c) =>
    c.body(statics.get(c.req.param('name'))! as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'text/html; charset=utf-8',
    }),
  );
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const addr = server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  // One visitor's cookie, so every request reuses the same CSRF token (as a browser does).
  const first = await fetch(`${base}/catalogue/notices`);
  const cookie = first.headers
    .getSetCookie()
    .map((s) => s.split(';')[0])
    .join('; ');
  const headers = { cookie };
  const mem0 = process.memoryUsage();
  for (const [name, path] of [
    ['list', '/catalogue/notices'],
    ['detail', `/p/${Math.floor(N / 2)}`],
  ] as const) {
    const bytes = new Uint8Array(await (await fetch(`${base}${path}`, { headers })).arrayBuffer());
    statics.set(name, bytes);
    await rps(`${base}${path}`, 200, headers); // warm-up
    const staticRps = await rps(`${base}/bench-static/${name}`, 3000, headers);
    const cachedRps = await rps(`${base}${path}`, 3000, headers);
    const uncachedRps = await rps(`${base}${path}`, 600, headers, true);
    console.log(
      `${name.padEnd(6)} (${(bytes.length / 1024).toFixed(1)} KB): static ${staticRps.toFixed(0)} req/s · cached ${cachedRps.toFixed(0)} req/s (${((cachedRps / staticRps) * 100).toFixed(0)}% of static) · uncached ${uncachedRps.toFixed(0)} req/s`,
    );
  }
  const mem1 = process.memoryUsage();
  if (failures)
    console.log(`(${failures} requests failed with a reset connection and were not counted as retries)`);
  console.log(
    `memory: rss ${(mem0.rss / 1048576).toFixed(0)} → ${(mem1.rss / 1048576).toFixed(0)} MB, heap used ${(mem0.heapUsed / 1048576).toFixed(0)} → ${(mem1.heapUsed / 1048576).toFixed(0)} MB`,
  );
  await new Promise<void>((r) => server.close(() => r()));
  await tdb.close();
}
