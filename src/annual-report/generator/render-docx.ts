/** The report as a Word document in the official-document style of src/documents/docx.ts. */
import type { Paragraph, Table } from 'docx';
import {
  TEXT_WIDTH_DXA,
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
  return Array<number>(15).fill(Math.floor(w / 15));
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
  // 五号 (10.5 pt) for table A, 小六 (6.5 pt) for the wide tables B and C.
  return gridTable(rows, widths(t), t.id === 'A' ? 21 : 13);
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    ...titleParagraphs([doc.title]),
    blankLine(),
    bodyParagraph(doc.preamble),
  ];
  for (const s of doc.sections) {
    children.push(headingParagraph(s.heading));
    for (const p of s.paragraphs) {
      children.push(p.kind === 'subheading' ? subheadingParagraph(p.text) : bodyParagraph(p.text));
    }
    // The table's title is the section heading itself (the format prints no separate caption).
    if (s.table) children.push(table(s.table));
  }
  children.push(
    blankLine(),
    bodyParagraph(doc.signature.agency, { indent: false, align: 'right' }),
    bodyParagraph(doc.signature.date, { indent: false, align: 'right' }),
  );
  return officialDocx(children, { title: doc.title });
}
