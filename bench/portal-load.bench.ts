/**
 * The portal under 200 connections (issue 12): home, catalogue list, an item, a cached search and uncached random
 * searches, each for a few seconds with autocannon on loopback against the real server (SQLite, 20,000 published
 * items). Prints requests/s, errors (non-2xx, resets, timeouts), p50 and p99 latency. Figures only, never asserted.
 */
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
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

const N = Number(process.env.GONGKAI_BENCH_ITEMS ?? 20_000);
const CONNECTIONS = Number(process.env.GONGKAI_BENCH_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.GONGKAI_BENCH_SECONDS ?? 5);
const WORDS =
  '春耕 补贴 低保 救助 乡村 振兴 道路 硬化 饮水 安全 宅基地 审核 土地 流转 农田 水利 财政 预算 决算 安全生产 森林 防火 防汛 应急 疫苗 接种 医保 缴费 养老 保险 就业 培训 危房 改造 垃圾 治理 厕所 革命 产业 合作社'.split(
    ' ',
  );

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

export async function run(): Promise<void> {
  const tdb = await createTestDatabase('sqlite');
  const db = tdb.db;
  await prepareDatabase(db, systemClock);
  const agency = await makeAgency(db);
  await db
    .insertInto('agency_settings')
    .values({ agency_id: agency.id, key: 'installation.home', value_json: 'true', updated_at: '' })
    .execute();
  const user = await makeUser(db, agency.id, ['drafter']);
  await ensureCatalogue(systemCtx(db), agency.id);
  const cats = (await listCategories(db, agency.id)).map((c) => c.id);
  const raw = sqliteHandle(db)!;
  const insPub =
    raw.prepare(`insert into publications (agency_id, office_id, category_id, status, attribute, index_no,
    title, doc_no, issuer, written_on, published_on, validity, body_html, body_text, doc_kind, is_major, formed_on, due_on,
    review_round, created_by, created_by_name, created_at, updated_at, version)
    values (?, null, ?, 'published', 'proactive', ?, ?, ?, ?, ?, ?, 'in_force', ?, ?, 'none', 0, ?, ?, 1, ?, 'bench', ?, ?, 1)`);
  const insDoc =
    raw.prepare(`insert into search_documents (kind, ref_id, agency_id, is_public, title, body, url,
    public_url, category_id, year, issuer, validity, doc_no, status, dated_on, tokens, updated_at)
    values ('publication', ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 'in_force', ?, 'published', ?, ?, ?)`);
  const insFts = raw.prepare(`insert into search_fts (rowid, tokens) values (?, ?)`);
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const w = () => WORDS[rnd(WORDS.length)]!;
  const now = new Date().toISOString();
  let lastId = 0;
  raw.transaction(() => {
    for (let i = 1; i <= N; i++) {
      const title = `关于${w()}${w()}工作的通知（第${i}号）`;
      const body = `各村：为做好${w()}和${w()}工作，现将有关事项通知如下。一、${w()}${w()}。二、请于月底前报送${w()}情况。`;
      const year = 2016 + (i % 10);
      const date = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const docNo = `测政〔${year}〕${i}号`;
      const cat = cats[i % cats.length]!;
      const r = insPub.run(
        agency.id,
        cat,
        `${agency.code}/${year}-${i}`,
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
      lastId = Number(r.lastInsertRowid);
      const tokens = tokenize([title, title, docNo, body].join('\n')).join(' ');
      const d = insDoc.run(
        lastId,
        agency.id,
        title,
        body,
        `/office/publications/${lastId}`,
        `/p/${lastId}`,
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
  const config = parseConfig({ GONGKAI_WORKER: '0', GONGKAI_DATA_DIR: '/tmp/gongkai-bench' });
  const app = createApp({ db, clock: systemClock, config, logger: createLogger('silent') });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const addr = server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  console.log(
    `${N} published items, ${CONNECTIONS} connections, ${SECONDS} s per page (autocannon, loopback, SQLite)`,
  );
  console.log('page                          req/s    errors   non-2xx   p50 ms   p99 ms');
  const pages: [string, string, undefined][] = [
    ['portal home /', '/', undefined],
    ['catalogue list', '/catalogue', undefined],
    ['item /p/:id', `/p/${lastId}`, undefined],
    ['search, cached query', `/search?q=${encodeURIComponent('低保 救助')}`, undefined],
    ['search, random uncached', '/search?q=x', undefined],
  ];
  for (const [name, path] of pages) {
    const random = name.includes('random');
    const r = await cannon({
      url: base + path,
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 20,
      requests: random
        ? [
            {
              setupRequest: (req) => ({
                ...req,
                path: `/search?q=${encodeURIComponent(`${w()}${w()} ${w()}`)}&page=${1 + rnd(3)}`,
              }),
            },
          ]
        : undefined,
    });
    const row = [
      name.padEnd(28),
      r.requests.average.toFixed(0).padStart(7),
      String(r.errors + r.timeouts).padStart(9),
      String(r.non2xx).padStart(9),
      r.latency.p50.toFixed(0).padStart(8),
      r.latency.p99.toFixed(0).padStart(8),
    ];
    console.log(row.join('  '));
  }
  // The portal home while random uncached searches hammer the same process (half the connections each).
  const randomSearch = {
    setupRequest: (req: autocannon.Request) => ({
      ...req,
      path: `/search?q=${encodeURIComponent(`${w()}${w()} ${w()}`)}&page=${1 + rnd(3)}`,
    }),
  };
  const [home, searches] = await Promise.all([
    cannon({ url: `${base}/`, connections: CONNECTIONS / 2, duration: SECONDS, timeout: 20 }),
    cannon({
      url: `${base}/search?q=x`,
      connections: CONNECTIONS / 2,
      duration: SECONDS,
      timeout: 20,
      requests: [randomSearch],
    }),
  ]);
  for (const [name, r] of [
    ['home, during random search', home],
    ['random search (concurrent)', searches],
  ] as const) {
    console.log(
      [
        name.padEnd(28),
        r.requests.average.toFixed(0).padStart(7),
        String(r.errors + r.timeouts).padStart(9),
        String(r.non2xx).padStart(9),
        r.latency.p50.toFixed(0).padStart(8),
        r.latency.p99.toFixed(0).padStart(8),
      ].join('  '),
    );
  }
  console.log('(non-2xx of random searches: 503 “搜索繁忙” once searching takes over half of each second)');
  await new Promise<void>((r) => server.close(() => r()));
  await tdb.close();
}
