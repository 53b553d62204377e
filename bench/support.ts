/** Small helpers for benchmarks: timing, loopback load generation, percentiles. Figures only, never asserted. */

export async function timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

/**
 * Send `total` requests to a loopback URL with `concurrency` in flight; returns requests/s and latency percentiles.
 * Bounded in count; every response body is read.
 */
export async function load(
  url: string,
  total: number,
  concurrency: number,
  init?: () => RequestInit,
): Promise<{ rps: number; p50: number; p95: number; errors: number }> {
  const lat: number[] = [];
  let next = 0;
  let errors = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < total) {
      next++;
      const s = performance.now();
      try {
        const r = await fetch(url, init?.());
        await r.arrayBuffer();
        if (r.status >= 400) errors++;
      } catch {
        errors++;
      }
      lat.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  return { rps: total / secs, p50: pct(lat, 0.5), p95: pct(lat, 0.95), errors };
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
