/**
 * `npm run fuzz`: the release-time fuzz run — GONGKAI_FUZZ_BODIES (default 10,000) generated bodies over every POST
 * route, on SQLite and (when it answers) PostgreSQL. Prints the status histogram; exits 1 on any 5xx or English
 * message. GONGKAI_FUZZ_SEED makes a run repeatable.
 */
import { createTestDatabase, postgresAvailable } from '../test/support/db.ts';
import { fuzzApp } from '../test/attack/fuzz-run.ts';

const bodies = Number(process.env.GONGKAI_FUZZ_BODIES ?? 10_000);
const seed = process.env.GONGKAI_FUZZ_SEED ? Number(process.env.GONGKAI_FUZZ_SEED) : undefined;
let failed = false;
for (const dialect of ['sqlite', 'postgres'] as const) {
  if (dialect === 'postgres' && !(await postgresAvailable())) {
    console.log('postgres: not reachable, skipped');
    continue;
  }
  const tdb = await createTestDatabase(dialect);
  const t0 = performance.now();
  try {
    const r = await fuzzApp(tdb.db, bodies, seed);
    const failures = [...new Set(r.failures)];
    const fivexx = Object.entries(r.statuses)
      .filter(([s]) => Number(s) >= 500)
      .reduce((n, [, k]) => n + k, 0);
    console.log(
      `${dialect}: ${r.bodies} bodies over ${r.routes} POST routes in ${Math.round((performance.now() - t0) / 1000)} s; ` +
        `5xx: ${fivexx}; failures: ${failures.length}; statuses ${JSON.stringify(r.statuses)}`,
    );
    for (const f of failures.slice(0, 50)) console.log(`  ${f}`);
    if (failures.length) failed = true;
  } finally {
    await tdb.close();
  }
}
process.exit(failed ? 1 : 0);
