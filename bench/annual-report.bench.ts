/**
 * Annual-report checker benchmark (figures only, never asserted): reports parsed and checked per second on one
 * core, for text, HTML and DOCX inputs of a realistic size (≈ 10–40 KB), and the ratio to merely reading the
 * same files from disk. The figure to beat is 1,000 text reports/s.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReport, parseReport } from '../src/annual-report/index.ts';
import { randomValidCells, syntheticFiles } from '../src/annual-report/testing/synthetic.ts';

const KINDS: { label: string; pick: RegExp }[] = [
  { label: '文本（tab/markdown/space/逐格一行）', pick: /^(tab|markdown|space|cell-per-line)\./ },
  { label: 'HTML 整页', pick: /\.html$/ },
  { label: 'DOCX', pick: /\.docx$/ },
];

function timeLoop(seconds: number, fn: () => void): number {
  for (let i = 0; i < 20; i++) fn(); // warm up
  let n = 0;
  const t0 = process.hrtime.bigint();
  const limit = BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() - t0 < limit) {
    fn();
    n++;
  }
  return n / (Number(process.hrtime.bigint() - t0) / 1e9);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  try {
    const files: string[] = [];
    for (let seed = 1; seed <= 8; seed++) {
      for (const f of syntheticFiles(randomValidCells(seed, 30), { filler: 20 + seed * 4 })) {
        const path = join(dir, `${seed}-${f.name}`);
        writeFileSync(path, f.bytes);
        files.push(path);
      }
    }
    console.log('年报体检基准（单核，合成报告）');
    for (const kind of KINDS) {
      const paths = files.filter((p) => kind.pick.test(p.replace(/^.*\/\d+-/, '')));
      const sizes = paths.map((p) => readFileSync(p).length);
      let i = 0;
      const readOnly = timeLoop(1, () => {
        readFileSync(paths[i++ % paths.length]!);
      });
      let j = 0;
      const full = timeLoop(2, () => {
        const path = paths[j++ % paths.length]!;
        checkReport(parseReport({ name: path, bytes: readFileSync(path) }));
      });
      const kb = (n: number) => (n / 1024).toFixed(1);
      console.log(
        `  ${kind.label.padEnd(22)} ${paths.length} 个文件，${kb(Math.min(...sizes))}–${kb(Math.max(...sizes))} KB：` +
          `解析+检查 ${full.toFixed(0)} 份/秒；仅读文件 ${readOnly.toFixed(0)} 份/秒；` +
          `耗时是仅读文件的 ${(readOnly / full).toFixed(1)} 倍`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
