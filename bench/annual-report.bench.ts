/**
 * Annual-report checker benchmark (figures only, never asserted): reports parsed and checked per second on one
 * core, for text, HTML, DOCX and PDF inputs of a realistic size, and the ratio to merely reading and decoding the same
 * files (text/HTML: read + decode the bytes; DOCX: read + unzip + decode document.xml; PDF: read + pdf.js text
 * extraction of every page). The figure to beat is 1,000 text reports/s. Rates are per second of this process's CPU
 * time, not wall time (the machine is shared, and wall time would count the other processes' work), after a warm-up (see
 * `timeLoop`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { checkReport, parseReport, parseReportAsync } from '../src/annual-report/index.ts';
import {
  randomValidCells,
  reportBlocks,
  renderText,
  syntheticFiles,
} from '../src/annual-report/testing/synthetic.ts';
import { printAsPdf } from '../src/annual-report/testing/print-pdf.ts';
import { pdfAvailable } from '../src/documents/pdf.ts';

const KINDS: { label: string; pick: RegExp; decode: (b: Uint8Array) => Promise<unknown> | unknown }[] = [
  {
    label: '文本（tab/markdown/space/逐格一行）',
    pick: /^(tab|markdown|space|cell-per-line)\./,
    decode: (b) => new TextDecoder().decode(b),
  },
  { label: 'HTML 整页', pick: /\.html$/, decode: (b) => new TextDecoder().decode(b) },
  {
    label: 'DOCX',
    pick: /\.docx$/,
    decode: (b) =>
      new TextDecoder().decode(
        unzipSync(b, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'],
      ),
  },
  { label: 'PDF', pick: /\.pdf$/, decode: pdfText },
];

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS }).promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const c = await (await doc.getPage(p)).getTextContent();
    for (const it of c.items) if ('str' in it) text += it.str;
  }
  await doc.destroy();
  return text;
}

/** CPU seconds this process has used (user + system): on a shared machine, wall time counts the others' work. */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * Runs per CPU second of `fn`, for about `seconds` of this process's CPU time, after a warm-up of `warmUp` CPU
 * seconds (at least 10 runs): the checker's code is compiled by the JIT during its first thousand or so reports (on
 * a loaded machine the compiler threads lag behind, and this process is charged for their CPU time), and a
 * directory scan runs warm. The clock is read once per batch of
 * runs lasting about 10 ms (not after every run: reading it is a system call, a tenth of a decode's time), and a
 * synchronous `fn` is not awaited (an await per run would add a turn of the event loop to every report).
 */
async function timeLoop(seconds: number, fn: () => unknown, warmUp = 0.5): Promise<number> {
  const w0 = cpuSeconds();
  let warm = 0;
  while (warm < 10 || cpuSeconds() - w0 < warmUp) {
    const r = fn();
    if (r instanceof Promise) await r;
    warm++;
  }
  const batch = Math.max(1, Math.round(0.01 / ((cpuSeconds() - w0) / warm)));
  let n = 0;
  const t0 = cpuSeconds();
  while (cpuSeconds() - t0 < seconds) {
    for (let k = 0; k < batch; k++) {
      const r = fn();
      if (r instanceof Promise) await r;
    }
    n += batch;
  }
  return n / (cpuSeconds() - t0);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  try {
    const files: string[] = [];
    for (let seed = 1; seed <= 8; seed++) {
      const cells = randomValidCells(seed, 30);
      for (const f of syntheticFiles(cells, { filler: 20 + seed * 4 })) {
        const path = join(dir, `${seed}-${f.name}`);
        writeFileSync(path, f.bytes);
        files.push(path);
      }
    }
    console.log('年报体检基准（单核，合成报告）');
    for (const kind of KINDS) {
      // The PDFs are printed only now: the printer (pdfmake and its CJK font) would otherwise sit in the heap while
      // the other kinds are timed, and every garbage collection would go through it.
      if (kind.label === 'PDF' && pdfAvailable()) {
        for (let seed = 1; seed <= 3; seed++) {
          const path = join(dir, `${seed}-report.pdf`);
          const cells = randomValidCells(seed, 30);
          writeFileSync(path, await printAsPdf(renderText(reportBlocks(cells, { filler: 6 }), 'pipe')));
          files.push(path);
        }
      }
      const paths = files.filter((p) => kind.pick.test(p.replace(/^.*\/\d+-/, '')));
      if (!paths.length) {
        console.log(`  ${kind.label}：本机无法生成（缺少中文字体），跳过`);
        continue;
      }
      const sizes = paths.map((p) => readFileSync(p).length);
      const pdf = kind.label === 'PDF';
      let i = 0;
      const readOnly = await timeLoop(pdf ? 2 : 1, () =>
        kind.decode(readFileSync(paths[i++ % paths.length]!)),
      );
      let j = 0;
      const full = await timeLoop(
        2,
        () => {
          const path = paths[j++ % paths.length]!;
          const input = { name: path, bytes: readFileSync(path) };
          return pdf ? parseReportAsync(input).then(checkReport) : checkReport(parseReport(input));
        },
        pdf ? 0.5 : 2,
      );
      const kb = (n: number) => (n / 1024).toFixed(1);
      console.log(
        `  ${kind.label.padEnd(22)} ${paths.length} 个文件，${kb(Math.min(...sizes))}–${kb(Math.max(...sizes))} KB：` +
          `解析+检查 ${full.toFixed(0)} 份/秒；仅读取并解码 ${readOnly.toFixed(0)} 份/秒；` +
          `耗时是仅读取并解码的 ${(readOnly / full).toFixed(1)} 倍`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
