/** The report as a Word document in the official-document style of src/documents/docx.ts. */
import type { Table } from 'docx';
import {
  LANDSCAPE_TEXT_WIDTH_DXA,
  TEXT_WIDTH_DXA,
  titleLines,
  type DocxPart,
  bodyParagraph,
  gridTable,
  headingParagraph,
  officialDocx,
  subheadingParagraph,
  titleParagraphs,
  blankLine,
  type GridCell,
} from '../../documents/docx.ts';
import type { ReportDocument, ReportTable } from './report-document.ts';

/** Grid column widths (dxa) per table: label columns wide enough for the official labels. */
function widths(t: ReportTable): number[] {
  const w = TEXT_WIDTH_DXA;
  if (t.id === 'A') {
    const first = Math.round(w * 0.31);
    const rest = Math.floor((w - first) / 3);
    return [first, rest, rest, rest];
  }
  if (t.id === 'B') {
    const labels = [560, 1100, 3040];
    const data = Math.floor((w - labels.reduce((s, x) => s + x, 0)) / 7);
    return [...labels, ...Array<number>(7).fill(data)];
  }
  // Table 三 (15 columns) sits on a landscape page of its own, at 9 pt.
  return Array<number>(15).fill(Math.floor(LANDSCAPE_TEXT_WIDTH_DXA / 15));
}

function table(t: ReportTable): Table {
  const rows: GridCell[][] = t.rows.map((r) =>
    r.map((c) => ({
      text: c.text,
      colspan: c.colspan,
      rowspan: c.rowspan,
      bold: c.header === 'block',
      align: c.header === 'row' || c.header === 'block' ? 'left' : 'center',
    })),
  );
  // 五号 (10.5 pt) for table A, 小六 (6.5 pt) for table B, 9 pt for table C on its landscape page.
  return gridTable(rows, widths(t), t.id === 'A' ? 21 : t.id === 'C' ? 18 : 13);
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const rest = doc.title.startsWith(doc.signature.agency) ? doc.title.slice(doc.signature.agency.length) : '';
  let part: DocxPart = {
    children: [
      // The title never breaks inside a word: the agency on one line, the rest on the next.
      ...titleParagraphs(rest ? titleLines(doc.signature.agency, rest) : [doc.title]),
      blankLine(),
      bodyParagraph(doc.preamble),
    ],
  };
  const parts: DocxPart[] = [part];
  for (const s of doc.sections) {
    // Table 三 is too wide for a portrait page at a readable size: its section goes on a landscape page.
    if (s.table?.id === 'C') {
      part = { landscape: true, children: [] };
      parts.push(part);
    } else if (part.landscape) {
      part = { children: [] };
      parts.push(part);
    }
    part.children.push(headingParagraph(s.heading));
    for (const p of s.paragraphs) {
      part.children.push(p.kind === 'subheading' ? subheadingParagraph(p.text) : bodyParagraph(p.text));
    }
    // The table's title is the section heading itself (the format prints no separate caption).
    if (s.table) part.children.push(table(s.table));
  }
  part.children.push(
    blankLine(),
    bodyParagraph(doc.signature.agency, { indent: false, align: 'right' }),
    bodyParagraph(doc.signature.date, { indent: false, align: 'right' }),
  );
  return officialDocx(parts, { title: doc.title });
}
