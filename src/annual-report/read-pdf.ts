/**
 * PDF → the row stream, with pdf.js (pdfjs-dist): the text items of each page are put back into lines by their
 * baseline, and a line into cells where the horizontal gap between two items is wider than a space — so a table row
 * of a published PDF comes back as one row of cells, as it does from HTML or DOCX. A PDF without any text (a scan)
 * is refused with a message that says so.
 */
import { openPdf } from '../documents/open-pdf.ts';
import { lineToRow, assembleRows, type Row } from './rows.ts';

export class PdfReadError extends Error {
  constructor(
    readonly problem: 'damaged' | 'encrypted' | 'no_text',
    message: string,
  ) {
    super(message);
  }
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Items whose baselines differ by less than this share of the font size are on one line. */
const SAME_LINE = 0.45;
/** A horizontal gap wider than this many font sizes separates two cells. */
const CELL_GAP = 0.9;
/** A text item that is a number alone (a value cell). */
const NUMBER_ITEM = /^\s*\d[\d,.]*\s*$/;
/** Several numbers separated by spaces. */
const NUMBERS = /^\d[\d,.]*(?:\s+\d[\d,.]*)+$/;

/** Read the rows of a PDF. Throws PdfReadError for a damaged or encrypted file, or one without a text layer. */
export async function pdfToRows(bytes: Uint8Array): Promise<Row[]> {
  const doc = await openPdf(bytes);
  if (doc === 'encrypted') throw new PdfReadError('encrypted', 'encrypted');
  if (doc === 'damaged') throw new PdfReadError('damaged', 'damaged');
  const rows: Row[] = [];
  let line = 0;
  let textItems = 0;
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({
          str: it.str,
          x: x!,
          y: y!,
          width: it.width,
          size: Math.hypot(a!, b!) || it.height || 10,
        });
      }
      textItems += items.length;
      for (const cells of pageLines(items)) {
        line++;
        if (cells.length === 1) {
          const row = lineToRow(cells[0]!, line);
          if (row) rows.push(row);
        } else rows.push({ cells, line, kind: 'table' });
      }
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  if (textItems === 0) throw new PdfReadError('no_text', 'no text layer');
  return assembleRows(rows);
}

/** Lines of a page, top to bottom, each as its cells left to right. Pure. */
export function pageLines(items: Item[]): string[][] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Item[][] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last[0]!.y - it.y) <= SAME_LINE * Math.max(it.size, last[0]!.size)) last.push(it);
    else lines.push([it]);
  }
  return lines.map((l) => {
    l.sort((p, q) => p.x - q.x);
    const cells: string[] = [];
    // Per cell, where a number item followed a wider-than-a-space gap (a label column sized to its text leaves the
    // next cell's number that close): such a cell of a table line is two cells.
    const numberAfterGap: (number | null)[] = [];
    let end = -Infinity;
    for (const it of l) {
      const gap = it.x - end;
      if (cells.length && gap <= CELL_GAP * it.size) {
        const spaced = gap > 0.2 * it.size;
        if (spaced && numberAfterGap.at(-1) === null && NUMBER_ITEM.test(it.str))
          numberAfterGap[numberAfterGap.length - 1] = cells[cells.length - 1]!.length;
        cells[cells.length - 1] += (spaced ? ' ' : '') + it.str;
      } else {
        cells.push(it.str);
        numberAfterGap.push(null);
      }
      end = it.x + it.width;
    }
    const split =
      cells.length > 1
        ? cells.flatMap((c, i) => {
            const at = numberAfterGap[i];
            return at === null || at === undefined || !/\D$/.test(c.slice(0, at).trim())
              ? [c]
              : [c.slice(0, at), c.slice(at)];
          })
        : cells;
    // Numbers of adjacent narrow cells that pdf.js returned as one item (“0 0 0”) are as many cells.
    return split
      .map((c) => c.trim())
      .filter((c) => c !== '')
      .flatMap((c) => (split.length > 1 && NUMBERS.test(c) ? c.split(/\s+/) : [c]));
  });
}
