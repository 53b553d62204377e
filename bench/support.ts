/** Small helpers for benchmarks: timing, loopback load generation, percentiles. Figures only, never asserted. */

export async function timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

/**
 * Send `total` requests to a loopback URL with `concurrency` in flight; returns requests/s, latency percentiles,
 * the failed requests (an error status or no response) and, among them, those with no response (a reset loopback
 * connection: counted, never retried). Bounded in count; every response body is read. `url` and `init` may vary
 * with the request's index (e.g. a query parameter that defeats a cache).
 */
export async function load(
  url: string | ((i: number) => string),
  total: number,
  concurrency: number,
  init?: (i: number) => RequestInit,
): Promise<{ rps: number; p50: number; p95: number; errors: number; resets: number }> {
  const lat: number[] = [];
  const urlOf = typeof url === 'string' ? () => url : url;
  let next = 0;
  let errors = 0;
  let resets = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const s = performance.now();
      try {
        const r = await fetch(urlOf(i), init?.(i));
        await r.arrayBuffer();
        if (r.status >= 400) errors++;
      } catch {
        errors++;
        resets++;
      }
      lat.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  return { rps: total / secs, p50: pct(lat, 0.5), p95: pct(lat, 0.95), errors, resets };
}

export function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/**
 * p10 and median of `rounds` runs after `warmups`. The machine is shared (2 cores, several agents): the median
 * carries other processes' pauses, the 10th percentile is closer to the code's own cost; ratios use the p10.
 */
export async function measure(
  fn: () => Promise<unknown>,
  rounds = 60,
  warmups = 5,
): Promise<{ p10: number; p50: number }> {
  for (let i = 0; i < warmups; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  xs.sort((a, b) => a - b);
  return { p10: xs[Math.floor(xs.length / 10)]!, p50: xs[Math.floor(xs.length / 2)]! };
}

export interface Sample {
  /** Wall time, ms: p10 and median. */
  p10: number;
  p50: number;
  /** This process's CPU time (user + system, process.cpuUsage), ms: p10 and median. */
  cpu10: number;
  cpu50: number;
}

/**
 * Several cases measured in the same rounds: every round runs each case once, in an order rotated round by round, so
 * a burst of load from other processes falls on all cases alike (a 2-core machine shared by many agents). Wall time
 * and this process's CPU time (process.cpuUsage: user + system of every thread, in-process work only — a database
 * server's own CPU would not show) are both kept; their p10 and median are returned per case.
 */
export async function measureInterleaved<K extends string>(
  cases: Record<K, () => Promise<unknown>>,
  rounds = 100,
  warmups = 5,
): Promise<Record<K, Sample>> {
  const keys = Object.keys(cases) as K[];
  for (let i = 0; i < warmups; i++) for (const k of keys) await cases[k]();
  const wall = new Map<K, number[]>(keys.map((k) => [k, []]));
  const cpu = new Map<K, number[]>(keys.map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(r + j) % keys.length]!;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await cases[k]();
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      wall.get(k)!.push(ms);
      cpu.get(k)!.push((c.user + c.system) / 1000);
    }
  }
  const at = (xs: number[], p: number) => xs.sort((a, b) => a - b)[Math.floor(xs.length * p)]!;
  const out = {} as Record<K, Sample>;
  for (const k of keys) {
    const w = wall.get(k)!;
    const u = cpu.get(k)!;
    out[k] = { p10: at(w, 0.1), p50: at(w, 0.5), cpu10: at(u, 0.1), cpu50: at(u, 0.5) };
  }
  return out;
}
