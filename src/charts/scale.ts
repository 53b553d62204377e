/** Axis scales: a "nice" maximum and evenly spaced ticks from 0. */

/** Ticks from 0 to a round number ≥ max (steps of 1, 2 or 5 × 10^k), about `count` of them. */
export function niceTicks(max: number, count = 4, format?: 'percent'): number[] {
  if (format === 'percent' && max <= 1) return [0, 0.25, 0.5, 0.75, 1];
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  // Counts are whole numbers: never a tick step below 1.
  const s = format === 'percent' ? step : Math.max(1, step);
  const ticks: number[] = [];
  for (let t = 0; t < max + s / 2; t += s) ticks.push(Number(t.toFixed(10)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + s).toFixed(10)));
  return ticks;
}

/** Map a value in [0, top] onto [0, length] px. */
export function scaleLinear(value: number, top: number, length: number): number {
  return top > 0 ? (value / top) * length : 0;
}
