/**
 * Cells whose positions the text lost, settled by the table's own identities (spec §3 rules B-COL, B-RES, B-BAL):
 * - a run of digits that a crawl glued together (“15130000154” = a table-三 row of seven cells);
 * - a row that kept only its non-empty cells (“3 3”: which two of the seven columns?).
 *
 * Each such row has a list of candidate rows; the solver keeps the combinations that satisfy every identity whose
 * cells are all known, and fills a row only when exactly one combination remains. It never guesses: with more than
 * one, the rows stay null and the caller reports the ambiguity. Pure.
 */
import { B_ROWS, type BRowId } from './report-format.ts';

/** Seven values of a table-三 row, in B_COLUMNS order (the last is 总计). */
export type BVector = number[];

const WIDTH = 7;

/** Longest part a split may produce (a count of applications has at most 7 digits). */
const MAX_PART_DIGITS = 7;

/**
 * Every way to cut a run of digits into `n` non-negative integers, in order, without leading zeros (“0” alone is a
 * part; “05” is not). `keep` prunes complete splits. Stops after `limit` results (the caller treats that as too many).
 */
export function digitSplits(
  digits: string,
  n: number,
  keep: (parts: number[]) => boolean = () => true,
  limit = 5000,
): number[][] {
  const out: number[][] = [];
  const parts: number[] = [];
  const walk = (from: number): void => {
    if (out.length >= limit) return;
    const left = n - parts.length;
    const rest = digits.length - from;
    if (left === 0) {
      if (rest === 0 && keep(parts)) out.push([...parts]);
      return;
    }
    if (rest < left || rest > left * MAX_PART_DIGITS) return;
    const maxLen = digits[from] === '0' ? 1 : Math.min(MAX_PART_DIGITS, rest - (left - 1));
    for (let len = 1; len <= maxLen; len++) {
      parts.push(Number(digits.slice(from, from + len)));
      walk(from + len);
      parts.pop();
    }
  };
  walk(0);
  return out;
}

/** A table-三 row is consistent by itself when its six applicant columns add up to 总计 (B-COL). */
export const rowAddsUp = (v: number[]): boolean => v.slice(0, 6).reduce((s, x) => s + x, 0) === v[6];

/** The candidate rows of a glued run of digits: the splits into seven that add up. */
export function gluedRowCandidates(digits: string): BVector[] {
  return digitSplits(digits, WIDTH, rowAddsUp);
}

/**
 * The candidate rows of a row that kept only its non-empty cells, in order: each placement of the values into the
 * seven columns, the others 0, that adds up. Identical placements (zeros) collapse into one.
 */
export function placementCandidates(values: number[]): BVector[] {
  const out = new Map<string, BVector>();
  const k = values.length;
  const place = (from: number, i: number, row: number[]): void => {
    if (i === k) {
      const v = [...row];
      if (rowAddsUp(v)) out.set(v.join(','), v);
      return;
    }
    for (let pos = from; pos <= WIDTH - (k - i); pos++) {
      row[pos] = values[i]!;
      place(pos + 1, i + 1, row);
      row[pos] = 0;
    }
  };
  if (k >= 1 && k <= WIDTH) place(0, 0, new Array<number>(WIDTH).fill(0));
  return [...out.values()];
}

/**
 * The candidate rows of a row that lost one of its seven cells (a line of the text dropped), its six values in
 * order: the lost cell may be any of the seven. Lost 总计: it is the sum of the six. Lost applicant column: the
 * sixth value is 总计 and the lost cell is what the others leave of it (never negative). The text alone cannot say
 * which; the identities between rows may.
 */
export function oneLostCandidates(values: number[]): BVector[] {
  const out = new Map<string, BVector>();
  if (values.length !== WIDTH - 1) return [];
  const lastLost = [...values, values.reduce((s, x) => s + x, 0)];
  out.set(lastLost.join(','), lastLost);
  const total = values[WIDTH - 2]!;
  const applicants = values.slice(0, WIDTH - 2);
  const rest = total - applicants.reduce((s, x) => s + x, 0);
  if (rest >= 0)
    for (let pos = 0; pos < WIDTH - 1; pos++) {
      const v = [...applicants.slice(0, pos), rest, ...applicants.slice(pos), total];
      out.set(v.join(','), v);
    }
  return [...out.values()];
}

/** What is known of each of the 25 rows: its values (a cell may be null), or candidates to choose from. */
export type BRowKnowledge = { values: (number | null)[] } | { candidates: BVector[] };

export type SolveResult =
  { kind: 'unique'; rows: Partial<Record<BRowId, BVector>> } | { kind: 'ambiguous' | 'none'; rows: BRowId[] };

const RESULT_ROWS = B_ROWS.filter((r) => r.startsWith('result.') && r !== 'result.total');
const index = Object.fromEntries(B_ROWS.map((r, i) => [r, i])) as Record<BRowId, number>;

/** Identities between rows, per column: Σ result rows = （七）总计 (B-RES); 一 + 二 = 三 + 四 (B-BAL). */
function identitiesHold(rows: ((number | null)[] | null)[]): boolean {
  for (let c = 0; c < WIDTH; c++) {
    const cell = (r: BRowId) => rows[index[r]]?.[c] ?? null;
    const total = cell('result.total');
    const parts = RESULT_ROWS.map(cell);
    if (total !== null && parts.every((x) => x !== null)) {
      if (parts.reduce((s: number, x) => s + x!, 0) !== total) return false;
    }
    const [a, b, d] = [cell('new_received'), cell('carried_over'), cell('carried_forward')];
    if (a !== null && b !== null && total !== null && d !== null && a + b !== total + d) return false;
  }
  return true;
}

/** Most combinations tried before the solver gives up (and reports the rows as ambiguous). */
const MAX_STEPS = 200_000;

/**
 * Choose one candidate for every row that has candidates, so that the identities hold. Unique → the chosen rows;
 * several (or too many to try) → ambiguous; none → the rows contradict the table (reported, left null).
 */
export function solveRows(known: Partial<Record<BRowId, BRowKnowledge>>): SolveResult {
  const rows: ((number | null)[] | null)[] = B_ROWS.map((r) => {
    const k = known[r];
    return k && 'values' in k ? k.values : null;
  });
  const open = B_ROWS.filter((r) => {
    const k = known[r];
    return k !== undefined && 'candidates' in k;
  });
  if (open.length === 0) return { kind: 'unique', rows: {} };
  const lists = open.map((r) => (known[r] as { candidates: BVector[] }).candidates);
  if (lists.some((l) => l.length === 0)) return { kind: 'none', rows: open };
  // Fewest candidates first: the search is a product over the open rows.
  const order = open.map((_, i) => i).sort((x, y) => lists[x]!.length - lists[y]!.length);
  let found: BVector[] | null = null;
  let count = 0;
  let steps = 0;
  const choice: BVector[] = new Array<BVector>(open.length);
  const walk = (depth: number): void => {
    if (count > 1 || steps > MAX_STEPS) return;
    if (depth === order.length) {
      steps++;
      if (identitiesHold(rows)) {
        count++;
        found = [...choice];
      }
      return;
    }
    const i = order[depth]!;
    for (const cand of lists[i]!) {
      rows[index[open[i]!]] = cand;
      choice[i] = cand;
      walk(depth + 1);
      if (count > 1 || steps > MAX_STEPS) break;
    }
    rows[index[open[i]!]] = null;
  };
  walk(0);
  if (count === 1 && steps <= MAX_STEPS) {
    const chosen = found as unknown as BVector[];
    return { kind: 'unique', rows: Object.fromEntries(open.map((r, i) => [r, chosen[i]!])) };
  }
  return { kind: count === 0 && steps <= MAX_STEPS ? 'none' : 'ambiguous', rows: open };
}
