/**
 * The intermediate form every input is read into: a stream of rows in document order. A paragraph or a line of
 * text is a row of one cell; a table row (HTML, DOCX, or tab-/pipe-/space-separated text) is a row of cells.
 * The table and section readers work on this stream only, so every input format shares them.
 */
import { normalizeText, readCell } from './normalize.ts';

/** How the row was found: a line of text, a separated text row, or a real table row (HTML/DOCX). */
export type RowKind = 'text' | 'tab' | 'pipe' | 'space' | 'table';

export interface Row {
  cells: string[];
  /** 1-based line in the input (text, HTML source) or paragraph number (DOCX). */
  line: number;
  kind: RowKind;
}

/** A row split into its label cells and the value cells after the last label. */
export interface RowParts {
  labels: string[];
  values: string[];
}

const partsCache = new WeakMap<Row, RowParts>();

/** Labels are the non-empty cells that are not numbers/placeholders; values are the cells after the last label. */
export function rowParts(row: Row): RowParts {
  const cached = partsCache.get(row);
  if (cached) return cached;
  const parts = computeParts(row);
  partsCache.set(row, parts);
  return parts;
}

function computeParts(row: Row): RowParts {
  let last = -1;
  const labels: string[] = [];
  row.cells.forEach((c, i) => {
    if (c.trim() !== '' && readCell(c) === null) {
      labels.push(c.trim());
      last = i;
    }
  });
  return { labels, values: row.cells.slice(last + 1) };
}

/** Page furniture that PDF extraction leaves between lines: “— 3 —”, “第 3 页 共 7 页”. */
const PAGE_FOOTER = /^(?:[—–-]+\s*\d+\s*[—–-]+|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|-\s*\d+\s*-)$/;

const MD_SEPARATOR = /^:?-{2,}:?$/;

/** Split one line of plain text into a row, or return null for a line that carries nothing. */
export function lineToRow(raw: string, line: number): Row | null {
  const text = raw.replace(/\r$/, '');
  if (text.includes('\t')) return { cells: text.split('\t').map((c) => c.trim()), line, kind: 'tab' };
  const trimmed = text.trim();
  if (trimmed === '' || PAGE_FOOTER.test(normalizeText(trimmed))) return null;
  if (trimmed.startsWith('|') || (trimmed.match(/\|/g)?.length ?? 0) >= 2) {
    let cells = trimmed
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim());
    if (cells.every((c) => MD_SEPARATOR.test(c) || c === '')) return null;
    // A converter pads markdown rows to the header's width with empty cells at the end: these are not cells of
    // the report (a value the PDF lost is unknowable), so they are dropped and the row ends where its text ends.
    while (cells.length && cells[cells.length - 1] === '') cells = cells.slice(0, -1);
    return { cells, line, kind: 'pipe' };
  }
  const heading = trimmed.replace(/^#{1,6}\s+/, '');
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
  return { cells: [heading], line, kind: 'text' };
}

/** Plain text → rows, with one-cell-per-line tables put back together. */
export function textToRows(text: string): Row[] {
  const rows: Row[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const row = lineToRow(lines[i]!, i + 1);
    if (row) rows.push(row);
  }
  return assembleRows(rows);
}

/**
 * One cell per line (“规章” / “0” / “0” / “0”): a line holding only a value joins the label line above it.
 * A value line after a multi-cell row stays on its own.
 */
export function assembleRows(rows: Row[]): Row[] {
  const out: Row[] = [];
  let open: Row | null = null;
  for (const row of rows) {
    const single = row.kind === 'text' || (row.cells.length === 1 && row.kind === 'space');
    const value = single && row.cells.length === 1 && readCell(row.cells[0]!) !== null;
    if (value && open && open.cells.length < 16) {
      open.cells.push(row.cells[0]!);
      continue;
    }
    const copy: Row = { ...row, cells: [...row.cells] };
    out.push(copy);
    open = row.kind === 'text' && !value ? copy : null;
  }
  return out;
}
