/**
 * Duplicate detection (条例第三十六条第（六）项): a new request from the same applicant for the same information
 * as one already answered suggests 重复申请. Pure similarity over character bigrams of the normalised text.
 */

function normalize(s: string): string {
  return s.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

function bigrams(s: string): Set<string> {
  const t = normalize(s);
  const out = new Set<string>();
  if (t.length === 1) out.add(t);
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** Dice similarity (0..1) of two descriptions of requested information. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/** From 0.75 on two descriptions are taken to ask for the same information (a hint; the officer decides). */
export const DUPLICATE_THRESHOLD = 0.75;

/** The most similar earlier request above the threshold, if any. */
export function findDuplicate<T extends { id: number; infoDescription: string }>(
  description: string,
  earlier: readonly T[],
): { match: T; score: number } | null {
  let best: { match: T; score: number } | null = null;
  for (const e of earlier) {
    const score = similarity(description, e.infoDescription);
    if (score >= DUPLICATE_THRESHOLD && (!best || score > best.score)) best = { match: e, score };
  }
  return best;
}
