/**
 * DOCX → rows: the paragraphs and tables of word/document.xml, in order. gridSpan repeats a value cell like HTML
 * colspan; a vMerge continuation cell (the lower part of a vertically merged label) is not a cell of its own.
 * Locations are paragraph numbers (each paragraph and each table row counts one).
 */
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import { assembleRows, lineToRow, type Row } from './rows.ts';
import { readCell, toSimplified } from './normalize.ts';
import { assertZipWithinLimits } from '../documents/zip-guard.ts';

interface XNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: XNode[];
}

/** Why a ZIP could not be read as a Word document (mapped to a Chinese message by the caller). */
export type DocxProblem = 'not_zip' | 'not_docx';

export class DocxReadError extends Error {
  constructor(readonly problem: DocxProblem) {
    super(problem);
  }
}

/** Extract word/document.xml from a DOCX file. */
export function documentXml(bytes: Uint8Array): string {
  assertZipWithinLimits(bytes); // ZipBombError before anything inflates
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  } catch {
    throw new DocxReadError('not_zip');
  }
  const xml = files['word/document.xml'];
  if (!xml) throw new DocxReadError('not_docx');
  return toSimplified(new TextDecoder('utf-8').decode(xml));
}

const child = (n: XNode, name: string) => (n.children ?? []).find((c) => c.name === name);

/** Text of a paragraph or run tree: w:t text, w:tab as a tab, w:br/w:cr as a line break. */
function runText(n: XNode): string {
  if (n.type === 'text') return n.data ?? '';
  switch (n.name) {
    case 'w:t':
      return (n.children ?? []).map((c) => c.data ?? '').join('');
    case 'w:tab':
      return '\t';
    case 'w:br':
    case 'w:cr':
      return '\n';
    case 'w:instrText':
    case 'w:delText':
    case 'w:rPr':
    case 'w:pPr':
      return '';
    default:
      return (n.children ?? []).map(runText).join('');
  }
}

const hasTable = (n: XNode): boolean => (n.children ?? []).some((c) => c.name === 'w:tbl' || hasTable(c));

/** Parse a DOCX file into the row stream. Throws DocxReadError when it is not a Word document. */
export function docxToRows(bytes: Uint8Array): Row[] {
  const xml = documentXml(bytes);
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true }) as unknown as XNode;
  const rows: Row[] = [];
  let counter = 0;

  const paragraph = (p: XNode) => {
    counter++;
    for (const part of runText(p).split('\n')) {
      const row = lineToRow(part, counter);
      if (row) rows.push(row);
    }
  };

  const table = (tbl: XNode) => {
    for (const tr of (tbl.children ?? []).filter((c) => c.name === 'w:tr')) {
      counter++;
      const cells: string[] = [];
      for (const tc of (tr.children ?? []).filter((c) => c.name === 'w:tc')) {
        const pr = child(tc, 'w:tcPr');
        const vMerge = pr && child(pr, 'w:vMerge');
        if (vMerge && vMerge.attribs?.['w:val'] !== 'restart') continue;
        const text = (tc.children ?? [])
          .filter((c) => c.name === 'w:p')
          .map((p) => runText(p).replace(/\s+/g, ' '))
          .join('')
          .trim();
        const span = Number((pr && child(pr, 'w:gridSpan')?.attribs?.['w:val']) ?? 1) || 1;
        const copies = readCell(text) !== null ? Math.min(span, 20) : 1;
        for (let i = 0; i < copies; i++) cells.push(text);
      }
      if (cells.length) rows.push({ cells, line: counter, kind: 'table' });
    }
  };

  const walk = (n: XNode) => {
    if (n.name === 'w:p') return paragraph(n);
    if (n.name === 'w:tbl') {
      if (hasTable(n)) {
        // A table used for page layout: read what is inside it as blocks.
        for (const tr of n.children ?? [])
          for (const tc of tr.children ?? []) for (const c of tc.children ?? []) walk(c);
        return;
      }
      return table(n);
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(doc);
  return assembleRows(rows);
}
