/**
 * The national annual-report format (国办公开办函〔2021〕30号) as typed constants.
 *
 * The ids are declared here as `const` tuples so that cell addresses are checked by the compiler, and they are
 * compared with the JSON spec (`spec/annual-report-format.json`, a copy of the shared spec) when this module loads:
 * if the two drift apart the process fails at once instead of reading reports wrongly.
 */
import { readFileSync } from 'node:fs';

const specUrl = new URL('./spec/annual-report-format.json', import.meta.url);

/** The machine-readable format spec, as shipped with the code. */
export const formatSpec: FormatSpecJson = JSON.parse(readFileSync(specUrl, 'utf8')) as FormatSpecJson;

// ---------------------------------------------------------------------------------------------------------------
// Sections (spec §1)

export const SECTION_IDS = [
  'overview',
  'proactive_disclosure',
  'requests',
  'review_litigation',
  'problems_improvements',
  'other_matters',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_NUMBERS = ['一', '二', '三', '四', '五', '六'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Table A (spec §2)

export const A_BLOCKS = {
  art20_1: { rows: ['regulations', 'normative_documents'], cols: ['issued', 'repealed', 'in_force'] },
  art20_5: { rows: ['administrative_licensing'], cols: ['decisions'] },
  art20_6: { rows: ['administrative_penalty', 'administrative_coercion'], cols: ['decisions'] },
  art20_8: { rows: ['administrative_fees'], cols: ['amount_wan_yuan'] },
} as const;
export type ABlockId = keyof typeof A_BLOCKS;
type ACellOf<B extends ABlockId> =
  `A.${B}.${(typeof A_BLOCKS)[B]['rows'][number]}.${(typeof A_BLOCKS)[B]['cols'][number]}`;
export type ACellAddress = { [B in ABlockId]: ACellOf<B> }[ABlockId];

/** The one decimal cell of the format (万元); every other cell is a count. */
export const DECIMAL_CELL = 'A.art20_8.administrative_fees.amount_wan_yuan' as const;

// ---------------------------------------------------------------------------------------------------------------
// Table B (spec §3)

export const B_COLUMNS = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'social_welfare_org',
  'legal_service_org',
  'other_org',
  'total',
] as const;
export type BColumnId = (typeof B_COLUMNS)[number];
export const B_APPLICANT_COLUMNS = B_COLUMNS.slice(0, 6) as Exclude<BColumnId, 'total'>[];

export const B_ROWS = [
  'new_received',
  'carried_over',
  'result.granted',
  'result.partially_granted',
  'result.withheld.state_secret',
  'result.withheld.prohibited_by_law',
  'result.withheld.security_stability',
  'result.withheld.third_party_rights',
  'result.withheld.internal_affairs',
  'result.withheld.process_info',
  'result.withheld.enforcement_file',
  'result.withheld.admin_query',
  'result.unable.not_held',
  'result.unable.needs_creation',
  'result.unable.unclear_after_correction',
  'result.not_processed.petition_complaint',
  'result.not_processed.repeated',
  'result.not_processed.publication',
  'result.not_processed.mass_repetitive',
  'result.not_processed.confirm_or_reissue',
  'result.other.no_correction',
  'result.other.fee_unpaid',
  'result.other.other',
  'result.total',
  'carried_forward',
] as const;
export type BRowId = (typeof B_ROWS)[number];
export type BCellAddress = `B.${BRowId}.${BColumnId}`;

// ---------------------------------------------------------------------------------------------------------------
// Table C (spec §4)

export const C_GROUPS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export type CGroupId = (typeof C_GROUPS)[number];
export const C_COLUMNS = ['upheld', 'corrected', 'other_result', 'pending', 'total'] as const;
export type CColumnId = (typeof C_COLUMNS)[number];
export type CCellAddress = `C.${CGroupId}.${CColumnId}`;

// ---------------------------------------------------------------------------------------------------------------
// Cells

export type CellAddress = ACellAddress | BCellAddress | CCellAddress;
/** A number read or entered; `null` = not present or not readable (never invented). */
export type CellValue = number | null;
export type Cells = Record<CellAddress, CellValue>;

export const A_CELL_ADDRESSES: ACellAddress[] = (Object.keys(A_BLOCKS) as ABlockId[]).flatMap((b) =>
  A_BLOCKS[b].rows.flatMap((r) => A_BLOCKS[b].cols.map((c) => `A.${b}.${r}.${c}` as ACellAddress)),
);
export const B_CELL_ADDRESSES: BCellAddress[] = B_ROWS.flatMap((r) =>
  B_COLUMNS.map((c) => `B.${r}.${c}` as BCellAddress),
);
export const C_CELL_ADDRESSES: CCellAddress[] = C_GROUPS.flatMap((g) =>
  C_COLUMNS.map((c) => `C.${g}.${c}` as CCellAddress),
);
/** All 200 cell addresses in the order of the official tables. */
export const CELL_ADDRESSES: readonly CellAddress[] = [
  ...A_CELL_ADDRESSES,
  ...B_CELL_ADDRESSES,
  ...C_CELL_ADDRESSES,
];
const addressSet = new Set<string>(CELL_ADDRESSES);

export function isCellAddress(s: string): s is CellAddress {
  return addressSet.has(s);
}

/** A fresh cell map with every cell `null`. */
export function emptyCells(): Cells {
  const cells = {} as Cells;
  for (const a of CELL_ADDRESSES) cells[a] = null;
  return cells;
}

/** A fresh cell map with every cell 0 (what a quiet township's report holds). */
export function zeroCells(): Cells {
  const cells = {} as Cells;
  for (const a of CELL_ADDRESSES) cells[a] = 0;
  return cells;
}

// ---------------------------------------------------------------------------------------------------------------
// Labels, from the JSON spec (the report's own words, used in messages and renderers)

interface SpecSection {
  id: string;
  no: string;
  heading: string;
  rendered: string;
  structured_fields?: { id: string; label: string }[];
}
interface SpecColumn {
  id: string;
  label: string;
}
interface SpecBRow {
  id: string;
  label: string;
  level: number;
  parent: string | null;
  has_cells: boolean;
}
interface SpecRule {
  id: string;
  severity: 'error' | 'warning';
  description: string;
  for_each_column?: string[];
  for_each_row?: string[];
  for_each_group?: string[];
  lhs?: string[] | string;
  rhs?: string[] | string;
  lhs_column?: string;
  rhs_columns?: string[];
  cells?: string[];
}
export interface FormatSpecJson {
  sections: SpecSection[];
  tables: {
    A: {
      title: string;
      blocks: { id: string; label: string; columns: SpecColumn[]; rows: SpecColumn[] }[];
      legacy_2019_trial_layout_markers: string[];
    };
    B: {
      title: string;
      corner_label: string;
      columns: SpecColumn[];
      rows: SpecBRow[];
      data_row_ids: string[];
      applicant_columns: string[];
    };
    C: { title: string; groups: { id: string; label: string; columns: SpecColumn[] }[] };
  };
  rules: SpecRule[];
  test_vectors: {
    id: string;
    expect: Record<string, string>;
    B: Record<string, Record<string, number>>;
    C: Record<string, Record<string, number>>;
  }[];
}

export interface SectionDef {
  id: SectionId;
  no: (typeof SECTION_NUMBERS)[number];
  heading: string;
  rendered: string;
}
export const SECTIONS: SectionDef[] = SECTION_IDS.map((id, i) => {
  const s = formatSpec.sections.find((x) => x.id === id);
  if (!s) throw new Error(`annual-report-format.json: section ${id} missing`);
  return { id, no: SECTION_NUMBERS[i]!, heading: s.heading, rendered: s.rendered };
});

export const TABLE_TITLES = {
  A: formatSpec.tables.A.title,
  B: formatSpec.tables.B.title,
  C: formatSpec.tables.C.title,
} as const;

/** Official labels: A block/row/column, B row/column, C group/column. */
export const LABELS = {
  aBlock: Object.fromEntries(formatSpec.tables.A.blocks.map((b) => [b.id, b.label])) as Record<
    ABlockId,
    string
  >,
  aRow: Object.fromEntries(
    formatSpec.tables.A.blocks.flatMap((b) => b.rows.map((r) => [r.id, r.label])),
  ) as Record<string, string>,
  aColumn: Object.fromEntries(
    formatSpec.tables.A.blocks.flatMap((b) => b.columns.map((c) => [c.id, c.label])),
  ) as Record<string, string>,
  bRow: Object.fromEntries(formatSpec.tables.B.rows.map((r) => [r.id, r.label])) as Record<string, string>,
  bColumn: Object.fromEntries(formatSpec.tables.B.columns.map((c) => [c.id, c.label])) as Record<
    BColumnId,
    string
  >,
  cGroup: Object.fromEntries(formatSpec.tables.C.groups.map((g) => [g.id, g.label])) as Record<
    CGroupId,
    string
  >,
  cColumn: Object.fromEntries(formatSpec.tables.C.groups[0]!.columns.map((c) => [c.id, c.label])) as Record<
    CColumnId,
    string
  >,
};

/** The B rows of the official table in order, with their level and whether they hold numbers. */
export const B_ROW_DEFS: SpecBRow[] = formatSpec.tables.B.rows;

/** 信息处理费 fields of section 六 (spec §1.1). */
export const FEE_FIELDS = [
  'fee_notices_issued',
  'fee_amount_billed_yuan',
  'fee_amount_collected_yuan',
] as const;
export type FeeFieldId = (typeof FEE_FIELDS)[number];
export type Fees = Record<FeeFieldId, number | null>;
export const FEE_LABELS: Record<FeeFieldId, string> = Object.fromEntries(
  (formatSpec.sections.find((s) => s.id === 'other_matters')?.structured_fields ?? []).map((f) => [
    f.id,
    f.label,
  ]),
) as Record<FeeFieldId, string>;

/** Where a cell sits, in the report's own words: “表三 “（七）总计”行 “自然人”列”. */
export function describeCell(address: CellAddress): string {
  const parts = address.split('.');
  if (parts[0] === 'A') {
    const [, block, row, col] = parts as [string, ABlockId, string, string];
    return `表二${LABELS.aBlock[block]}“${LABELS.aRow[row]}”行“${LABELS.aColumn[col]}”列`;
  }
  if (parts[0] === 'B') {
    const col = parts[parts.length - 1] as BColumnId;
    const row = parts.slice(1, -1).join('.');
    return `表三“${LABELS.bRow[row]}”行“${LABELS.bColumn[col]}”列`;
  }
  const [, group, col] = parts as [string, CGroupId, CColumnId];
  return `表四“${LABELS.cGroup[group]}”的“${LABELS.cColumn[col]}”`;
}

// ---------------------------------------------------------------------------------------------------------------
// Drift guard: the typed ids above must be exactly the JSON spec's ids.

function sameList(what: string, a: readonly string[], b: readonly string[]): void {
  if (a.length !== b.length || a.some((x, i) => x !== b[i])) {
    throw new Error(`annual-report-format.json and report-format.ts disagree on ${what}: ${b.join(',')}`);
  }
}
sameList(
  'sections',
  SECTION_IDS,
  formatSpec.sections.map((s) => s.id),
);
sameList(
  'table A blocks',
  Object.keys(A_BLOCKS),
  formatSpec.tables.A.blocks.map((b) => b.id),
);
for (const b of formatSpec.tables.A.blocks) {
  const def = A_BLOCKS[b.id as ABlockId];
  sameList(
    `table A ${b.id} rows`,
    def.rows,
    b.rows.map((r) => r.id),
  );
  sameList(
    `table A ${b.id} columns`,
    def.cols,
    b.columns.map((c) => c.id),
  );
}
sameList('table B rows', B_ROWS, formatSpec.tables.B.data_row_ids);
sameList(
  'table B columns',
  B_COLUMNS,
  formatSpec.tables.B.columns.map((c) => c.id),
);
sameList(
  'table C groups',
  C_GROUPS,
  formatSpec.tables.C.groups.map((g) => g.id),
);
for (const g of formatSpec.tables.C.groups) {
  sameList(
    `table C ${g.id} columns`,
    C_COLUMNS,
    g.columns.map((c) => c.id),
  );
}
if (CELL_ADDRESSES.length !== 200) throw new Error('annual-report format: expected 200 cells');
