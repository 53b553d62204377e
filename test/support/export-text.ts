/** The text a person reads in an export: DOCX, XLSX, PDF, CSV. */
import ExcelJS from 'exceljs';
import { docxToRows } from '../../src/annual-report/read-docx.ts';
import { pdfToRows } from '../../src/annual-report/read-pdf.ts';

export type ExportKind = 'docx' | 'xlsx' | 'pdf' | 'csv';

/** The kind of export a response holds, from its content type (null: not an export this checker reads). */
export function exportKind(contentType: string): ExportKind | null {
  if (contentType.includes('wordprocessingml')) return 'docx';
  if (contentType.includes('spreadsheetml')) return 'xlsx';
  if (contentType.includes('application/pdf')) return 'pdf';
  if (contentType.includes('text/csv')) return 'csv';
  return null;
}

/** The readable text of an export, one line per paragraph, row or table row. */
export async function exportText(kind: ExportKind, bytes: Uint8Array): Promise<string> {
  if (kind === 'docx')
    return docxToRows(bytes)
      .map((r) => r.cells.join(' '))
      .join('\n');
  if (kind === 'pdf') return (await pdfToRows(bytes)).map((r) => r.cells.join(' ')).join('\n');
  if (kind === 'csv') return new TextDecoder().decode(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const lines: string[] = [];
  wb.eachSheet((ws) => {
    lines.push(ws.name);
    // A sheet of raw records kept verbatim for technical review (the audit export's before/after) is evidence, not
    // text the system writes for people; the page shows the same records in a marked raw-record block.
    if (ws.name.startsWith('原始记录')) return;
    const hf = ws.headerFooter ?? {};
    for (const v of [hf.oddHeader, hf.oddFooter]) if (v) lines.push(v.replace(/&[A-Z"]/g, ' '));
    ws.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => cells.push(cell.text));
      lines.push(cells.join(' '));
    });
  });
  return lines.join('\n');
}
