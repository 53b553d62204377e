/**
 * The report as a document, independent of the output format: title, opening, the six sections with their
 * paragraphs, the three tables laid out with the official merged cells (annual-report-format.json `render` hints),
 * and the signature. Every renderer (text, HTML, DOCX, PDF) draws this one model, so they cannot drift apart.
 */
import {
  A_BLOCKS,
  B_COLUMNS,
  C_COLUMNS,
  C_GROUPS,
  LABELS,
  SECTIONS,
  formatSpec,
  type ABlockId,
  type CellAddress,
  type Cells,
  type SectionId,
} from '../report-format.ts';
import { isSubheading, preamble } from './narrative-draft.ts';
import type { Texts } from './report.ts';

export interface TableCell {
  text: string;
  colspan?: number;
  rowspan?: number;
  /** A header cell: column header ('col'), row label ('row'), or a block caption ('block'). */
  header?: 'col' | 'row' | 'block';
  /** The data cell's address (renderers may highlight it). */
  address?: CellAddress;
}
export type TableRow = TableCell[];

export interface ReportTable {
  id: 'A' | 'B' | 'C';
  caption: string;
  /** How many leading rows are column headers. */
  headerRows: number;
  rows: TableRow[];
  /** Grid width in columns. */
  columns: number;
}

export type Paragraph = { kind: 'subheading' | 'text'; text: string };

export interface DocumentSection {
  id: SectionId;
  heading: string;
  paragraphs: Paragraph[];
  table: ReportTable | null;
}

export interface ReportDocument {
  title: string;
  preamble: string;
  sections: DocumentSection[];
  signature: { agency: string; date: string };
}

/** A cell value as printed: a count, or the 万元 decimal; an unreadable cell prints empty. */
export function cellText(v: number | null): string {
  return v === null ? '' : String(v);
}

const data = (cells: Cells, address: string, colspan?: number): TableCell => ({
  text: cellText(cells[address as CellAddress]),
  address: address as CellAddress,
  ...(colspan ? { colspan } : {}),
});

/** Table A: four stacked blocks, each a caption row, a 信息内容 header row and its data rows (4 grid columns). */
export function tableA(cells: Cells): ReportTable {
  const rows: TableRow[] = [];
  for (const b of formatSpec.tables.A.blocks) {
    const def = A_BLOCKS[b.id as ABlockId];
    const wide = def.cols.length === 1 ? 3 : undefined;
    rows.push([{ text: b.label, colspan: 4, header: 'block' }]);
    rows.push([
      { text: '信息内容', header: 'col' },
      ...b.columns.map((c) => ({
        text: c.label,
        header: 'col' as const,
        ...(wide ? { colspan: wide } : {}),
      })),
    ]);
    for (const row of b.rows) {
      rows.push([
        { text: row.label, header: 'row' },
        ...def.cols.map((c) => data(cells, `A.${b.id}.${row.id}.${c}`, wide)),
      ]);
    }
  }
  return { id: 'A', caption: formatSpec.tables.A.title, headerRows: 0, rows, columns: 4 };
}

/** Table B: 3 header rows under the corner cell, 3 label columns, 7 data columns, 25 data rows. */
export function tableB(cells: Cells): ReportTable {
  const values = (row: string) => B_COLUMNS.map((c) => data(cells, `B.${row}.${c}`));
  const rows: TableRow[] = [
    [
      { text: formatSpec.tables.B.corner_label, colspan: 3, rowspan: 3, header: 'col' },
      { text: '申请人情况', colspan: 7, header: 'col' },
    ],
    [
      { text: LABELS.bColumn.natural_person, rowspan: 2, header: 'col' },
      { text: '法人或其他组织', colspan: 5, header: 'col' },
      { text: LABELS.bColumn.total, rowspan: 2, header: 'col' },
    ],
    B_COLUMNS.slice(1, 6).map((c) => ({ text: LABELS.bColumn[c], header: 'col' as const })),
  ];
  const specs = formatSpec.tables.B.rows;
  for (const spec of specs) {
    if (!spec.has_cells) continue;
    if (spec.level === 0) {
      rows.push([{ text: spec.label, colspan: 3, header: 'row' }, ...values(spec.id)]);
      continue;
    }
    const lead: TableCell[] = [];
    if (spec.id === 'result.granted') {
      const span = specs.filter((s) => s.id.startsWith('result.') && s.has_cells).length;
      lead.push({ text: LABELS.bRow['result']!, rowspan: span, header: 'row' });
    }
    if (spec.level === 1) {
      rows.push([...lead, { text: spec.label, colspan: 2, header: 'row' }, ...values(spec.id)]);
      continue;
    }
    const parent = specs.find((g) => g.id === spec.parent)!;
    const siblings = specs.filter((g) => g.parent === parent.id);
    if (siblings[0]!.id === spec.id)
      lead.push({ text: parent.label, rowspan: siblings.length, header: 'row' });
    rows.push([...lead, { text: spec.label, header: 'row' }, ...values(spec.id)]);
  }
  return { id: 'B', caption: formatSpec.tables.B.title, headerRows: 3, rows, columns: 10 };
}

/** Table C: 行政复议 (5) and 行政诉讼 (未经复议直接起诉 5 + 复议后起诉 5), one data row. */
export function tableC(cells: Cells): ReportTable {
  const leaf = (rowspan?: number) =>
    C_COLUMNS.map((c) => ({
      text: LABELS.cColumn[c],
      header: 'col' as const,
      ...(rowspan ? { rowspan } : {}),
    }));
  return {
    id: 'C',
    caption: formatSpec.tables.C.title,
    headerRows: 3,
    columns: 15,
    rows: [
      [
        { text: LABELS.cGroup.review, colspan: 5, header: 'col' },
        { text: '行政诉讼', colspan: 10, header: 'col' },
      ],
      [
        ...leaf(2),
        { text: LABELS.cGroup.litigation_direct, colspan: 5, header: 'col' },
        { text: LABELS.cGroup.litigation_after_review, colspan: 5, header: 'col' },
      ],
      [...leaf(), ...leaf()],
      C_GROUPS.flatMap((g) => C_COLUMNS.map((c) => data(cells, `C.${g}.${c}`))),
    ],
  };
}

function paragraphs(text: string): Paragraph[] {
  return text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => ({ kind: isSubheading(l) ? 'subheading' : 'text', text: l }));
}

/** “2026年1月20日” of an ISO date. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Build the document of a report. `date` is the signature date ('YYYY-MM-DD'). */
export function reportDocument(input: {
  agencyName: string;
  year: number;
  cells: Cells;
  texts: Texts;
  date: string;
}): ReportDocument {
  const tables: Partial<Record<SectionId, ReportTable>> = {
    proactive_disclosure: tableA(input.cells),
    requests: tableB(input.cells),
    review_litigation: tableC(input.cells),
  };
  return {
    title: `${input.agencyName}${input.year}年政府信息公开工作年度报告`,
    preamble: preamble(input.agencyName, input.year),
    sections: SECTIONS.map((s) => ({
      id: s.id,
      heading: s.rendered,
      paragraphs: paragraphs(input.texts[s.id] ?? ''),
      table: tables[s.id] ?? null,
    })),
    signature: { agency: input.agencyName, date: chineseDate(input.date) },
  };
}

/** A table laid out on its grid: each position holds the cell that covers it and whether it is that cell's origin. */
export function toGrid(table: ReportTable): ({ cell: TableCell; origin: boolean; top: boolean } | null)[][] {
  const grid: ({ cell: TableCell; origin: boolean; top: boolean } | null)[][] = [];
  table.rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < (cell.colspan ?? 1); dc++) {
          grid[r + dr]![c + dc] = { cell, origin: dr === 0 && dc === 0, top: dr === 0 };
        }
      }
      c += cell.colspan ?? 1;
    }
  });
  return grid.map((row) => Array.from({ length: table.columns }, (_, i) => row[i] ?? null));
}
