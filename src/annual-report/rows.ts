/**
 * The intermediate form every input is read into: a stream of rows in document order. A paragraph or a line of
 * text is a row of one cell; a table row (HTML, DOCX, or tab-/pipe-/space-separated text) is a row of cells.
 * The table and section readers work on this stream only, so every input format shares them.
 */
import { labelKey, normalizeText, readCell, splitNumbering } from './normalize.ts';
import { LABELS } from './report-format.ts';

/** How the row was found: a line of text, a separated text row, or a real table row (HTML/DOCX). */
export type RowKind = 'text' | 'tab' | 'pipe' | 'space' | 'table';

export interface Row {
  cells: string[];
  /** 1-based line in the input (text, HTML source) or paragraph number (DOCX). */
  line: number;
  kind: RowKind;
  /** The values were one run of digits glued to the label (“规章000”): the reader splits it by the table's identities. */
  glued?: boolean;
  /** A separated row whose line stops without its closing separator (the text was cut inside the row). */
  cut?: boolean;
  /** Values joined from lines of their own (one cell a line): a lost line loses a cell from anywhere in the row. */
  assembled?: boolean;
  /** `rowParts` of the row, kept on the row once computed (the readers ask for it several times). */
  parts?: RowParts;
}

/** A row split into its label cells and the value cells after the last label. */
export interface RowParts {
  labels: string[];
  values: string[];
}

/**
 * Labels are the non-empty cells that are not numbers/placeholders; values are the cells after the last label.
 * Computed once per row (kept on the row: the rows are not changed after they are read).
 */
export function rowParts(row: Row): RowParts {
  return (row.parts ??= computeParts(row));
}

function computeParts(row: Row): RowParts {
  let last = -1;
  const labels: string[] = [];
  const cells = row.cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!.trim();
    if (c !== '' && readCell(c) === null) {
      labels.push(c);
      last = i;
    }
  }
  const values = row.cells.slice(last + 1);
  // A row cut short keeps its first values; the empty cells before them are merged label columns, not cells.
  if (row.cut) while (values.length && values[0]!.trim() === '') values.shift();
  return { labels, values };
}

/** Page furniture that PDF extraction leaves between lines: “— 3 —”, “第 3 页 共 7 页”. */
const PAGE_FOOTER = /^(?:[—–-]+\s*\d+\s*[—–-]+|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|-\s*\d+\s*-)$/;

const MD_SEPARATOR = /^:?-{2,}:?$/;

/** Split one line of plain text into a row, or return null for a line that carries nothing. */
export function lineToRow(raw: string, line: number): Row | null {
  const text = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
  if (text.includes('\t')) return { cells: text.split('\t').map((c) => c.trim()), line, kind: 'tab' };
  const trimmed = text.trim();
  if (trimmed === '' || (trimmed.length <= 24 && PAGE_FOOTER.test(normalizeText(trimmed)))) return null;
  const bar = trimmed.indexOf('|');
  if (bar >= 0) {
    // One cell per line between separators (“规章 |”, “0 |”, a lone “|”, “0 | ||” with the merged cells after it):
    // the line is that one cell, and a line of separators alone carries nothing.
    const pieces = trimmed.split('|');
    let filled = 0;
    let only = '';
    for (const piece of pieces) {
      const c = piece.trim();
      if (c === '') continue;
      filled++;
      only = c;
    }
    if (filled === 0) return null;
    if (filled === 1 && !MD_SEPARATOR.test(only)) {
      return splitGlued(only, line) ?? { cells: [only], line, kind: 'text' };
    }
    if (bar === 0 || pieces.length >= 3) {
      // The row's cells: the pieces without the leading and trailing separator.
      const from = bar === 0 ? 1 : 0;
      const closed = trimmed.endsWith('|');
      const to = closed && trimmed.length > 1 ? pieces.length - 1 : pieces.length;
      const cells: string[] = [];
      let separatorsOnly = true;
      for (let k = from; k < to; k++) {
        const c = pieces[k]!.trim();
        if (separatorsOnly && c !== '' && !MD_SEPARATOR.test(c)) separatorsOnly = false;
        cells.push(c);
      }
      if (separatorsOnly) return null;
      // A converter pads markdown rows to the header's width with empty cells at the end: these are not cells of
      // the report (a value the PDF lost is unknowable), so they are dropped and the row ends where its text ends.
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      return closed ? { cells, line, kind: 'pipe' } : { cells, line, kind: 'pipe', cut: true };
    }
  }
  const heading = trimmed.startsWith('#') ? trimmed.replace(/^#{1,6}\s+/, '') : trimmed;
  // A line without whitespace (most narrative) is one cell, or a label with its values glued on.
  if (!/\s/.test(heading)) return splitGlued(heading, line) ?? { cells: [heading], line, kind: 'text' };
  // “label  1  0  0” (two or more spaces, or ideographic spaces, between cells).
  if (/\S(?:\s{2,}|\u3000+)\S/.test(heading)) {
    const cells = heading.split(/\s{2,}|\u3000+/).map((c) => c.trim());
    if (cells.slice(1).some((c) => readCell(c) !== null)) return { cells, line, kind: 'space' };
  }
  // “行政许可 97”, “1.属于国家秘密 0 0 0 0 0 0 0”: trailing value tokens after a label.
  const tokens = heading.split(/\s+/);
  let k = tokens.length;
  while (k > 0 && readCell(tokens[k - 1]!) !== null) k--;
  if (k < tokens.length && k > 0 && tokens.length - k >= 1) {
    const label = tokens.slice(0, k).join(' ');
    if (!/[。；;，,]$/.test(label)) return { cells: [label, ...tokens.slice(k)], line, kind: 'space' };
  }
  if (k === 0 && tokens.length > 1) return { cells: tokens, line, kind: 'space' };
  return splitGlued(heading, line) ?? { cells: [heading], line, kind: 'text' };
}

/** The keys of the template's row labels (without numbering): only these may have values glued to them. */
const ROW_LABEL_KEYS = new Set(
  [...Object.values(LABELS.aRow), ...Object.values(LABELS.bRow), '规范性文件', '行政事业型收费'].map((l) =>
    labelKey(splitNumbering(l).rest),
  ),
);

/**
 * A template row label with its values glued on as one run of digits (a crawl that dropped the cell borders:
 * “规章000”, “一、本年新收政府信息公开申请数量15130000154”), or null. The run is kept whole; the table reader splits it.
 */
export function splitGlued(text: string, line: number): Row | null {
  const end = text.charCodeAt(text.length - 1);
  if (end < 0x30 || end > 0x39) return null;
  const m = /^(.{1,60}?[^\d\s.,])\s*(\d{2,40})$/.exec(text);
  if (!m) return null;
  const key = labelKey(splitNumbering(m[1]!).rest);
  if (!ROW_LABEL_KEYS.has(key)) return null;
  return { cells: [m[1]!, m[2]!], line, kind: 'space', glued: true };
}

/** Plain text → rows, with one-cell-per-line tables put back together. */
export function textToRows(text: string): Row[] {
  const rows: Row[] = [];
  const lines = text.split('\n');
  // A text that stops without a final line break may stop inside a number (“360.37” cut to “36”): a last line
  // that is a bare value is not read.
  if (
    !text.endsWith('\n') &&
    lines.length > 1 &&
    readCell(lines[lines.length - 1]!.replace(/\|/g, '')) !== null
  )
    lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const row = lineToRow(lines[i]!, i + 1);
    if (row) rows.push(row);
  }
  // The last row of a text cut inside it (no closing “|”) may end inside a number (“360.37” → “3”): its last cell is
  // not read.
  const last = rows.at(-1);
  if (last?.cut && last.cells.length > 1 && readCell(last.cells.at(-1)!) !== null) last.cells.pop();
  return assembleRows(rows);
}

/**
 * One cell per line (“规章” / “0” / “0” / “0”): a line holding only a value joins the label line above it.
 * A value line after a multi-cell row stays on its own. The rows are the caller's fresh ones: a label row is
 * extended in place.
 */
export function assembleRows(rows: Row[]): Row[] {
  const out: Row[] = [];
  let open: Row | null = null;
  for (const row of rows) {
    const single = row.kind === 'text' || (row.cells.length === 1 && row.kind === 'space');
    const value = single && row.cells.length === 1 && readCell(row.cells[0]!) !== null;
    if (value && open && open.cells.length < 16) {
      open.cells.push(row.cells[0]!);
      open.assembled = true;
      continue;
    }
    out.push(row);
    open = row.kind === 'text' && !value ? row : null;
  }
  return out;
}
