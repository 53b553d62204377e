/**
 * Profile uncached portal searches on a database kept by `GONGKAI_BENCH_KEEP=1 npm run bench county`, without
 * loading it again: `node --import tsx bench/county/profile-search.ts <database> [rounds] [connections] [seconds]`.
 * Starts the app (GONGKAI_BENCH_PORT pins its port; GONGKAI_PROFILE_DIR=dir writes a --cpu-prof of the app there),
 * warms it up, then runs interleaved rounds of the bare ranked query's throughput and random uncached `/search`
 * pages at `connections` (default 16), printing req/s and CPU per answer (app and PostgreSQL) for each.
 */
import os from 'node:os';
import { openDatabase } from '../../src/db/database.ts';
import { PG_ADMIN_URL } from '../../test/support/db.ts';
import { BARE_SEARCH_SQL, bareThroughput, randomQueries, tsq, withCpu } from '../county.bench.ts';
import { processTree, randomPathsScript, startApp, visitorCookie, wrk } from './tools.ts';

const name = process.argv[2];
if (!name) throw new Error('usage: profile-search.ts <database> [rounds] [connections] [seconds]');
const rounds = Number(process.argv[3] ?? 3);
const connections = Number(process.argv[4] ?? 16);
const seconds = Number(process.argv[5] ?? 6);
const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
const db = openDatabase({ kind: 'postgres', url }, { pgPoolSize: 2 });
const dir = process.env.GONGKAI_PROFILE_DIR;
const app = await startApp(url, {}, dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []);
try {
  // The township served at `/` (bench/county/generate.ts marks it installation.home).
  const home = await db
    .selectFrom('agency_settings')
    .select('agency_id')
    .where('key', '=', 'installation.home')
    .executeTakeFirstOrThrow();
  const homeId = Number(home.agency_id);
  const cookie = await visitorCookie(app.base);
  const queries = randomQueries(4000, 7);
  const paths = queries.map((q) => `/search?q=${encodeURIComponent(q)}`);
  const tsqs = queries.map((q) => tsq(q, homeId));
  const load = () =>
    wrk(`${app.base}/search`, {
      connections,
      seconds,
      script: randomPathsScript(paths, true),
      headers: { cookie },
    });
  await wrk(`${app.base}/search`, {
    connections: 8,
    seconds: 3,
    script: randomPathsScript(paths, true),
    headers: { cookie },
  });
  for (let round = 0; round < rounds; round++) {
    const bare = await withCpu(
      url,
      () => [process.pid],
      () =>
        bareThroughput(url, BARE_SEARCH_SQL, () => [tsqs[Math.floor(Math.random() * tsqs.length)]], seconds),
    );
    const n = bare.value.rps * bare.value.seconds;
    const run = await withCpu(url, () => processTree(app.pid), load);
    const m = run.value.rps * seconds;
    console.log(
      `round ${round + 1}: app ${run.value.okRps.toFixed(0)} req/s (non-2xx ${run.value.non2xx}), p50 ${run.value.p50.toFixed(1)} ms; ` +
        `CPU per answer app ${(run.clientMs / m).toFixed(2)} + pg ${(run.pgMs / m).toFixed(2)} ms | ` +
        `bare ${bare.value.rps.toFixed(0)} req/s, driver ${(bare.clientMs / n).toFixed(2)} + pg ${(bare.pgMs / n).toFixed(2)} ms | load ${os.loadavg()[0]!.toFixed(1)}`,
    );
  }
} finally {
  await app.stop();
  await db.destroy();
}
