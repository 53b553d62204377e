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
