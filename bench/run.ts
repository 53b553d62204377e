/**
 * `npm run bench [name…]`: runs every bench/*.bench.ts (or those whose name contains an argument) in turn. Each
 * prints its figures; none asserts a time. A bench exporting `optIn = true` runs only when named. Figures are ratios against a baseline measured in the same run, so
 * the machine's noise affects both sides alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

process.env.TZ = 'Asia/Shanghai';
process.env.LOG_LEVEL ??= 'silent';
const dir = import.meta.dirname;
const filters = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('没有找到基准测试 / no benchmark matched');
  process.exit(2);
}
console.log(`gongkai benchmarks — node ${process.version}, ${new Date().toISOString()}`);
// A bench whose awaited work can no longer settle (nothing left on the event loop: a child's exit or a socket that
// will never be heard from) would end the process quietly with code 13. Name the bench instead, so such a run is
// never mistaken for a finished one (docs/scale.md: a county run once stopped without a word under load).
let current: string | null = null;
process.on('beforeExit', () => {
  if (current === null) return;
  console.error(`\n基准测试未完成 / bench "${current}" stopped with work pending (nothing left to wait for)`);
  process.exitCode = 3;
  current = null;
});
process.on('exit', (code) => {
  if (code !== 0 && current !== null)
    console.error(`\n基准测试中断 / bench "${current}" ended with exit code ${code}`);
});
for (const f of files) {
  current = f.replace('.bench.ts', '');
  console.log(`\n=== ${f.replace('.bench.ts', '')} ===`);
  const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as {
    run?: () => Promise<void>;
    optIn?: boolean;
  };
  // A long benchmark (the county scenario) runs only when named.
  if (mod.optIn && !filters.some((x) => f.includes(x))) {
    console.log(`(opt-in: npm run bench ${f.replace('.bench.ts', '')})`);
    continue;
  }
  if (typeof mod.run !== 'function') {
    console.log('(no run() exported)');
    continue;
  }
  await mod.run();
}
current = null;
process.exit(0);
