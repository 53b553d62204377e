/** The report as PDF (pdfmake via src/documents/pdf.ts): 'Hei' for title and headings, 'Song' for the body. */
import { renderPdf as renderPdfDoc } from '../../documents/pdf.ts';
import { toGrid, type ReportDocument, type ReportTable } from './report-document.ts';

/** Column widths in points (A4 text width ≈ 442 pt with the official margins). */
function widths(t: ReportTable): (number | string)[] {
  if (t.id === 'A') return [130, '*', '*', '*'];
  if (t.id === 'B') return [22, 40, 150, ...Array(7).fill('*')];
  return Array(15).fill('*');
}

function table(t: ReportTable): Record<string, unknown> {
  const body = toGrid(t).map((row) =>
    row.map((x) => {
      if (!x || !x.origin) return {};
      const c = x.cell;
      return {
        text: c.text,
        ...(c.colspan ? { colSpan: c.colspan } : {}),
        ...(c.rowspan ? { rowSpan: c.rowspan } : {}),
        alignment: c.header === 'row' || c.header === 'block' ? 'left' : 'center',
        bold: c.header === 'block',
      };
    }),
  );
  return {
    table: { headerRows: t.headerRows, widths: widths(t), body, dontBreakRows: true },
    // Table 三 on its landscape page at 9 pt (readable); table B at 7.5 pt fits the portrait width.
    fontSize: t.id === 'A' ? 10 : t.id === 'C' ? 9 : 7.5,
    lineHeight: 1.1,
    margin: [0, 4, 0, 12],
  };
}

export async function renderPdf(doc: ReportDocument): Promise<Buffer> {
  const agency = doc.signature.agency;
  const rest = doc.title.startsWith(agency) ? doc.title.slice(agency.length) : '';
  const content: unknown[] = [
    {
      // Never broken inside a word: the agency on one line, the rest on the next.
      text: rest && [...doc.title].length > 22 ? `${agency}\n${rest}` : doc.title,
      font: 'Hei',
      fontSize: 20,
      alignment: 'center',
      margin: [0, 0, 0, 16],
    },
    { text: doc.preamble, leadingIndent: 32, margin: [0, 0, 0, 6] },
  ];
  let landscape = false;
  for (const s of doc.sections) {
    const wide = s.table?.id === 'C';
    const heading: Record<string, unknown> = {
      text: s.heading,
      font: 'Hei',
      fontSize: 14,
      margin: [0, 8, 0, 4],
      headlineLevel: 1,
    };
    // Table 三 and its section on a landscape page of their own; back to portrait after it.
    const brk = wide
      ? { pageBreak: 'before', pageOrientation: 'landscape' }
      : landscape
        ? { pageBreak: 'before', pageOrientation: 'portrait' }
        : {};
    landscape = wide;
    const paragraphs = s.paragraphs.map((p) =>
      p.kind === 'subheading'
        ? { text: p.text, bold: true, margin: [0, 4, 0, 2] }
        : { text: p.text, leadingIndent: 32, margin: [0, 0, 0, 4] },
    );
    // A table moves to the next page whole (with its heading when nothing stands between them) rather than
    // being cut: merged label cells would lose their text on the second page. Its title is the heading.
    if (s.table && !paragraphs.length) {
      content.push({ stack: [heading, table(s.table)], unbreakable: true, ...brk });
      continue;
    }
    content.push({ ...heading, ...brk }, ...paragraphs);
    if (s.table) content.push({ stack: [table(s.table)], unbreakable: true });
  }
  content.push({
    text: [doc.signature.agency, '\n', doc.signature.date],
    alignment: 'right',
    margin: [0, 24, 16, 0],
  });
  return renderPdfDoc({
    info: { title: doc.title, creator: 'gongkai' },
    content,
    defaultStyle: { fontSize: 14, lineHeight: 1.5 },
    // A heading never stands alone at a page foot: it moves to the next page with what follows it.
    pageBreakBefore: (node: { headlineLevel?: number }, q: { getFollowingNodesOnPage(): unknown[] }) =>
      node.headlineLevel === 1 && q.getFollowingNodesOnPage().length === 0,
    // GB/T 9704 7.5: page numbers on the outside edge (odd right, even left), one character in.
    footer: (page: number) => ({
      text: `— ${page} —`,
      alignment: page % 2 === 1 ? 'right' : 'left',
      fontSize: 14,
      margin: page % 2 === 1 ? [0, 20, 88, 0] : [93, 20, 0, 0],
    }),
  });
}
