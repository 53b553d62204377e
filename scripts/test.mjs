// Runs every *.test.ts / *.test.tsx file with node's test runner, listing them explicitly
// (Node 20 does not expand globs, and an empty list would silently run nothing).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['src', 'test', 'e2e'];
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = [];
function walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    if (e === 'node_modules' || e === 'fixtures') continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.test\.tsx?$/.test(e)) files.push(p);
  }
}
for (const r of roots) walk(r);
files.sort();
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
if (selected.length === 0) {
  console.error('没有找到测试文件 / no test files found');
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...selected],
  { stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai' } },
);
process.exit(r.status ?? 1);
