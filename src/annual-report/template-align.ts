/**
 * The template aligner: one reader core for tables 二、三、四. The national template is a fixed sequence of rows
 * (slots), each with its label and its number of value cells; the text is a stream of tokens (a row's label
 * fragments and its group of values, with the line they stand on). The aligner finds the monotonic alignment of
 * tokens to slots with the best total score (dynamic programming, like a sequence alignment):
 * - a labelled token scores by how well its label names the slot (a token whose label names no slot cannot take it);
 * - an unlabelled token (PDF extraction tore the label off, or the label was left blank) scores a little anywhere
 *   it fits, so it fills the gap between its labelled neighbours in template order;
 * - an unlabelled token holding the values of k consecutive slots (table 四's one row of 15) spans them;
 * - tokens may be skipped (headers, footers, noise) and slots may be left empty (a row the text does not hold).
 * Each placed token says how it was placed, which becomes the confidence of its cells. Pure.
 */

/** How a cell was read, from most to least certain (exposed as the result's `confidence`). */
export type CellConfidence = 'exact' | 'label' | 'order' | 'identities' | 'split' | 'recovered';

/** Confidences a reviewer should look at: the value's position was inferred, not read under its label. */
export const LOW_CONFIDENCE: ReadonlySet<CellConfidence> = new Set([
  'order',
  'identities',
  'split',
  'recovered',
]);

export interface AlignToken {
  /** Similarity of the token's label to each slot (0…1); empty or all below `labelMatch` for an unlabelled token. */
  sims: number[];
  labelled: boolean;
  /** Number of value cells the token holds (used for spans). */
  width: number;
}

export interface Placement {
  slot: number;
  /** Number of consecutive slots the token fills (1, or k for a span). */
  span: number;
  /** 'exact': label equal to the slot's; 'label': similar label; 'order': no label, placed by template order. */
  how: 'exact' | 'label' | 'order';
}

export interface AlignOptions {
  /** Lowest similarity at which a label names a slot. */
  labelMatch: number;
  /** Slot widths; an unlabelled token whose width equals the sum of k ≥ 2 consecutive widths may span them. */
  widths?: number[];
  /** May an unlabelled token take slot j (its width fits)? Default: any. */
  fits?: (token: number, slot: number) => boolean;
}

const EXACT = 0.999;

/**
 * Align tokens to slots. Returns, for each token, its placement or null (skipped). Ties prefer taking a token over
 * skipping it, and earlier tokens over later ones (a table printed twice is read where it first appears).
 */
export function alignTemplate(
  tokens: AlignToken[],
  slotCount: number,
  opts: AlignOptions,
): (Placement | null)[] {
  const n = tokens.length;
  const m = slotCount;
  const fits = opts.fits ?? (() => true);
  const widths = opts.widths;
  const early = (i: number) => 1e-6 * (n - i);
  const score = (i: number, j: number): number => {
    const t = tokens[i]!;
    if (t.labelled) {
      const s = t.sims[j] ?? 0;
      return s >= opts.labelMatch ? 1 + 2 * s + early(i) : -Infinity;
    }
    return fits(i, j) ? 0.5 + early(i) : -Infinity;
  };
  /** The span k ≥ 2 of an unlabelled token ending at slot j (exclusive end j), or 0. */
  const spanAt = (i: number, j: number): number => {
    const t = tokens[i]!;
    if (t.labelled || !widths || t.width < 2) return 0;
    let sum = 0;
    for (let k = 1; k <= j; k++) {
      sum += widths[j - k]!;
      if (sum === t.width || sum === t.width + 1 || sum === t.width - 1) return k >= 2 ? k : 0;
      if (sum > t.width + 1) return 0;
    }
    return 0;
  };
  // best[i][j]: the best total using tokens < i and slots < j. move: 0 skip token, 1 skip slot, k ≥ 2 take k slots,
  // -1 take one slot. One flat table each (row i at i * w): n × m is small (≤ 25 slots), allocation was the cost.
  const w = m + 1;
  const best = new Float64Array((n + 1) * w);
  const move = new Int8Array((n + 1) * w);
  for (let i = 1; i <= n; i++) {
    const row = i * w;
    const up = row - w;
    for (let j = 1; j <= m; j++) {
      let value = best[up + j - 1]! + score(i - 1, j - 1);
      let mv = -1;
      const k = spanAt(i - 1, j);
      if (k >= 2) {
        const spanned = best[up + j - k]! + 0.5 * k + early(i - 1);
        if (spanned > value) {
          value = spanned;
          mv = k;
        }
      }
      if (best[up + j]! > value) {
        value = best[up + j]!;
        mv = 0;
      }
      if (best[row + j - 1]! > value) {
        value = best[row + j - 1]!;
        mv = 1;
      }
      best[row + j] = value;
      move[row + j] = mv;
    }
  }
  const out: (Placement | null)[] = new Array<Placement | null>(n).fill(null);
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const mv = move[i * w + j]!;
    if (mv === 0) i--;
    else if (mv === 1) j--;
    else {
      const span = mv === -1 ? 1 : mv;
      const t = tokens[i - 1]!;
      const slot = j - span;
      const sim = t.labelled ? (t.sims[slot] ?? 0) : 0;
      out[i - 1] = { slot, span, how: !t.labelled ? 'order' : sim >= EXACT ? 'exact' : 'label' };
      i--;
      j -= span;
    }
  }
  return out;
}
