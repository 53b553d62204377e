/**
 * Profile the county aggregations on a database kept by `GONGKAI_BENCH_KEEP=1 npm run bench county`, without
 * loading it again: `node --import tsx bench/county/profile-aggregations.ts <database> [rounds] [name part]`. Prints, per
 * aggregation, p10 and median of wall time and the app process's CPU per call, against the bench's bare SQL.
 */
import { openDatabase } from '../../src/db/database.ts';
import { PG_ADMIN_URL } from '../../test/support/db.ts';
import { wireFeatures } from '../../src/features.ts';
import { aggregationCases } from '../county.bench.ts';

const name = process.argv[2];
if (!name) throw new Error('usage: profile-aggregations.ts <database> [rounds]');
const rounds = Number(process.argv[3] ?? 20);
wireFeatures();
const db = openDatabase(
  { kind: 'postgres', url: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`) },
  { pgPoolSize: 5 },
);
try {
  const cases = await aggregationCases(db);
  for (const [what, useCase, bare] of cases.filter((c) => c[0].includes(process.argv[4] ?? ''))) {
    for (const [label, fn] of [
      ['bare', bare],
      ['app', useCase],
    ] as const) {
      await fn();
      await fn();
      const ms: number[] = [];
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < rounds; i++) {
        const t0 = performance.now();
        await fn();
        ms.push(performance.now() - t0);
      }
      const cpu = process.cpuUsage(cpu0);
      ms.sort((a, b) => a - b);
      console.log(
        `${what.padEnd(52)} ${label.padEnd(4)} p10 ${ms[Math.floor(rounds / 10)]!.toFixed(1).padStart(7)} ms  median ${ms[Math.floor(rounds / 2)]!.toFixed(1).padStart(7)} ms  cpu ${((cpu.user + cpu.system) / 1000 / rounds).toFixed(2).padStart(6)} ms/call`,
      );
    }
  }
} finally {
  await db.destroy();
}
