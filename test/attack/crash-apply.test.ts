/**
 * CI runs the kill -9 script (scripts/crash-apply.ts) with a small count on both databases: no acknowledged
 * application lost, references gap-free, numbering continues after the restart.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { postgresAvailable } from '../support/db.ts';

const root = path.resolve(import.meta.dirname, '../..');
const COUNT = process.env.GONGKAI_CRASH_COUNT ?? '80';

for (const dialect of ['sqlite', 'postgres'] as const) {
  test(`kill -9 during ${COUNT} concurrent applications [${dialect}]`, async (t) => {
    if (dialect === 'postgres' && !(await postgresAvailable())) return t.skip('PostgreSQL not reachable');
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'scripts/crash-apply.ts'),
        '--count',
        COUNT,
        '--concurrency',
        '16',
        '--db',
        dialect,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Shanghai' } },
    );
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /lost acknowledged: 0; gaps: 0/);
    t.diagnostic(r.stdout.trim());
  });
}
