/**
 * The fuzz suite in CI: a few dozen generated bodies per POST route (GONGKAI_FUZZ_BODIES in all, default 2,000 per
 * database), as staff and anonymously. `npm run fuzz` runs 10,000 before a release.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../support/db.ts';
import { fuzzApp } from './fuzz-run.ts';

const BODIES = Number(process.env.GONGKAI_FUZZ_BODIES ?? 2000);
// A fixed seed in CI, so a run is repeatable; `npm run fuzz` (and GONGKAI_FUZZ_SEED=random) explore new bodies.
const SEED =
  process.env.GONGKAI_FUZZ_SEED === 'random' ? undefined : Number(process.env.GONGKAI_FUZZ_SEED ?? 20261201);

describeEachDialect('attack: fuzzed POST bodies on every route', (t) => {
  test(`${BODIES} bodies: no 5xx, every 4xx in Chinese`, async () => {
    const { db } = t();
    const r = await fuzzApp(db, BODIES, SEED);
    const failures = [...new Set(r.failures)];
    assert.deepEqual(failures.slice(0, 40), [], `${failures.length} failures in ${r.bodies} bodies`);
    console.log(`# fuzz: ${r.bodies} bodies over ${r.routes} routes, statuses ${JSON.stringify(r.statuses)}`);
  });
});
