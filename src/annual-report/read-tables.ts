/**
 * Read tables A, B and C from the row stream into the 200 cells.
 *
 * Every layout is read by the same rules, because real reports are damaged in many ways at once:
 * - a row is its label cells + the value cells after the last label (merged label columns leave empty cells
 *   before the values, which are dropped; see `fitValues`);
 * - the columns are always taken in the official order (converted headers are unreliable: split, shortened,
 *   relabelled), so headers are never used to place values;
 * - table B rows are aligned to the 25 official rows by a monotonic alignment that uses label similarity when a
 *   label is there and the official order when it is not (PDF extraction separates labels from their values);
 * - blank/无/ / /-/— cells in a table that is there read as 0 with a warning; cells the text never reaches are null.
 */
import {
  A_BLOCKS,
  B_COLUMNS,
  B_ROWS,
  CELL_ADDRESSES,
  C_COLUMNS,
  C_GROUPS,
  DECIMAL_CELL,
  LABELS,
  describeCell,
  emptyCells,
  formatSpec,
  type ABlockId,
  type BRowId,
  type CellAddress,
  type Cells,
  type CGroupId,
} from './report-format.ts';
import { finding, type Finding } from './finding.ts';
import { bigramSimilarity, labelKey, readCell, splitNumbering, type CellReading } from './normalize.ts';
import { rowParts, type Row, type RowParts } from './rows.ts';
import {
  digitSplits,
  gluedRowCandidates,
  oneLostCandidates,
  placementCandidates,
  solveRows,
  type BRowKnowledge,
  type BVector,
} from './split-cells.ts';
import { alignTemplate, type AlignToken, type CellConfidence, type Placement } from './template-align.ts';

export type Layout = '2021' | '2019-trial' | 'unknown';

export interface TablesReading {
  cells: Cells;
  /** Input line of each cell that was read. */
  cellLines: Partial<Record<CellAddress, number>>;
  /** How each cell that has a value was read (see template-align.ts). */
  confidence: Partial<Record<CellAddress, CellConfidence>>;
  findings: Finding[];
  layout: Layout;
  found: { A: boolean; B: boolean; C: boolean };
  /** Row indexes: where each table starts, and the first row after table C's values (or -1). */
  regions: { a: number; b: number; c: number; afterC: number };
}

interface PRow extends RowParts {
  row: Row;
  index: number;
  keys: string[];
  key: string;
  /** A paragraph of narrative, too long to be a table row or a caption (its keys are not computed). */
  long: boolean;
}

/** Labels longer than this (all cells together) are narrative, not a table row or caption. */
const NARRATIVE_LENGTH = 90;

/** Longest key of a row that is still a heading or a table caption, not a sentence. */
const SHORT = 40;

// -- addresses ------------------------------------------------------------------------------------------------

/**
 * The cell addresses of each table row, in column order: table 二 by row id, table 三 by row id, table 四 by group.
 * Built once from the format's own address strings, so a cell is never set under a key built anew.
 */
const rowAddresses = (prefix: 'A' | 'B' | 'C', of: (a: CellAddress) => string) => {
  const map = new Map<string, CellAddress[]>();
  for (const a of CELL_ADDRESSES.filter((x) => x[0] === prefix)) {
    const row = of(a);
    const list = map.get(row) ?? [];
    list.push(a);
    map.set(row, list);
  }
  return map;
};
const A_ADDRESSES = rowAddresses('A', (a) => a.split('.')[2]!);
const B_ADDRESSES = rowAddresses('B', (a) => a.slice(2, a.lastIndexOf('.')));
const C_ADDRESSES = rowAddresses('C', (a) => a.split('.')[1]!);
const aAddresses = (row: string) => A_ADDRESSES.get(row)!;
const bAddresses = (row: BRowId) => B_ADDRESSES.get(row)!;
const cAddresses = (group: CGroupId) => C_ADDRESSES.get(group)!;

// -- value cells ---------------------------------------------------------------------------------------------

/**
 * Fit the value cells of a row to n columns. Extra cells are empty cells left by merged label columns or padding:
 * drop empty cells at the end first, then from the longest run of empty cells (the merged columns), never a value.
 * A row with fewer cells keeps them in order from the first column (the missing ones are unknowable: null).
 */
export function fitValues(values: string[], n: number): (string | null)[] {
  const v = [...values];
  while (v.length > n && v[v.length - 1]!.trim() === '') v.pop();
  while (v.length > n) {
    let best = -1;
    let bestLen = 0;
    for (let i = 0; i < v.length;) {
      if (v[i]!.trim() !== '') {
        i++;
        continue;
      }
      let j = i;
      while (j < v.length && v[j]!.trim() === '') j++;
      if (j - i >= bestLen) {
        bestLen = j - i;
        best = i;
      }
      i = j;
    }
    if (best < 0) break;
    v.splice(best, 1);
  }
  const out: (string | null)[] = v.slice(0, n);
  while (out.length < n) out.push(null);
  return out;
}

type Placeholder = Exclude<CellReading['kind'], 'number'>;
const PLACEHOLDER_RULE = {
  blank: 'CELL-BLANK-AS-ZERO',
  wu: 'CELL-WU-AS-ZERO',
  slash: 'CELL-SLASH-AS-ZERO',
  dash: 'CELL-DASH-AS-ZERO',
} as const;
const PLACEHOLDER_TEXT = { blank: '空白', wu: '“无”', slash: '“/”', dash: '“-”' } as const;

/** Collects cell values and the placeholder/annotation findings, grouped per table and kind. */
class CellSink {
  readonly cells = emptyCells();
  readonly lines: Partial<Record<CellAddress, number>> = {};
  readonly confidence: Partial<Record<CellAddress, CellConfidence>> = {};
  private readonly placeholders = new Map<string, { cells: CellAddress[]; line: number }>();
  private readonly annotated: { cell: CellAddress; line: number; raw: string }[] = [];
  private readonly converted: { cell: CellAddress; line: number; raw: string; wan: number }[] = [];

  set(address: CellAddress, raw: string | null, line: number, confidence: CellConfidence): void {
    if (raw === null) return;
    const r = readCell(raw);
    if (r === null) return;
    if (line > 0) this.lines[address] = line;
    this.confidence[address] = confidence;
    if (r.kind === 'number') {
      if (r.unit === 'yuan' && address === DECIMAL_CELL) {
        // The column is in 万元: 251000元 is 25.1 万元 (kept to 4 decimals, 1 元 precision, as the format asks).
        const wan = Math.round(r.value) / 10000;
        this.cells[address] = wan;
        this.converted.push({ cell: address, line, raw: raw.trim(), wan });
        return;
      }
      this.cells[address] = r.value;
      if (r.annotated || (r.unit && address !== DECIMAL_CELL))
        this.annotated.push({ cell: address, line, raw: raw.trim() });
      return;
    }
    this.cells[address] = 0;
    const key = `${address[0]}:${r.kind}`;
    const entry = this.placeholders.get(key) ?? { cells: [], line };
    entry.cells.push(address);
    this.placeholders.set(key, entry);
  }

  findings(): Finding[] {
    const out: Finding[] = [];
    const tableName = { A: '表二', B: '表三', C: '表四' } as Record<string, string>;
    for (const [key, { cells, line }] of this.placeholders) {
      const [table, kind] = key.split(':') as [string, Placeholder];
      const where =
        cells.length <= 3 ? cells.map(describeCell).join('、') : `${tableName[table]}${cells.length}个单元格`;
      out.push(
        finding(
          PLACEHOLDER_RULE[kind],
          `${where}为${PLACEHOLDER_TEXT[kind]}，按0计（年报格式要求填写数字）`,
          cells,
          line,
        ),
      );
    }
    for (const a of this.converted)
      out.push(
        finding(
          'CELL-UNIT-CONVERTED',
          `${describeCell(a.cell)}写作“${a.raw}”，该栏单位为万元，按${a.wan}万元计`,
          [a.cell],
          a.line,
        ),
      );
    for (const a of this.annotated) {
      out.push(
        finding(
          'CELL-ANNOTATED',
          `${describeCell(a.cell)}带有说明文字（${a.raw}），只取数字`,
          [a.cell],
          a.line,
        ),
      );
    }
    return out;
  }
}

// -- anchors ------------------------------------------------------------------------------------------------

const A_BLOCK_KEY = /^第二十条第(一|五|六|八|九)项/;
const isAAnchor = (p: PRow) =>
  !p.long &&
  p.key.length <= SHORT &&
  (p.keys.some((k) => A_BLOCK_KEY.test(k)) ||
    /^(表二)?主动公开政府信息情况$/.test(stripNo(p.labels[0] ?? '')));
const isBAnchor = (p: PRow) =>
  !p.long &&
  p.key.length <= SHORT * 2 &&
  !/[。；;]$/.test(p.labels.at(-1) ?? '') &&
  (p.key.includes('收到和处理政府信息公开申请情况') ||
    p.key.includes('勾稽关系') ||
    p.keys.some((k) => k.includes('本年新收政府信息公开申请数量')));
const isCAnchor = (p: PRow) => !p.long && p.key.length <= SHORT && /行政复议|结果维持/.test(p.key);

function stripNo(label: string): string {
  return labelKey(splitNumbering(label).rest);
}

// -- table A ------------------------------------------------------------------------------------------------

/** Row labels of table A, with the variants real reports print (2021 format keeps 行政规范性文件). */
const A_ROW_KEYS: Record<string, { official: string; variants: string[] }> = Object.fromEntries(
  formatSpec.tables.A.blocks.flatMap((b) =>
    b.rows.map((r) => [
      r.id,
      { official: labelKey(r.label), variants: r.id === 'normative_documents' ? ['规范性文件'] : [] },
    ]),
  ),
);

/** Markers of the 2019 trial layout (spec §2; '规范性文件' and '处理决定数量' alone also occur in 2021 reports). */
const LEGACY_KEYS = formatSpec.tables.A.legacy_2019_trial_layout_markers
  .filter((m) => m !== '规范性文件' && m !== '处理决定数量')
  .map(labelKey);

/** Same length, one character different (“行政事业型收费” for 行政事业性收费). */
function oneCharTypo(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length && diff < 2; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

/** The rows of table 二 in template order: the slots of the aligner. */
const A_SLOTS: { id: string; block: ABlockId }[] = (Object.keys(A_BLOCKS) as ABlockId[]).flatMap((b) =>
  A_BLOCKS[b].rows.map((id) => ({ id: id as string, block: b })),
);

/** Row labels recur from report to report: their similarities are computed once (the arrays are not mutated). */
const aSimilarityMemo = new Map<string, number[]>();

/** How well a row's labels name each table-二 row: 1 official, 0.9 a known variant, else bigram/one-typo similarity. */
function aSimilarities(p: PRow): number[] {
  const memoKey = p.labels.join('\u0000');
  const memo = aSimilarityMemo.get(memoKey);
  if (memo) return memo;
  const sims = aSimilaritiesUncached(p.labels);
  if (memoKey.length <= 200) {
    if (aSimilarityMemo.size > 5000) aSimilarityMemo.clear();
    aSimilarityMemo.set(memoKey, sims);
  }
  return sims;
}

function aSimilaritiesUncached(labels: string[]): number[] {
  return A_SLOTS.map(({ id }) => {
    const def = A_ROW_KEYS[id]!;
    let best = 0;
    for (const label of labels) {
      const k = stripNo(label);
      if (k === def.official) return 1;
      if (def.variants.includes(k)) best = Math.max(best, 0.9);
      else if (k.length >= 4) {
        const sim = bigramSimilarity(k, def.official);
        if (sim >= 0.75) best = Math.max(best, Math.min(sim, 0.95));
        else if (k.length >= 5 && oneCharTypo(k, def.official)) best = Math.max(best, 0.8);
      }
    }
    return best;
  });
}

/** Lowest similarity at which a label names a table-二 row. */
const A_LABEL_MATCH = 0.75;

function readTableA(rows: PRow[], sink: CellSink, findings: Finding[]): boolean {
  const blockOfRow = new Map<string, ABlockId>();
  for (const b of Object.keys(A_BLOCKS) as ABlockId[]) for (const r of A_BLOCKS[b].rows) blockOfRow.set(r, b);
  const short: { id: string; values: string[]; row: PRow; how: CellConfidence }[] = [];
  const loose: { raw: string; row: PRow }[] = [];
  // Tokens: the rows whose label names a row of the template; the others may hold numbers torn out of the table.
  const tokens: { p: PRow; token: AlignToken }[] = [];
  for (const p of rows) {
    if (p.long) continue;
    const sims = aSimilarities(p);
    if (Math.max(...sims) < A_LABEL_MATCH) {
      // Numbers torn out of the table by PDF extraction (“22” / “（其中修订 16 件）”): kept for recovery below.
      const nums = p.values.filter((v) => readCell(v)?.kind === 'number');
      if (nums.length === 1 && p.values.length === 1) loose.push({ raw: nums[0]!, row: p });
      continue;
    }
    tokens.push({ p, token: { sims, labelled: true, width: p.values.length } });
  }
  // PDF extraction may put the four blocks in another order (a block's rows stay together and in order): each
  // block is aligned to its own slots, from the tokens whose label names one of them.
  const placements: (Placement | null)[] = new Array<Placement | null>(tokens.length).fill(null);
  for (const block of Object.keys(A_BLOCKS) as ABlockId[]) {
    const slots = A_SLOTS.flatMap((s, j) => (s.block === block ? [j] : []));
    const mine = tokens.flatMap((t, ti) => {
      const best = t.token.sims.indexOf(Math.max(...t.token.sims));
      return slots.includes(best) ? [ti] : [];
    });
    const aligned = alignTemplate(
      mine.map((ti) => ({ ...tokens[ti]!.token, sims: slots.map((j) => tokens[ti]!.token.sims[j]!) })),
      slots.length,
      { labelMatch: A_LABEL_MATCH },
    );
    aligned.forEach((pl, k) => {
      if (pl) placements[mine[k]!] = { ...pl, slot: slots[pl.slot]! };
    });
  }
  // Rows whose label is missing (blank or stripped): placed by the template's order and the blocks, where only one
  // placement fits; the numbers torn out of the table below are the rows that are none of these.
  const ordered = placeUnlabelledA(rows, tokens, placements, findings);
  const placedRows = new Set(ordered.map((o) => o.p));
  for (let k = loose.length - 1; k >= 0; k--) if (placedRows.has(loose[k]!.row)) loose.splice(k, 1);
  for (const { p, slot, from } of ordered) {
    const { id } = A_SLOTS[slot]!;
    const filled = p.values.filter((v) => v.trim() !== '');
    aAddresses(id).forEach((a, i) => sink.set(a, filled[from + i] ?? null, p.row.line, 'order'));
  }
  let seen = new Set(ordered.map((o) => o.slot)).size;
  tokens.forEach(({ p }, ti) => {
    const placement = placements[ti];
    if (!placement) return;
    seen++;
    const { id } = A_SLOTS[placement.slot]!;
    const block = blockOfRow.get(id)!;
    const cols = A_BLOCKS[block].cols;
    const label = LABELS.aRow[id]!;
    if (placement.how !== 'exact') {
      findings.push(
        finding('LABEL-NONSTANDARD', `表二行名“${p.labels.at(-1)}”应为“${label}”`, [], p.row.line),
      );
    }
    if (p.row.glued && cols.length > 1 && p.values.length === 1) {
      splitGluedA(block, id, p, sink, findings);
      return;
    }
    const values = p.values.filter((v, i) => v.trim() !== '' || i < cols.length);
    if (values.length > 0 && values.length < cols.length)
      short.push({ id, values, row: p, how: placement.how });
    const fitted = fitValues(values, cols.length);
    aAddresses(id).forEach((a, i) => sink.set(a, fitted[i] ?? null, p.row.line, placement.how));
  });
  // A row that lost exactly one interior cell, with as many loose numbers as such rows: the annotated cells
  // (“55（含自然失效 29 件）”) were printed outside the table, in row order. First and last cells stay in place.
  const recoverable = short.filter(
    (s) => A_BLOCKS[blockOfRow.get(s.id)!].cols.length - s.values.length === 1,
  );
  if (recoverable.length && recoverable.length === loose.length && recoverable.length === short.length) {
    recoverable.forEach((s, i) => {
      const block = blockOfRow.get(s.id)!;
      const cols = A_BLOCKS[block].cols;
      const mid = Math.floor(cols.length / 2);
      const withLoose = [...s.values.slice(0, mid), loose[i]!.raw, ...s.values.slice(mid)];
      const address = `A.${block}.${s.id}.${cols[mid]}` as CellAddress;
      cols.forEach((c, j) => {
        const a = `A.${block}.${s.id}.${c}` as CellAddress;
        sink.set(a, withLoose[j]!, s.row.row.line, a === address ? 'recovered' : s.how);
      });
      findings.push(
        finding(
          'CELL-RECOVERED',
          `${describeCell(address)}不在表格行内，取自表格旁的数字“${loose[i]!.raw}”（第${loose[i]!.row.row.line}行）`,
          [address],
          loose[i]!.row.row.line,
        ),
      );
    });
  }
  return seen > 0;
}

/** The block a block-label row names (“第二十条第（五）项” → art20_5), or null. */
const A_BLOCK_OF_NUMERAL: Record<string, ABlockId> = {
  一: 'art20_1',
  五: 'art20_5',
  六: 'art20_6',
  八: 'art20_8',
};
function blockMarker(p: PRow): ABlockId | null {
  for (const k of p.keys) {
    const m = A_BLOCK_KEY.exec(k);
    if (m) return A_BLOCK_OF_NUMERAL[m[1]!] ?? null;
  }
  return null;
}

/** Header words of table 二: 信息内容 and the column labels (a row of these alone, with values, has lost its label). */
const A_HEADER_WORDS = [
  '信息内容',
  ...formatSpec.tables.A.blocks.flatMap((b) => b.columns.map((c) => c.label)),
]
  .map(labelKey)
  .sort((x, y) => y.length - x.length);

/** Labels that name no row: table 二's header words, or the block label. */
function onlyHeaderWords(p: PRow): boolean {
  return p.keys.every((k) => {
    let rest = k.replace(A_BLOCK_KEY, '');
    for (const w of A_HEADER_WORDS) rest = rest.split(w).join('');
    return rest === '';
  });
}

const aWidth = (slot: number) => A_BLOCKS[A_SLOTS[slot]!.block].cols.length;
/** Index of the first value of `spans[i]` in its row (the widths of the slots before it). */
const offsetOf = (slots: number[], i: number) => slots.slice(0, i).reduce((n, j) => n + aWidth(j), 0);

/**
 * The empty slots `free` (in template order) taken by rows of `widths` values, each row the next slot or the next
 * few (one cell a line: the values of a block's rows joined into one), or null when the widths do not add up to the
 * slots' exactly. In order and with every slot filled, there is at most one way.
 */
function spanSlots(widths: number[], free: number[]): number[][] | null {
  const out: number[][] = [];
  let j = 0;
  for (const w of widths) {
    const slots: number[] = [];
    let sum = 0;
    while (sum < w && j < free.length) {
      slots.push(free[j]!);
      sum += aWidth(free[j]!);
      j++;
    }
    if (sum !== w) return null;
    out.push(slots);
  }
  return j === free.length ? out : null;
}

/**
 * Table-二 rows without a label (left blank, or stripped by a copy), placed by the template's order: a run of such
 * rows between two rows that are placed (by label) or a block label, in a block or between blocks, takes the empty
 * slots there when their values fill those slots exactly, in order (as many rows as slots with each row its slot's
 * number of cells, or a row holding the values of several consecutive slots). When the count or the widths do not
 * settle it, the rows stay unread and a finding says so. Values are never guessed.
 */
function placeUnlabelledA(
  rows: PRow[],
  tokens: { p: PRow; token: AlignToken }[],
  placements: (Placement | null)[],
  findings: Finding[],
): { p: PRow; slot: number; from: number }[] {
  const slotOf = new Map<PRow, number>();
  tokens.forEach(({ p }, ti) => {
    const pl = placements[ti];
    if (pl) slotOf.set(p, pl.slot);
  });
  const taken = new Set(slotOf.values());
  const out: { p: PRow; slot: number; from: number }[] = [];
  let block: ABlockId | null = null;
  let prev = -1;
  // The run: rows without a label, and the values a labelled row holds beyond its own cells when the text has one
  // cell a line (the values of the unlabelled row after it were joined to it): `skip` = the row's own cells.
  let run: { p: PRow; skip: number }[] = [];
  const width = (p: PRow) => p.values.filter((v) => v.trim() !== '').length;
  const settle = (next: number) => {
    if (!run.length) return;
    const free = A_SLOTS.flatMap((s, j) =>
      j > prev && j < next && !taken.has(j) && (block === null || s.block === block) ? [j] : [],
    );
    // Without a block label or a placed row before or after them, the rows are not known to be table 二's.
    const bounded = block !== null || prev >= 0 || next < A_SLOTS.length;
    if (bounded && free.length) {
      const spans = spanSlots(
        run.map(({ p, skip }) => width(p) - skip),
        free,
      );
      if (spans) {
        run.forEach(({ p, skip }, k) => {
          for (const [i, slot] of spans[k]!.entries())
            out.push({ p, slot, from: skip + offsetOf(spans[k]!, i) });
          for (const slot of spans[k]!) taken.add(slot);
        });
      } else if (run.some((x) => x.skip === 0)) {
        const ids = free.map((j) => A_SLOTS[j]!.id);
        findings.push(
          finding(
            'TABLE-INCOMPLETE',
            `表二有${run.filter((x) => x.skip === 0).length}行没有行名，按模板的行序和表格结构无法确定是${ids.map((id) => `“${LABELS.aRow[id]}”`).join('、')}中的哪一行，这些单元格记为空（null）`,
            ids.flatMap(aAddresses),
            run[0]!.p.row.line,
          ),
        );
      }
    }
    run = [];
  };
  for (const p of rows) {
    if (p.long) continue;
    const slot = slotOf.get(p);
    if (slot !== undefined) {
      settle(slot);
      prev = slot;
      const own = aWidth(slot);
      if (p.row.kind === 'text' && width(p) > own) run.push({ p, skip: own });
      continue;
    }
    const marker = blockMarker(p);
    if (marker) {
      settle(A_SLOTS.length);
      block = marker;
      prev = -1;
    }
    if (width(p) > 0 && (p.labels.length === 0 || onlyHeaderWords(p))) run.push({ p, skip: 0 });
  }
  settle(A_SLOTS.length);
  return out;
}

/** A table-二 row whose cells were glued into one run of digits: split only when one split is possible. */
function splitGluedA(block: ABlockId, id: string, p: PRow, sink: CellSink, findings: Finding[]): void {
  const cols = A_BLOCKS[block].cols;
  const run = p.values[0]!.trim();
  const addresses = cols.map((c) => `A.${block}.${id}.${c}` as CellAddress);
  const splits = digitSplits(run, cols.length);
  if (splits.length === 1) {
    addresses.forEach((a, i) => sink.set(a, String(splits[0]![i]), p.row.line, 'split'));
    findings.push(
      finding(
        'CELL-RECOVERED',
        `表二“${LABELS.aRow[id]}”行的数字连在一起（“${run}”），只有一种拆分：${splits[0]!.join('、')}`,
        addresses,
        p.row.line,
      ),
    );
    return;
  }
  findings.push(
    finding(
      'CELL-SPLIT-AMBIGUOUS',
      `表二“${LABELS.aRow[id]}”行的数字连在一起（“${run}”），${splits.length ? '有多种拆分' : '无法拆分'}，无法确定各单元格，记为空（null）`,
      addresses,
      p.row.line,
    ),
  );
}

// -- table B ------------------------------------------------------------------------------------------------

interface BRowSpec {
  /** null for the 2019 layout's single （六）其他处理 row, whose value cannot be split into the 2021 rows. */
  id: BRowId | null;
  key: string;
  numbering: string;
}

function bSpecFor(id: BRowId): BRowSpec {
  const { numbering, rest } = splitNumbering(LABELS.bRow[id]!);
  return { id, key: labelKey(rest), numbering: numbering ? `${numbering.kind}${numbering.n}` : '' };
}
const B_SPECS_2021: BRowSpec[] = B_ROWS.map(bSpecFor);
const B_SPECS_2019: BRowSpec[] = [
  ...B_SPECS_2021.filter(
    (s) => !s.id!.startsWith('result.other.') && s.id !== 'result.total' && s.id !== 'carried_forward',
  ),
  { id: null, key: labelKey('其他处理'), numbering: 'paren6' },
  bSpecFor('result.total'),
  bSpecFor('carried_forward'),
];

const B_HEADER_KEYS = new Set(
  [
    '申请人情况',
    '法人或其他组织',
    '自然人',
    '总计',
    '商业企业',
    '科研机构',
    '社会公益组织',
    '法律服务机构',
    '其他',
    '商业',
    '企业',
    '科研',
    '机构',
  ].map(labelKey),
);

interface LabelKey {
  key: string;
  numbering: string;
}

/** The matching keys of a row's labels (each label, and all of them joined when there are several). */
function labelKeys(labels: string[]): LabelKey[] {
  const candidates = labels.length > 1 ? [...labels, labels.join('')] : labels;
  return candidates
    .map((label) => {
      const { numbering, rest } = splitNumbering(label);
      return { key: labelKey(rest), numbering: numbering ? `${numbering.kind}${numbering.n}` : '' };
    })
    .filter((k) => k.key.length >= 2);
}

/**
 * How well a row's labels name each official row (0…1, ±0.1 for a matching or conflicting number). Equality and
 * containment first; bigram similarity (for OCR damage) only when nothing matched that way.
 */
function bSimilarities(keys: LabelKey[], specs: BRowSpec[]): number[] {
  const memoKey = `${specs === B_SPECS_2019 ? '2019' : '2021'}|${keys.map((k) => `${k.numbering}:${k.key}`).join('|')}`;
  const memo = bSimilarityMemo.get(memoKey);
  if (memo) return memo;
  const sims = bSimilaritiesUncached(keys, specs);
  if (bSimilarityMemo.size > 5000) bSimilarityMemo.clear();
  bSimilarityMemo.set(memoKey, sims);
  return sims;
}

/** Row labels recur from report to report: their similarities are computed once (the arrays are not mutated). */
const bSimilarityMemo = new Map<string, number[]>();

function bSimilaritiesUncached(keys: LabelKey[], specs: BRowSpec[]): number[] {
  const direct = (fuzzy: boolean) =>
    specs.map((spec) => {
      let best = 0;
      for (const { key: k, numbering } of keys) {
        let s: number;
        if (k === spec.key) s = 1;
        else if (k.includes(spec.key)) s = 0.5 + (0.5 * spec.key.length) / k.length;
        else if (spec.key.includes(k)) s = 0.5 + (0.5 * k.length) / spec.key.length;
        else s = fuzzy ? 0.9 * bigramSimilarity(k, spec.key) : 0;
        if (s > 0 && numbering && spec.numbering) s += numbering === spec.numbering ? 0.1 : -0.1;
        best = Math.max(best, s);
      }
      return best;
    });
  const sims = direct(false);
  return Math.max(0, ...sims) >= 0.8 ? sims : direct(true);
}

const LABEL_MATCH = 0.45;
/** Below this similarity a label is only part of a slot's label (“信息公开申请”). */
const PARTIAL_LABEL = 0.8;

interface BObserved {
  p: PRow;
  values: (string | null)[];
  sims: number[];
  labelled: boolean;
  /** A row whose cell positions were lost (glued digits, or only its non-empty cells): candidate rows. */
  candidates?: BVector[];
  how?: 'glued' | 'placed' | 'lost';
}

/** The numbers of a row that kept only some of its cells, or null when a cell is not a plain number. */
function plainNumbers(values: string[]): number[] | null {
  const out: number[] = [];
  for (const v of values) {
    if (v.trim() === '') continue;
    const r = readCell(v);
    if (!r || r.kind !== 'number' || r.annotated || !Number.isInteger(r.value)) return null;
    out.push(r.value);
  }
  return out;
}

/**
 * Six plain numbers where a table-三 row of one-cell lines has seven: one cell is lost (a line of the text dropped,
 * or a 0 cell left out), and which one the row cannot say — the first five adding up to the sixth fits a lost 0 as well as a lost
 * 总计. Such a row is not read from the first column (that shifts every cell after the lost one): its candidates
 * (`oneLostCandidates`) are settled by the identities between rows, or it stays null.
 */
function lostOne(values: string[]): boolean {
  if (values.length !== B_COLUMNS.length - 1) return false;
  const numbers = plainNumbers(values);
  return numbers !== null && numbers.length === values.length;
}

/**
 * A row of separated cells with six values of which the first five add up to the sixth: complete with one 0 cell
 * left out (not a row that lost its last cell, whose sixth value would be one applicant column).
 */
function zeroDropped(values: string[]): boolean {
  if (values.length !== B_COLUMNS.length - 1) return false;
  const numbers = plainNumbers(values);
  if (!numbers || numbers.length !== values.length) return false;
  const sum = numbers.slice(0, 5).reduce((a, b) => a + b, 0);
  return sum === numbers[5] && sum > 0;
}

function readTableB(
  rows: PRow[],
  layout: Layout,
  sink: CellSink,
  findings: Finding[],
  atDocumentEnd: boolean,
): boolean {
  const specs = layout === '2019-trial' ? B_SPECS_2019 : B_SPECS_2021;
  const observed: BObserved[] = [];
  rows.forEach((p, k) => {
    if (p.long) return;
    const isHeader =
      p.labels.length > 0 &&
      p.labels.every((l) => !splitNumbering(l).numbering && B_HEADER_KEYS.has(labelKey(l)));
    if (isHeader) return;
    const keys = labelKeys(p.labels);
    const lost = p.row.assembled === true && lostOne(p.values);
    if (p.values.length < B_COLUMNS.length - 1 || p.row.glued || lost || zeroDropped(p.values)) {
      // Positions lost: a glued run of digits, or a labelled row with only some of its cells. The last row of a
      // text that ends there may simply be cut off: it is left to the truncation rules.
      if (!p.values.length || (atDocumentEnd && k === rows.length - 1)) return;
      // PDF extraction separates labels from their values: a label followed by a row of values only is such a
      // label, and a stray number next to it (a wrapped “1.”) is no cell.
      const next = rows[k + 1];
      if (!p.row.glued && next && !next.labels.length && next.values.length >= B_COLUMNS.length - 1) return;
      const sims = bSimilarities(keys, specs);
      if (Math.max(...sims) < LABEL_MATCH) return;
      const run = p.values.length === 1 ? p.values[0]!.trim() : '';
      if (p.row.glued && /^\d+$/.test(run) && run.length >= B_COLUMNS.length) {
        observed.push({
          p,
          values: [],
          sims,
          labelled: true,
          candidates: gluedRowCandidates(run),
          how: 'glued',
        });
        return;
      }
      const numbers = plainNumbers(p.values);
      if (!numbers || !numbers.length) return;
      observed.push({
        p,
        values: [],
        sims,
        labelled: true,
        candidates: lost ? oneLostCandidates(numbers) : placementCandidates(numbers),
        how: lost ? 'lost' : 'placed',
      });
      return;
    }
    const sims = bSimilarities(keys, specs);
    const labelled = Math.max(...sims) >= LABEL_MATCH;
    const filled = p.values.filter((v) => v.trim() !== '').length;
    if (!labelled && filled < B_COLUMNS.length - 1) return;
    observed.push({ p, values: fitValues(p.values, B_COLUMNS.length), sims, labelled });
  });
  if (!observed.length) return false;
  const placements: (Placement | null)[] = alignTemplate(
    observed.map((o) => ({ sims: o.sims, labelled: o.labelled, width: o.values.length })),
    specs.length,
    { labelMatch: LABEL_MATCH },
  );
  const filledRows = new Set<number>();
  const known: Partial<Record<BRowId, BRowKnowledge>> = {};
  const placed: { o: BObserved; id: BRowId }[] = [];
  const rivals = rivalSlots(observed, placements, specs);
  observed.forEach((o, i) => {
    const placement = placements[i];
    if (!placement) return;
    const j = placement.slot;
    filledRows.add(j);
    const spec = specs[j]!;
    if (!spec.id) return;
    const rival = rivals[i];
    if (rival !== undefined) {
      const ids = [spec.id, specs[rival]!.id!];
      findings.push(
        finding(
          'TABLE-INCOMPLETE',
          `表三有一行数字（行名“${o.p.labels.join('') || '无'}”）可能属于“${LABELS.bRow[ids[0]!]}”，也可能属于“${LABELS.bRow[ids[1]!]}”（文本缺了一行），记为空（null）`,
          ids.flatMap((id) => B_COLUMNS.map((c) => `B.${id}.${c}` as CellAddress)),
          o.p.row.line,
        ),
      );
      return;
    }
    if (o.candidates) {
      known[spec.id] = { candidates: o.candidates };
      placed.push({ o, id: spec.id });
      return;
    }
    known[spec.id] = {
      values: o.values.map((v) => {
        if (v === null) return null;
        const r = readCell(v);
        return r === null ? null : r.kind === 'number' ? r.value : 0;
      }),
    };
    bAddresses(spec.id).forEach((a, k) => sink.set(a, o.values[k] ?? null, o.p.row.line, placement.how));
    const missing = o.values.filter((v) => v === null).length;
    if (missing) {
      findings.push(
        finding(
          'TABLE-INCOMPLETE',
          `表三“${LABELS.bRow[spec.id]}”行只有${B_COLUMNS.length - missing}个数，缺少的单元格记为空（null）`,
          B_COLUMNS.slice(B_COLUMNS.length - missing).map((c) => `B.${spec.id}.${c}` as CellAddress),
          o.p.row.line,
        ),
      );
    }
  });
  if (placed.length) settlePlaced(placed, known, sink, findings);
  const unread = specs.filter((s, j) => s.id && !filledRows.has(j)).map((s) => s.id!);
  if (unread.length) {
    findings.push(
      finding(
        'TABLE-INCOMPLETE',
        `表三有${unread.length}行未能读出：${unread
          .slice(0, 3)
          .map((id) => `“${LABELS.bRow[id]}”`)
          .join('、')}${unread.length > 3 ? '等' : ''}`,
        unread.flatMap((id) => B_COLUMNS.map((c) => `B.${id}.${c}` as CellAddress)),
        observed[0]!.p.row.line,
      ),
    );
  }
  return true;
}

/**
 * For each placed token of table 三, an empty slot it fits as well as its own (its label names both as well, is only
 * part of both, or it has none), between the slots of its placed neighbours: the text lost a row there, and which of the two rows this
 * one is cannot be told (“信息公开申请” ends two labels of （六）). Such a token is not read.
 */
function rivalSlots(
  observed: BObserved[],
  placements: (Placement | null)[],
  specs: BRowSpec[],
): (number | undefined)[] {
  const taken = new Set<number>();
  for (const p of placements) if (p) for (let k = 0; k < p.span; k++) taken.add(p.slot + k);
  const out: (number | undefined)[] = [];
  let prev = -1;
  placements.forEach((p, i) => {
    if (!p) return;
    let next = specs.length;
    for (let k = i + 1; k < placements.length; k++) {
      const q = placements[k];
      if (q) {
        next = q.slot;
        break;
      }
    }
    const sims = observed[i]!.sims;
    const own = observed[i]!.labelled ? (sims[p.slot] ?? 0) : 0;
    for (let j = prev + 1; j < next; j++) {
      if (j === p.slot || taken.has(j) || !specs[j]!.id) continue;
      // A label that names the rival as well, or is only part of its own slot's label and also names the rival.
      const rival = sims[j] ?? 0;
      const fits =
        !observed[i]!.labelled || rival >= own - 1e-9 || (own < PARTIAL_LABEL && rival >= LABEL_MATCH);
      if (fits) {
        out[i] = j;
        break;
      }
    }
    prev = p.slot + p.span - 1;
  });
  return out;
}

/** Fill the rows whose positions were lost, when the identities leave exactly one way; else report them. */
function settlePlaced(
  placed: { o: BObserved; id: BRowId }[],
  known: Partial<Record<BRowId, BRowKnowledge>>,
  sink: CellSink,
  findings: Finding[],
): void {
  const solved = solveRows(known);
  for (const { o, id } of placed) {
    const addresses = [...bAddresses(id)];
    const raw = o.p.values.filter((v) => v.trim() !== '').join(' ');
    const row = solved.kind === 'unique' ? solved.rows[id] : undefined;
    if (!row) {
      findings.push(
        finding(
          'CELL-SPLIT-AMBIGUOUS',
          `表三“${LABELS.bRow[id]}”行${o.how === 'glued' ? `的数字连在一起（“${raw}”）` : o.how === 'lost' ? `只有${B_COLUMNS.length - 1}个数（${raw}），缺了哪一格不明` : `只列出了部分单元格（${raw}），位置不明`}，` +
            `${solved.kind === 'none' ? '没有一种拆分符合表内勾稽关系' : '有多种拆分都符合表内勾稽关系'}，记为空（null）`,
          addresses,
          o.p.row.line,
        ),
      );
      continue;
    }
    const how = o.how === 'glued' ? 'split' : 'identities';
    addresses.forEach((a, i) => sink.set(a, String(row[i]), o.p.row.line, how));
    if (o.how === 'placed' && row.every((v) => v === 0)) {
      findings.push(
        finding(
          'CELL-BLANK-AS-ZERO',
          `表三“${LABELS.bRow[id]}”行只填了0，其余单元格为空白，按0计（年报格式要求每格填写数字）`,
          addresses,
          o.p.row.line,
        ),
      );
      continue;
    }
    findings.push(
      finding(
        'CELL-RECOVERED',
        `表三“${LABELS.bRow[id]}”行${o.how === 'glued' ? `的数字连在一起（“${raw}”）` : o.how === 'lost' ? `只有${B_COLUMNS.length - 1}个数（${raw}）` : `只列出了部分单元格（${raw}）`}，` +
          `按表内勾稽关系只有一种读法：${row.join('、')}`,
        addresses,
        o.p.row.line,
      ),
    );
  }
}

// -- table C ------------------------------------------------------------------------------------------------

function cGroupOf(key: string): CGroupId | null {
  if (key.includes('复议后起诉')) return 'litigation_after_review';
  if (key.includes('未经复议') || key.includes('直接起诉')) return 'litigation_direct';
  if (key.includes('行政复议') && !key.includes('诉讼')) return 'review';
  return null;
}

function readTableC(rows: PRow[], sink: CellSink, findings: Finding[]): { found: boolean; last: number } {
  const width = C_GROUPS.length * C_COLUMNS.length;
  // Tokens: the value rows of the table, up to the ones that cover the three groups (the narrative after the table
  // is not read). A group's label may stand in the row or in a row of its own just before it.
  const tokens: { p: PRow; token: AlignToken }[] = [];
  let pending: CGroupId | null = null;
  let covered = 0;
  for (const p of rows) {
    if (covered >= C_GROUPS.length) break;
    if (p.long) continue;
    const filled = p.values.filter((v) => v.trim() !== '').length;
    if (p.values.length >= width - 1) {
      tokens.push({ p, token: { sims: [], labelled: false, width: p.values.length } });
      covered += C_GROUPS.length;
      continue;
    }
    const group = cGroupOf(p.key);
    if (group && p.values.length < C_COLUMNS.length - 1) {
      pending = group;
      continue;
    }
    if (p.values.length >= C_COLUMNS.length - 1 && p.values.length <= C_COLUMNS.length + 1 && filled > 0) {
      const g = group ?? pending;
      const sims = C_GROUPS.map((x) => (x === g ? 1 : 0));
      tokens.push({ p, token: { sims, labelled: g !== null, width: p.values.length } });
      covered++;
      pending = null;
    }
  }
  const placements = alignTemplate(
    tokens.map((t) => t.token),
    C_GROUPS.length,
    {
      labelMatch: 0.5,
      widths: C_GROUPS.map(() => C_COLUMNS.length),
      fits: (i) => Math.abs(tokens[i]!.token.width - C_COLUMNS.length) <= 1,
    },
  );
  const done = new Set<CGroupId>();
  let last = -1;
  tokens.forEach(({ p }, ti) => {
    const placement = placements[ti];
    if (!placement) return;
    const groups = C_GROUPS.slice(placement.slot, placement.slot + placement.span);
    // Table 四's one row of 15 values is the standard layout: its columns are the template's, read as printed.
    const how: CellConfidence = placement.span === C_GROUPS.length ? 'exact' : placement.how;
    const fitted = fitValues(p.values, groups.length * C_COLUMNS.length);
    groups.forEach((g, gi) => {
      cAddresses(g).forEach((a, ci) =>
        sink.set(a, fitted[gi * C_COLUMNS.length + ci] ?? null, p.row.line, how),
      );
      done.add(g);
    });
    last = p.index;
  });
  if (done.size > 0 && done.size < C_GROUPS.length) {
    const missing = C_GROUPS.filter((g) => !done.has(g));
    findings.push(
      finding(
        'TABLE-INCOMPLETE',
        `表四缺少${missing.map((g) => `“${LABELS.cGroup[g]}”`).join('、')}的数字`,
        missing.flatMap((g) => C_COLUMNS.map((c) => `C.${g}.${c}` as CellAddress)),
      ),
    );
  }
  return { found: done.size > 0, last };
}

// -- all tables -----------------------------------------------------------------------------------------------

/** Read the three tables of a report from its rows. Pure. */
export function readTables(rows: Row[]): TablesReading {
  const prows: PRow[] = rows.map((row, index) => {
    const parts = rowParts(row);
    const long = parts.labels.reduce((n, l) => n + l.length, 0) > NARRATIVE_LENGTH;
    const keys = long ? [] : parts.labels.map(labelKey);
    // Explicit properties, not `...parts`: spreading here made every row a slow dictionary-mode object and cost half
    // of the checker's time (measured with the annual-report bench).
    return { labels: parts.labels, values: parts.values, row, index, keys, key: keys.join(''), long };
  });
  const findings: Finding[] = [];
  const sink = new CellSink();

  const a = prows.findIndex(isAAnchor);
  const bFrom = Math.max(a, 0);
  let b = prows.findIndex((p, i) => i >= bFrom && isBAnchor(p));
  if (b < 0) b = prows.findIndex(isBAnchor);
  const cFrom = Math.max(b, a, 0);
  const c = prows.findIndex((p, i) => i > cFrom && isCAnchor(p));

  const legacy = prows.some(
    (p, i) =>
      (a < 0 || i >= a) &&
      (b < 0 || i < b) &&
      p.keys.some((k) => LEGACY_KEYS.some((m) => k === m || (m.startsWith('第二十条') && k.startsWith(m)))),
  );
  const layout: Layout = legacy ? '2019-trial' : a >= 0 || b >= 0 ? '2021' : 'unknown';

  let foundA = false;
  if (a >= 0 && !legacy) {
    const end = b > a ? b : c > a ? c : prows.length;
    foundA = readTableA(prows.slice(a, end), sink, findings);
  }
  let foundB = false;
  if (b >= 0) {
    const end = c > b ? c : prows.length;
    foundB = readTableB(prows.slice(b, end), layout, sink, findings, end === prows.length);
  }
  let foundC = false;
  let afterC = -1;
  if (c >= 0) {
    const r = readTableC(prows.slice(c), sink, findings);
    foundC = r.found;
    afterC = r.found ? r.last + 1 : -1;
  }
  return {
    cells: sink.cells,
    cellLines: sink.lines,
    confidence: sink.confidence,
    findings: [...sink.findings(), ...findings],
    layout,
    found: { A: foundA, B: foundB, C: foundC },
    regions: { a, b, c, afterC },
  };
}
