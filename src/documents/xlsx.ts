import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { contentDisposition } from '../text/file-name.ts';

export interface SheetSpec {
  name: string;
  columns: { header: string; key: string; width?: number }[];
  rows: Record<string, unknown>[];
  /** Print layout: A4, landscape or portrait, fitted to the page width, header row repeated on every page. */
  print?: { landscape: boolean; title?: string };
}

/**
 * Write sheets to an XLSX buffer: bold, frozen header row; widths as given. Shared by ledgers and exports.
 * Uses exceljs's streaming writer (rows committed as they are written, no shared-strings table), which is several
 * times faster and lighter than the in-memory workbook for ledgers of 100,000 rows.
 */
export async function writeXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'gongkai';
  wb.created = new Date();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    if (s.print) {
      ws.pageSetup = {
        ...ws.pageSetup,
        paperSize: 9, // A4
        orientation: s.print.landscape ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
      };
      ws.headerFooter = {
        ...ws.headerFooter,
        oddHeader: s.print.title ? `&C${s.print.title}` : '',
        oddFooter: '&C第 &P 页，共 &N 页',
      };
    }
    ws.columns = s.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const r of s.rows) ws.addRow(r).commit();
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition for a download with a Chinese file name (neutralised: src/text/file-name.ts). */
export function attachment(filename: string): string {
  return contentDisposition(filename);
}
