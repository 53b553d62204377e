/**
 * The county scenario on PostgreSQL (issue 17): 200 agencies, 1,000,000 publications, 200,000 requests, 13 villages
 * per township with a year of items, loaded with COPY, at each scale factor of GONGKAI_BENCH_SCALES (default "1";
 * "1,4,16" for the province curves of docs/scale.md). Opt-in: `npm run bench county` (it takes minutes per scale).
 *
 * Every figure is a ratio against a baseline measured in the same run: cached pages against nginx serving the
 * same bytes, uncached search against the bare full-text query, the county aggregations against their bare SQL;
 * and the app's RSS under load. Each scenario is one function in SCENARIOS taking the loaded county; a new page or
 * view (the county portal, the county dashboard) is one more function there. The database is dropped at the end.
 */
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../src/db/database.ts';
import { PG_ADMIN_URL } from '../test/support/db.ts';
import { ctxAs, userActor } from '../test/support/factories.ts';
import { wireFeatures } from '../src/features.ts';
import { requestDashboard } from '../src/dashboards/request-dashboard.ts';
import { publicationDashboard } from '../src/dashboards/publication-dashboard.ts';
import { reportOverview } from '../src/annual-report/generator/report-overview.ts';
import { searchDocuments, tsQuery } from '../src/search/search-index.ts';
import { queryTerms } from '../src/search/tokenize.ts';
import { OPEN_STATES } from '../src/requests/index.ts';
import { getUser } from '../src/org/org.queries.ts';
import { systemClock } from '../src/clock.ts';
import {
  countyDashboard,
  INQUIRY_WAITING,
  stuckBefore,
  UNPUBLISHED,
} from '../src/county/county-dashboard.ts';
import { generateCounty, VOCABULARY, type CountyData } from './county/generate.ts';
import { rng } from '../src/annual-report/testing/synthetic.ts';
import { measure } from './support.ts';
import {
  cpuMs,
  processTree,
  randomPathsScript,
  rssMb,
  startApp,
  startNginx,
  visitorCookie,
  wrk,
  type AppProcess,
  type WrkResult,
} from './county/tools.ts';

/** Only when named (`npm run bench county`): the default `npm run bench` stays short. */
export const optIn = true;

const SCALES = (process.env.GONGKAI_BENCH_SCALES ?? '1').split(',').map(Number);
const SECONDS = Number(process.env.GONGKAI_BENCH_SECONDS ?? 2);

export interface CountyEnv {
  data: CountyData;
  db: Db;
  url: string;
  app: AppProcess;
  /** A visitor's cookie header (the CSRF cookie a browser keeps after its first page). */
  cookie: string;
}

/** One figure: `value` against `baseline` (the ratio is value / baseline unless `higherIsBetter`). */
export interface Figure {
  scenario: string;
  what: string;
  value: number;
  baseline?: number;
  unit: string;
  higherIsBetter?: boolean;
  note?: string;
}

export type Scenario = (env: CountyEnv) => Promise<Figure[]>;

const pctOf = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

/** Cached public pages through the app against nginx serving the same bytes and headers; RSS under the load. */
export const cachedPages: Scenario = async ({ data, app, cookie }) => {
  const paths: [string, string][] = [
    ['home', '/'],
    ['catalogue', `/catalogue/${data.home.categoryCode}`],
    ['item', `/p/${data.home.publicationId}`],
    ['rss', `/feeds/${data.home.categoryCode}.xml`],
  ];
  const pages = [];
  for (const [name, path] of paths) {
    const r = await fetch(app.base + path, { headers: { cookie } });
    const body = Buffer.from(await r.arrayBuffer());
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    pages.push({ name, path, body, headers: Object.fromEntries(r.headers) });
  }
  const nginx = await startNginx(pages);
  const out: Figure[] = [];
  try {
    for (const p of pages) {
      // Interleaved rounds (nginx, app, nginx, app, …): the machine's noise falls on both; medians are compared.
      const ng: WrkResult[] = [];
      const gk: WrkResult[] = [];
      let peak = 0;
      for (let round = 0; round < 5; round++) {
        ng.push(await wrk(`${nginx.base}/${p.name}`, { connections: 64, seconds: SECONDS }));
        const sampler = setInterval(() => (peak = Math.max(peak, rssMb(app.pid))), 250);
        gk.push(await wrk(app.base + p.path, { connections: 64, seconds: SECONDS, headers: { cookie } }));
        clearInterval(sampler);
      }
      // The pair whose ratio is the median of the five pairs; the best rounds are printed beside it.
      const order = gk.map((_, i) => i).sort((a, b) => gk[a]!.rps / ng[a]!.rps - gk[b]!.rps / ng[b]!.rps);
      const [n, g] = [ng[order[2]!]!, gk[order[2]!]!];
      const best = (xs: WrkResult[]) => Math.max(...xs.map((x) => x.rps));
      out.push({
        scenario: 'cached page',
        what: `${p.name} (${(p.body.length / 1024).toFixed(1)} KB), 64 conn., req/s`,
        value: g.rps,
        baseline: n.rps,
        unit: 'req/s',
        higherIsBetter: true,
        note: `median pair; best rounds ${best(gk).toFixed(0)} vs ${best(ng).toFixed(0)} req/s (${((best(gk) / best(ng)) * 100).toFixed(0)}%); p99 ${g.p99.toFixed(1)} vs ${n.p99.toFixed(1)} ms; non-2xx ${g.non2xx}; RSS peak ${peak.toFixed(0)} MB`,
      });
    }
  } finally {
    await nginx.stop();
  }
  return out;
};

/** The app's PostgreSQL pool in the bench (tools.ts sets GONGKAI_PG_POOL=20); the bare load uses the same size. */
const APP_POOL = 20;
const LOAD_CONNECTIONS = 200;
/** Search-gate sizes (GONGKAI_SEARCH_CONCURRENCY) and process counts the random-query load is repeated with. */
const SEARCH_GATES = (process.env.GONGKAI_BENCH_SEARCH_GATES ?? '1,2,4,8,16').split(',').map(Number);
const SEARCH_PROCESSES = (process.env.GONGKAI_BENCH_SEARCH_PROCESSES ?? '2,4')
  .split(',')
  .filter(Boolean)
  .map(Number);

/**
 * The bare query's throughput: LOAD_CONNECTIONS callers, each sending the next query as soon as its last one is
 * answered, through a pool of APP_POOL connections, for `seconds` (the same shape as wrk against the app).
 */
export async function bareThroughput(
  url: string,
  text: string,
  params: () => unknown[],
  seconds = Math.max(SECONDS, 6),
): Promise<{ rps: number; p50: number; p99: number; seconds: number }> {
  const pool = new pg.Pool({ connectionString: url, max: APP_POOL });
  const lat: number[] = [];
  try {
    await Promise.all(Array.from({ length: APP_POOL }, () => pool.query('select 1')));
    const t0 = performance.now();
    const end = t0 + seconds * 1000;
    await Promise.all(
      Array.from({ length: LOAD_CONNECTIONS }, async () => {
        while (performance.now() < end) {
          const s = performance.now();
          await pool.query(text, params());
          lat.push(performance.now() - s);
        }
      }),
    );
    const secs = (performance.now() - t0) / 1000;
    return { rps: lat.length / secs, p50: pctOf(lat, 50), p99: pctOf(lat, 99), seconds: secs };
  } finally {
    await pool.end();
  }
}

/**
 * CPU time (ms) that `pids()` and this database's PostgreSQL backends use while `run` runs: on a shared machine
 * the scheduler's share swings with the other users' load, the CPU a search costs does not.
 */
export async function withCpu<T>(
  url: string,
  pids: () => number[],
  run: () => Promise<T>,
): Promise<{ value: T; clientMs: number; pgMs: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const backends = async () =>
    (
      await c.query<{ pid: number }>(
        'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      )
    ).rows.map((r) => r.pid);
  try {
    const before = new Map((await backends()).map((p) => [p, cpuMs(p)]));
    const mine = new Map(pids().map((p) => [p, cpuMs(p)]));
    // Backends and processes seen during the run, so one that ends before the last read is still counted.
    const seen = new Set(before.keys());
    // One look at a time, awaited before the client closes.
    let looking: Promise<void> = Promise.resolve();
    const watch = setInterval(() => {
      looking = looking
        .then(backends)
        .then((ps) => ps.forEach((p) => seen.has(p) || (seen.add(p), before.set(p, 0))))
        .catch(() => undefined);
      for (const p of pids()) if (!mine.has(p)) mine.set(p, 0);
    }, 500);
    const last = new Map<number, number>();
    const sample = setInterval(
      () => [...before.keys()].forEach((p) => last.set(p, cpuMs(p) || (last.get(p) ?? 0))),
      250,
    );
    let value: T;
    try {
      value = await run();
    } finally {
      clearInterval(watch);
      clearInterval(sample);
      await looking;
    }
    let pgMs = 0;
    for (const [p, t0] of before) pgMs += Math.max(cpuMs(p) || (last.get(p) ?? 0), t0) - t0;
    let clientMs = 0;
    for (const [p, t0] of mine) clientMs += Math.max(cpuMs(p), t0) - t0;
    return { value, clientMs, pgMs };
  } finally {
    await c.end();
  }
}

/**
 * The bare query: the same match, filters and ranking of one page, straight through the driver. One agency's public
 * search matches its scoped lexemes (`<agency>@<token>`, migration 2026_12_07_0100), as `searchDocuments` does;
 * a list of agencies matches the plain lexemes and filters by agency.
 */
export const BARE_SEARCH_SQL = `select id from search_documents d where d.tsv @@ cast($1 as tsquery)
      order by ts_rank(d.tsv, cast($1 as tsquery)) desc, d.dated_on desc, d.id desc limit 20`;
export const BARE_LIST_SEARCH_SQL = `select id from search_documents d where d.tsv @@ cast($1 as tsquery) and d.is_public = 1
      and d.agency_id = any($2) order by ts_rank(d.tsv, cast($1 as tsquery)) desc, d.dated_on desc, d.id desc limit 20`;

/** The bare ranked query for a search over `ids`: its SQL and parameters. */
export function bareSearch(q: string, ids: number[]): [string, unknown[]] {
  return ids.length === 1 ? [BARE_SEARCH_SQL, [tsq(q, ids[0])]] : [BARE_LIST_SEARCH_SQL, [tsq(q), ids]];
}

export function randomQueries(n: number, seed: number): string[] {
  const r = rng(seed);
  const w = () => VOCABULARY[Math.floor(r() * VOCABULARY.length)]!;
  return Array.from({ length: n }, (_, i) => (i % 2 ? `${w()} ${w()}` : w()));
}

export const tsq = (q: string, scope?: number) => tsQuery(queryTerms(q), scope);

/** Uncached searches: the portal's page against the bare ranked full-text query, then random ones at 200 conn. */
export const search: Scenario = async ({ data, db, app, cookie, url }) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const queries = randomQueries(200, data.scale * 1000 + 1);
  const bare: number[] = [];
  const page: number[] = [];
  const county: number[] = [];
  const countyBare: number[] = [];
  const one: number[] = [];
  const shell: number[] = [];
  const cached: number[] = [];
  const all = (await sql<{ id: number }>`select id from agencies`.execute(db)).rows.map((a) => a.id);
  try {
    for (const [i, q] of queries.entries()) {
      let t0 = performance.now();
      await client.query(...bareSearch(q, [data.home.id]));
      bare.push(performance.now() - t0);
      t0 = performance.now();
      const r = await fetch(`${app.base}/search?q=${encodeURIComponent(q)}`, { headers: { cookie } });
      await r.arrayBuffer();
      page.push(performance.now() - t0);
      // The page without words (form and layout, no search) the same way: what any page costs over HTTP. A new
      // address each time (an unknown parameter), so it is rendered, not served from the page cache.
      t0 = performance.now();
      await (
        await fetch(`${app.base}/search?shell=${data.scale}-${i}`, { headers: { cookie } })
      ).arrayBuffer();
      shell.push(performance.now() - t0);
      // A page the page cache answers (the search form, no words): the HTTP round trip every page pays, through the
      // same client, with no rendering and no query.
      t0 = performance.now();
      await (await fetch(`${app.base}/search`, { headers: { cookie } })).arrayBuffer();
      cached.push(performance.now() - t0);
      t0 = performance.now();
      await searchDocuments(db, {
        q,
        agencyIds: [data.home.id],
        publicOnly: true,
        kinds: ['publication'],
        limit: 20,
      });
      one.push(performance.now() - t0);
      t0 = performance.now();
      await client.query(...bareSearch(q, all));
      countyBare.push(performance.now() - t0);
      t0 = performance.now();
      await searchDocuments(db, { q, agencyIds: all, publicOnly: true, kinds: ['publication'], limit: 20 });
      county.push(performance.now() - t0);
    }
  } finally {
    await client.end();
  }
  const loadQueries = randomQueries(4000, data.scale * 1000 + 2);
  const paths = loadQueries.map((q) => `/search?q=${encodeURIComponent(q)}`);
  const tsqs = loadQueries.map((q) => tsq(q, data.home.id));
  // Random queries at 200 connections, each pair of runs interleaved: the bare ranked query through a pool of the
  // app's size (what PostgreSQL itself answers on this machine right now), then the app in one configuration.
  const seconds = Math.max(SECONDS, 6);
  const configs: { what: string; env: Record<string, string>; processes: number }[] = [
    { what: 'search gate 4 (default), 1 process', env: {}, processes: 1 },
    ...SEARCH_GATES.filter((g) => g !== 4).map((g) => ({
      what: `search gate ${g}, 1 process`,
      env: { GONGKAI_SEARCH_CONCURRENCY: String(g) },
      processes: 1,
    })),
    ...SEARCH_PROCESSES.map((n) => ({
      what: `search gate 4, ${n} processes (cluster), pool ${Math.ceil(APP_POOL / n)} each`,
      env: { GONGKAI_PG_POOL: String(Math.ceil(APP_POOL / n)) },
      processes: n,
    })),
  ];
  const loadFigures: Figure[] = [];
  for (const [i, cfg] of configs.entries()) {
    if (i > 0) await app.restart(cfg.env, cfg.processes);
    // A freshly started process compiles its code on the first requests: warm every process up before measuring.
    await wrk(`${app.base}/search`, {
      connections: 8 * cfg.processes,
      seconds: 3,
      script: randomPathsScript(paths, true),
      headers: { cookie },
    });
    const bare = await withCpu(
      url,
      () => [process.pid],
      () =>
        bareThroughput(url, BARE_SEARCH_SQL, () => {
          const k = Math.floor(Math.random() * tsqs.length);
          return [tsqs[k]];
        }),
    );
    const bareRun = bare.value;
    const bareN = bareRun.rps * bareRun.seconds;
    const run = await withCpu(
      url,
      () => processTree(app.pid),
      () =>
        wrk(`${app.base}/search`, {
          connections: LOAD_CONNECTIONS,
          seconds,
          script: randomPathsScript(paths, true),
          headers: { cookie },
        }),
    );
    const loaded = run.value;
    const appN = loaded.rps * seconds;
    const perReq = (ms: number, n: number) => (n ? ms / n : NaN);
    loadFigures.push({
      scenario: 'uncached search',
      what: `random queries, ${LOAD_CONNECTIONS} conn., 2xx req/s: ${cfg.what}`,
      value: loaded.okRps,
      baseline: bareRun.rps,
      unit: 'req/s',
      higherIsBetter: true,
      note: `app p50 ${loaded.p50.toFixed(0)} ms, p99 ${loaded.p99.toFixed(0)} ms, 503 (搜索繁忙) ${loaded.non2xx}, socket errors ${loaded.errors}; bare query p50 ${bareRun.p50.toFixed(1)} ms, p99 ${bareRun.p99.toFixed(1)} ms; load average ${os.loadavg()[0]!.toFixed(1)}`,
    });
    // CPU per answer: what the machine's two cores would yield if this load had them to itself.
    const appCpu = perReq(run.clientMs + run.pgMs, appN);
    const bareCpu = perReq(bare.clientMs + bare.pgMs, bareN);
    loadFigures.push({
      scenario: 'uncached search',
      what: `  CPU per answer (app + PostgreSQL): ${cfg.what}`,
      value: appCpu,
      baseline: bareCpu,
      unit: 'ms',
      note: `app process(es) ${perReq(run.clientMs, appN).toFixed(2)} ms + PostgreSQL ${perReq(run.pgMs, appN).toFixed(2)} ms; bare: driver ${perReq(bare.clientMs, bareN).toFixed(2)} ms + PostgreSQL ${perReq(bare.pgMs, bareN).toFixed(2)} ms; ${os.cpus().length} cores at 100% would give ${((os.cpus().length * 1000) / appCpu).toFixed(0)} vs ${((os.cpus().length * 1000) / bareCpu).toFixed(0)} req/s`,
    });
  }
  if (configs.length > 1) await app.restart({}, 1);
  const f = (what: string, xs: number[], base: number[] | null, p: number): Figure => ({
    scenario: 'uncached search',
    what: `${what} p${p}`,
    value: pctOf(xs, p),
    ...(base ? { baseline: pctOf(base, p) } : {}),
    unit: 'ms',
  });
  return [
    f('portal page (one agency)', page, bare, 50),
    f('portal page (one agency)', page, bare, 95),
    f('portal page without words (its shell)', shell, null, 50),
    f('portal page without words (its shell)', shell, null, 95),
    f('a cached page (the HTTP round trip alone)', cached, null, 50),
    f('a cached page (the HTTP round trip alone)', cached, null, 95),
    // Each round's page less the same round's cached page: what the app adds to the search beyond the round trip.
    f(
      'portal page less the round trip',
      page.map((x, k) => x - cached[k]!),
      bare,
      50,
    ),
    f(
      'portal page less the round trip',
      page.map((x, k) => x - cached[k]!),
      bare,
      95,
    ),
    f('searchDocuments, one agency (the portal page’s search)', one, bare, 50),
    f('searchDocuments, one agency (the portal page’s search)', one, bare, 95),
    f('searchDocuments over every agency', county, countyBare, 50),
    f('searchDocuments over every agency', county, countyBare, 95),
    ...loadFigures,
  ];
};

/**
 * The county-year aggregates as bare SQL over one county's agencies (`ids`): what the request dashboard, the
 * publication dashboard and the report overview compute, the baselines of the aggregations and of the curve.
 */
function bareCountySql(db: Db, ids: number[], year: number) {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const today = new Date().toISOString().slice(0, 10);
  const open = [...OPEN_STATES];
  return {
    requests: () =>
      sql`select agency_id, count(*) filter (where received_on between ${first} and ${last}) as received,
        count(*) filter (where closed_on between ${first} and ${last}) as closed,
        count(*) filter (where status in (${sql.join(open)})) as open,
        count(*) filter (where status in (${sql.join(open)}) and due_on < ${today}) as overdue,
        count(*) filter (where closed_on between ${first} and ${last} and closed_on > due_on) as late
      from info_requests where agency_id in (${sql.join(ids)})
        and ((received_on between ${first} and ${last}) or (closed_on between ${first} and ${last})
          or status in (${sql.join(open)}))
      group by agency_id`.execute(db),
    publications: () =>
      sql`select agency_id, category_id, substr(published_on, 6, 2) as month, published_on <= due_on as on_time,
        count(*) as n
      from publications where agency_id in (${sql.join(ids)}) and status = 'published' and attribute = 'proactive'
        and published_on between ${first} and ${last}
      group by 1, 2, 3, 4`.execute(db),
    // Every agency below with its report of the year before and its deadline setting.
    reports: () =>
      sql`select a.id, a.code, a.name, a.kind, a.parent_id, r.status, r.origin, r.cells_json, r.findings_json,
        s.value_json from agencies a
      left join annual_reports r on r.agency_id = a.id and r.year = ${year - 1}
      left join agency_settings s on s.agency_id = a.id and s.key = 'annual_report.deadline'
      where a.id in (${sql.join(ids)})`.execute(db),
  };
}

/**
 * The county's aggregations: the supervising dashboard, the request and publication dashboards over every agency
 * below, the report overview.
 */
export async function aggregationCases(
  db: Db,
): Promise<[string, () => Promise<unknown>, () => Promise<unknown>][]> {
  // The first county and its inspector (the generator makes one per run), the year of the data.
  const county = Number(
    (await sql<{ id: unknown }>`select min(id) as id from agencies where parent_id is null`.execute(db))
      .rows[0]!.id,
  );
  const inspector = await sql<{ id: unknown }>`select u.id from users u join user_roles r on r.user_id = u.id
    where u.agency_id = ${county} and r.role = 'inspector' order by u.id limit 1`.execute(db);
  const ctx = ctxAs(db, userActor(await getUser(db, Number(inspector.rows[0]!.id))));
  const year = Number(systemClock.today().slice(0, 4));
  const ids = (
    await sql<{ id: number }>`select id from agencies where id = ${county} or parent_id = ${county}`.execute(
      db,
    )
  ).rows.map((r) => r.id);
  const today = new Date().toISOString().slice(0, 10);
  const open = [...OPEN_STATES];
  const bare = bareCountySql(db, ids, year);
  // The supervising dashboard's figures: one grouped count per table over the agencies below (not the county),
  // then their report of last year and its deadline setting.
  const below = ids.filter((id) => id !== county);
  const stuck = stuckBefore(new Date());
  const bareCounty = async () => {
    const counts = await sql`select agency_id, 'overdueRequests' as k, count(*) as n from info_requests
        where agency_id in (${sql.join(below)}) and status in (${sql.join(open)}) and due_on < ${today}
        group by agency_id
      union all select agency_id, 'latePublications', count(*) from publications
        where agency_id in (${sql.join(below)}) and attribute = 'proactive' and status in (${sql.join(UNPUBLISHED)})
          and due_on < ${today} group by agency_id
      union all select agency_id, 'stuckReviews', count(*) from publications
        where agency_id in (${sql.join(below)}) and status = 'in_review' and updated_at < ${stuck} group by agency_id
      union all select agency_id, 'lateVillageItems', count(*) from village_disclosures
        where agency_id in (${sql.join(below)}) and status <> 'published' and due_on < ${today} group by agency_id
      union all select agency_id, 'overdueInquiries', count(*) from inquiries
        where agency_id in (${sql.join(below)}) and status in (${sql.join(INQUIRY_WAITING)}) and due_on < ${today}
        group by agency_id
      union all select agency_id, 'openProblems', count(*) from sv_problems
        where agency_id in (${sql.join(below)}) and status <> 'closed' group by agency_id`.execute(db);
    const reports = await sql`select a.id, a.kind, r.status, s.value_json from agencies a
      left join annual_reports r on r.agency_id = a.id and r.year = ${year - 1}
      left join agency_settings s on s.agency_id = a.id and s.key = 'annual_report.deadline'
      where a.id in (${sql.join(below)})`.execute(db);
    return [counts, reports];
  };
  return [
    ['county supervising dashboard (every agency below)', () => countyDashboard(ctx), bareCounty],
    [
      'request dashboard (county, every agency below)',
      () => requestDashboard(ctx, county, year),
      bare.requests,
    ],
    ['publication dashboard (county)', () => publicationDashboard(ctx, county, year), bare.publications],
    ['annual-report overview (county)', () => reportOverview(ctx, county, year - 1), bare.reports],
  ];
}

export const aggregations: Scenario = async ({ db }) => {
  const rows = await aggregationCases(db);
  const out: Figure[] = [];
  for (const [what, useCase, bare] of rows) {
    const b = await measure(bare, 10, 2);
    const u = await measure(useCase, 10, 2);
    out.push({
      scenario: 'county aggregation',
      what: `${what}, p10`,
      value: u.p10,
      baseline: b.p10,
      unit: 'ms',
      note: `median ${u.p50.toFixed(1)} vs ${b.p50.toFixed(1)} ms`,
    });
  }
  return out;
};

/**
 * The bare curve (GONGKAI_BENCH_CURVE=1): what backs the province section of docs/scale.md, measured on the loaded
 * database without starting the app — the bare ranked full-text query over one township and over every agency
 * (the same SQL as `search`), `searchDocuments` over every agency in this process, the county's bare aggregates
 * (the same SQL as `aggregations`) beside the publication dashboard and the report overview in this process, and
 * the sizes of the largest tables and indexes. So the load is the only long step, and 4× and 16× fit a session.
 */
export async function curve(data: CountyData, db: Db, url: string): Promise<Figure[]> {
  const out: Figure[] = [];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const all = (await client.query<{ id: number }>(`select id from agencies`)).rows.map((a) => a.id);
    // The same 200 queries at every scale (the `search` scenario seeds them by scale).
    const queries = randomQueries(200, 1);
    const one: number[] = [];
    const every: number[] = [];
    const app: number[] = [];
    const matches: number[] = [];
    for (const q of queries) {
      let t0 = performance.now();
      await client.query(...bareSearch(q, [data.home.id]));
      one.push(performance.now() - t0);
      t0 = performance.now();
      await client.query(...bareSearch(q, all));
      every.push(performance.now() - t0);
      t0 = performance.now();
      await searchDocuments(db, { q, agencyIds: all, publicOnly: true, kinds: ['publication'], limit: 20 });
      app.push(performance.now() - t0);
    }
    // How many rows each county-wide query ranks (the cost of ranking grows with it).
    for (const q of queries.slice(0, 40)) {
      const r = await client.query<{ n: string }>(
        `select count(*) as n from search_documents d where d.tsv @@ cast($1 as tsquery) and d.is_public = 1`,
        [tsq(q)],
      );
      matches.push(Number(r.rows[0]!.n));
    }
    const ms = (what: string, xs: number[], p: number, base?: number[]): Figure => ({
      scenario: 'curve: search',
      what: `${what} p${p}`,
      value: pctOf(xs, p),
      ...(base ? { baseline: pctOf(base, p) } : {}),
      unit: 'ms',
    });
    out.push(
      ms('bare ranked query, one township', one, 50),
      ms('bare ranked query, one township', one, 95),
      ms('bare ranked query, every agency', every, 50),
      ms('bare ranked query, every agency', every, 95),
      ms('searchDocuments, every agency (vs bare)', app, 50, every),
      ms('searchDocuments, every agency (vs bare)', app, 95, every),
      {
        scenario: 'curve: search',
        what: 'matches ranked by a county-wide query, median',
        value: pctOf(matches, 50),
        unit: 'rows',
        note: `p95 ${pctOf(matches, 95)}, of ${data.rows.search_documents} documents`,
      },
    );
  } finally {
    await client.end();
  }
  // The county aggregates: bare SQL, and the app's use cases where they need no summary built by the load.
  const ctx = ctxAs(db, userActor(data.inspector));
  const county = data.counties[0]!.id;
  const year = data.year;
  const ids = (
    await sql<{ id: number }>`select id from agencies where id = ${county} or parent_id = ${county}`.execute(
      db,
    )
  ).rows.map((r) => r.id);
  const bare = bareCountySql(db, ids, year);
  const cases: [string, () => Promise<unknown>, (() => Promise<unknown>) | null][] = [
    [
      'bare request aggregate (county year)',
      bare.requests,
      data.summarised ? () => requestDashboard(ctx, county, year) : null,
    ],
    [
      'bare publication aggregate (county year)',
      bare.publications,
      () => publicationDashboard(ctx, county, year),
    ],
    ['bare report-overview join', bare.reports, () => reportOverview(ctx, county, year - 1)],
  ];
  for (const [what, bare, useCase] of cases) {
    const b = await measure(bare, 10, 2);
    out.push({
      scenario: 'curve: aggregates',
      what: `${what}, p10`,
      value: b.p10,
      unit: 'ms',
      note: `median ${b.p50.toFixed(1)} ms`,
    });
    if (useCase) {
      const u = await measure(useCase, 10, 2);
      out.push({
        scenario: 'curve: aggregates',
        what: `  its use case in this process, p10`,
        value: u.p10,
        baseline: b.p10,
        unit: 'ms',
        note: `median ${u.p50.toFixed(1)} ms`,
      });
    }
  }
  const sizes = await sql<{ name: string; table: string; index: string; total: string }>`
    select c.relname as name, pg_relation_size(c.oid) as table, pg_indexes_size(c.oid) as index,
      pg_total_relation_size(c.oid) as total
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' order by pg_total_relation_size(c.oid) desc limit 6`.execute(
    db,
  );
  for (const r of sizes.rows)
    out.push({
      scenario: 'curve: sizes',
      what: `${r.name}: table (incl. TOAST: total − indexes)`,
      value: (Number(r.total) - Number(r.index)) / 2 ** 20,
      unit: 'MB',
      note: `indexes ${(Number(r.index) / 2 ** 20).toFixed(0)} MB, heap alone ${(Number(r.table) / 2 ** 20).toFixed(0)} MB`,
    });
  const idx = await sql<{ name: string; bytes: string }>`
    select c.relname as name, pg_relation_size(c.oid) as bytes from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'i' order by pg_relation_size(c.oid) desc limit 8`.execute(db);
  for (const r of idx.rows)
    out.push({
      scenario: 'curve: sizes',
      what: `index ${r.name}`,
      value: Number(r.bytes) / 2 ** 20,
      unit: 'MB',
    });
  return out;
}

/** The scenarios by name; GONGKAI_BENCH_ONLY=name,name runs some of them. */
export const SCENARIOS: Record<string, Scenario> = { cachedPages, search, aggregations };
const ONLY = process.env.GONGKAI_BENCH_ONLY?.split(',');
const CURVE = process.env.GONGKAI_BENCH_CURVE === '1';

function print(f: Figure): void {
  const ratio =
    f.baseline === undefined || !f.baseline
      ? ''
      : f.higherIsBetter
        ? `  ${((f.value / f.baseline) * 100).toFixed(0)}% of baseline (${f.baseline.toFixed(1)} ${f.unit})`
        : `  ${(f.value / f.baseline).toFixed(2)}× baseline (${f.baseline.toFixed(2)} ${f.unit})`;
  console.log(
    `  ${f.what.padEnd(58)} ${f.value.toFixed(f.unit === 'ms' ? 2 : 0).padStart(9)} ${f.unit}${ratio}`,
  );
  if (f.note) console.log(`  ${''.padEnd(58)} ${f.note}`);
}

export async function run(): Promise<void> {
  wireFeatures();
  const results: { scale: number; data: Omit<CountyData, 'inspector'>; figures: Figure[] }[] = [];
  for (const scale of SCALES) {
    const name = `gk_bench_county_${process.pid}_${String(scale).replace('.', '_')}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    const db = openDatabase({ kind: 'postgres', url }, { pgPoolSize: 5 });
    let app: AppProcess | undefined;
    try {
      const t0 = performance.now();
      const load0 = os.loadavg()[0]!;
      // The bare curve needs no per-month request summary (the app is not started): the load skips its rebuild.
      const data = await generateCounty(db, url, scale, { summary: !CURVE });
      const size = await admin.query(`select pg_database_size($1) as s`, [name]);
      console.log(
        `scale ${scale}×: ${Object.entries(data.rows)
          .map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
          .join(', ')}; loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s ` +
          `(${Object.entries(data.loadSeconds)
            .map(([k, v]) => `${k} ${v} s [CPU node ${data.loadCpu[k]?.node} s, pg ${data.loadCpu[k]?.pg} s]`)
            .join(', ')}); database ${(Number(size.rows[0].s) / 2 ** 30).toFixed(2)} GiB; ` +
          `load average ${load0.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}`,
      );
      const sizes = await sql<{
        name: string;
        bytes: string;
      }>`select c.relname as name, pg_relation_size(c.oid) as bytes
        from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'
        order by pg_relation_size(c.oid) desc limit 12`.execute(db);
      console.log(
        `  largest relations: ${sizes.rows.map((r) => `${r.name} ${(Number(r.bytes) / 2 ** 20).toFixed(0)} MB`).join(', ')}`,
      );
      if (CURVE) {
        const figures = await curve(data, db, url);
        console.log(`  — bare curve (load average ${os.loadavg()[0]!.toFixed(1)})`);
        figures.forEach(print);
        const { inspector, ...rest } = data;
        void inspector;
        results.push({ scale, data: rest, figures });
        continue;
      }
      app = await startApp(url);
      const cookie = await visitorCookie(app.base);
      console.log(`  app RSS after start: ${rssMb(app.pid).toFixed(0)} MB`);
      const env: CountyEnv = { data, db, url, app, cookie };
      const figures: Figure[] = [];
      for (const [key, s] of Object.entries(SCENARIOS)) {
        if (ONLY && !ONLY.includes(key)) continue;
        const fs2 = await s(env);
        let last = '';
        for (const f of fs2) {
          if (f.scenario !== last) console.log(`  — ${f.scenario}`);
          last = f.scenario;
          print(f);
        }
        figures.push(...fs2);
      }
      console.log(`  app RSS at the end: ${rssMb(app.pid).toFixed(0)} MB`);
      const { inspector, ...rest } = data;
      void inspector;
      results.push({ scale, data: rest, figures });
    } finally {
      await app?.stop();
      await db.destroy();
      // GONGKAI_BENCH_KEEP=1 keeps the database for profiling (drop it by hand afterwards).
      if (process.env.GONGKAI_BENCH_KEEP === '1') console.log(`  kept database ${name}`);
      else await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  const out = process.env.GONGKAI_BENCH_JSON;
  if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
}
