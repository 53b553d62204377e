/**
 * The official layout of tables 二、三、四 (spec §2–§4 and the JSON `render` hints): rows of cells with their
 * spans, value cells carrying their address. Renderers (web page, synthetic test reports) draw from this.
 */
import {
  A_BLOCKS,
  B_COLUMNS,
  C_COLUMNS,
  C_GROUPS,
  LABELS,
  formatSpec,
  type ABlockId,
  type CellAddress,
} from './report-format.ts';

export interface LayoutCell {
  text: string;
  colspan?: number;
  rowspan?: number;
  /** Set on value cells. */
  address?: CellAddress;
}
export type LayoutRows = LayoutCell[][];

type Format = (address: CellAddress) => string;

/** Table 二: four blocks, each a label row, a header row (信息内容 …) and its data rows; 4 columns. */
export function tableALayout(format: Format): LayoutRows {
  const rows: LayoutRows = [];
  for (const b of formatSpec.tables.A.blocks) {
    const def = A_BLOCKS[b.id as ABlockId];
    const wide = def.cols.length === 1 ? 3 : undefined;
    rows.push([{ text: b.label, colspan: 4 }]);
    rows.push([{ text: '信息内容' }, ...b.columns.map((c) => ({ text: c.label, colspan: wide }))]);
    for (const row of b.rows) {
      rows.push([
        { text: row.label },
        ...def.cols.map((c) => {
          const address = `A.${b.id}.${row.id}.${c}` as CellAddress;
          return { text: format(address), colspan: wide, address };
        }),
      ]);
    }
  }
  return rows;
}

/** Table 三: 3 header rows under the corner cell, 3 label columns, 7 value columns. */
export function tableBLayout(format: Format): LayoutRows {
  const values = (row: string) =>
    B_COLUMNS.map((c) => {
      const address = `B.${row}.${c}` as CellAddress;
      return { text: format(address), address };
    });
  const rows: LayoutRows = [
    [
      { text: formatSpec.tables.B.corner_label, colspan: 3, rowspan: 3 },
      { text: '申请人情况', colspan: 7 },
    ],
    [
      { text: LABELS.bColumn.natural_person, rowspan: 2 },
      { text: '法人或其他组织', colspan: 5 },
      { text: LABELS.bColumn.total, rowspan: 2 },
    ],
    B_COLUMNS.slice(1, 6).map((c) => ({ text: LABELS.bColumn[c] })),
  ];
  const specRows = formatSpec.tables.B.rows;
  for (const spec of specRows) {
    if (!spec.has_cells) continue;
    if (spec.level === 0) {
      rows.push([{ text: spec.label, colspan: 3 }, ...values(spec.id)]);
      continue;
    }
    const lead: LayoutCell[] = [];
    const results = specRows.filter((r) => r.has_cells && r.id.startsWith('result.'));
    if (spec.id === results[0]!.id) lead.push({ text: LABELS.bRow['result']!, rowspan: results.length });
    if (spec.level === 1) {
      rows.push([...lead, { text: spec.label, colspan: 2 }, ...values(spec.id)]);
      continue;
    }
    const siblings = specRows.filter((g) => g.parent === spec.parent);
    if (siblings[0]!.id === spec.id) {
      lead.push({ text: LABELS.bRow[spec.parent!]!, rowspan: siblings.length });
    }
    rows.push([...lead, { text: spec.label }, ...values(spec.id)]);
  }
  return rows;
}

/** Table 四: 行政复议 (5 columns) and 行政诉讼 (2 × 5), 3 header rows, one value row. */
export function tableCLayout(format: Format): LayoutRows {
  const leaf = C_COLUMNS.map((c) => ({ text: LABELS.cColumn[c] }));
  return [
    [
      { text: '行政复议', colspan: 5 },
      { text: '行政诉讼', colspan: 10 },
    ],
    [
      ...leaf.map((l) => ({ ...l, rowspan: 2 })),
      { text: LABELS.cGroup.litigation_direct, colspan: 5 },
      { text: LABELS.cGroup.litigation_after_review, colspan: 5 },
    ],
    [...leaf, ...leaf],
    C_GROUPS.flatMap((g) =>
      C_COLUMNS.map((c) => {
        const address = `C.${g}.${c}` as CellAddress;
        return { text: format(address), address };
      }),
    ),
  ];
}
