/**
 * HTML → rows: paragraphs and line breaks become text rows, `<table>` rows become table rows. Whole CMS pages are
 * fine: navigation, scripts and forms are skipped, and a table that holds other tables is page layout, read as
 * blocks. colspan repeats a value cell (a blank spanning five columns is five blank cells), never a label;
 * rowspan copies are not repeated (a merged label cell only names the rows beside it).
 */
import { parseDocument } from 'htmlparser2';
import { lineToRow, assembleRows, type Row } from './rows.ts';
import { readCell } from './normalize.ts';

interface HNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: HNode[];
  startIndex: number | null;
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'select',
  'option',
  'textarea',
  'button',
  'svg',
  'nav',
  'form',
  'head',
  'footer',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'aside',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'center',
  'tr',
  'body',
  'html',
  'title',
  'figure',
  'figcaption',
  'hr',
]);

function lineIndex(source: string): (offset: number | null) => number {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    if (offset === null) return 0;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const hasTable = (n: HNode): boolean => (n.children ?? []).some((c) => c.name === 'table' || hasTable(c));

/** Text of a node; block boundaries inside a table cell are joined without a separator (“商业”/“企业”). */
function cellText(n: HNode): string {
  if (n.type === 'text') return (n.data ?? '').replace(/[\s]+/g, ' ');
  if (n.name && SKIP.has(n.name)) return '';
  if (n.name === 'br') return '';
  return (n.children ?? []).map(cellText).join('');
}

/** Parse an HTML document into the row stream. */
export function htmlToRows(html: string): Row[] {
  const doc = parseDocument(html, { withStartIndices: true, decodeEntities: true }) as unknown as HNode;
  const lineOf = lineIndex(html);
  const rows: Row[] = [];
  let buffer = '';
  let bufferLine = 0;

  const flush = () => {
    for (const part of buffer.split('\n')) {
      const row = lineToRow(part, bufferLine);
      if (row) rows.push(row.kind === 'tab' ? { ...row, kind: 'text', cells: [row.cells.join(' ')] } : row);
    }
    buffer = '';
  };
  const append = (text: string, line: number) => {
    if (buffer.trim() === '') bufferLine = line;
    buffer += text;
  };

  const tableRows = (table: HNode) => {
    const trs: HNode[] = [];
    const collect = (n: HNode) => {
      for (const c of n.children ?? []) {
        if (c.name === 'tr') trs.push(c);
        else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') collect(c);
      }
    };
    collect(table);
    for (const tr of trs) {
      const cells: string[] = [];
      for (const td of tr.children ?? []) {
        if (td.name !== 'td' && td.name !== 'th') continue;
        const text = cellText(td).trim();
        const span = Math.min(Math.max(Number(td.attribs?.colspan ?? 1) || 1, 1), 20);
        const copies = readCell(text) !== null ? span : 1;
        for (let i = 0; i < copies; i++) cells.push(text);
      }
      if (cells.length) rows.push({ cells, line: lineOf(tr.startIndex), kind: 'table' });
    }
  };

  const walk = (n: HNode) => {
    if (n.type === 'text') {
      append((n.data ?? '').replace(/[ \t\r\n\f]+/g, ' '), lineOf(n.startIndex));
      return;
    }
    if (n.type === 'comment' || n.type === 'directive' || n.type === 'cdata') return;
    const name = n.name ?? '';
    if (name === 'head') {
      // The page title often carries the agency and year when the article has no title line.
      const title = (n.children ?? []).find((c) => c.name === 'title');
      if (title) {
        flush();
        append(cellText(title), lineOf(title.startIndex));
        flush();
      }
      return;
    }
    if (SKIP.has(name)) return;
    if (name === 'br') {
      buffer += '\n';
      return;
    }
    if (name === 'table' && !hasTable(n)) {
      flush();
      tableRows(n);
      return;
    }
    const block = BLOCK.has(name) || name === 'table' || name === 'td' || name === 'th';
    if (block) flush();
    for (const c of n.children ?? []) walk(c);
    if (block) flush();
  };
  walk(doc);
  flush();
  return assembleRows(rows);
}
