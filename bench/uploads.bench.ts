/**
 * Uploads (#17): a 40 MiB file through a multipart body, buffered as before (Hono's parseBody) vs streamed into the
 * file store (uploads/multipart.ts), each in a fresh process (peak RSS per process), interleaved three times. Reports
 * CPU time and wall time (ratios streamed/buffered) and peak RSS above the same process uploading a 64 KB file.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

interface Run {
  mode: string;
  size: number;
  wallMs: number;
  cpuMs: number;
  maxRssKb: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const worker = path.join(import.meta.dirname, 'uploads-worker.ts');
  const once = (mode: string, bytes?: number): Run =>
    JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', worker, mode, ...(bytes === undefined ? [] : [String(bytes)])],
        { encoding: 'utf8' },
      ),
    ) as Run;
  const runs: Run[] = [];
  for (let i = 0; i < 3; i++) runs.push(once('buffered'), once('streamed'));
  // The same process with a 64 KB file: what loading the code costs, without the upload.
  const bare = median([0, 1, 2].map(() => once('streamed', 64 * 1024).maxRssKb));
  const of = (mode: string) => runs.filter((r) => r.mode === mode);
  const row = (mode: string) => {
    const rs = of(mode);
    return {
      cpuMs: median(rs.map((r) => r.cpuMs)),
      wallMs: median(rs.map((r) => r.wallMs)),
      rssMb: median(rs.map((r) => r.maxRssKb)) / 1024,
    };
  };
  const b = row('buffered');
  const s = row('streamed');
  const mb = runs[0]!.size / 1024 / 1024;
  console.log(
    `${mb.toFixed(0)} MiB file, median of 3 interleaved runs each, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  for (const [name, r] of [
    ['buffered (before)', b],
    ['streamed (after)', s],
  ] as const)
    console.log(
      `  ${name.padEnd(18)} CPU ${r.cpuMs.toFixed(0)} ms, wall ${r.wallMs.toFixed(0)} ms ` +
        `(${(mb / (r.wallMs / 1000)).toFixed(0)} MiB/s), peak RSS ${r.rssMb.toFixed(0)} MB`,
    );
  console.log(
    `  streamed/buffered: CPU ×${(s.cpuMs / b.cpuMs).toFixed(2)}, wall ×${(s.wallMs / b.wallMs).toFixed(2)}, ` +
      `peak RSS above the same process with a 64 KB file (${(bare / 1024).toFixed(0)} MB): ` +
      `${(s.rssMb - bare / 1024).toFixed(0)} MB vs ${(b.rssMb - bare / 1024).toFixed(0)} MB`,
  );
}
