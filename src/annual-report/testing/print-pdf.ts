/**
 * Tests and bench: print a text report as a PDF the way published PDF attachments look — paragraphs as paragraphs,
 * each run of multi-cell rows as one bordered table, page numbers “— n —” in the footer.
 */
import { renderPdf } from '../../documents/pdf.ts';
import { textToRows } from '../rows.ts';

export async function printAsPdf(text: string): Promise<Buffer> {
  const content: unknown[] = [];
  let table: string[][] = [];
  const flush = () => {
    if (!table.length) return;
    const width = Math.max(...table.map((r) => r.length));
    content.push({
      table: {
        widths: Array(width).fill('*'),
        body: table.map((r) => [...r, ...Array(width - r.length).fill('')]),
      },
      fontSize: 8,
      margin: [0, 4, 0, 8],
    });
    table = [];
  };
  for (const row of textToRows(text)) {
    if (row.cells.length > 1) table.push(row.cells);
    else {
      flush();
      content.push({ text: row.cells[0], margin: [0, 0, 0, 4] });
    }
  }
  flush();
  return renderPdf({ content, footer: (page: number) => ({ text: `— ${page} —`, alignment: 'center' }) });
}
