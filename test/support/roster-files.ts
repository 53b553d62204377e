/**
 * Real attachment files for the secrecy-scan tests and the browser journey: a 花名册 (names, full 身份证号, mobile
 * numbers, home landlines, illnesses) as DOCX (docx), XLSX (exceljs) and PDF (pdfmake), plus hostile files — a zip
 * bomb, a ZIP with too many entries, a truncated DOCX, a damaged and an encrypted PDF, a PDF with no text layer.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { renderPdf } from '../../src/documents/pdf.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 18-digit resident ID number (GB 11643 check character) for a region, birth date and sequence. */
export function idNumber(region: string, birth: string, seq: string): string {
  const body = `${region}${birth}${seq}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i]!;
  return body + '10X98765432'[sum % 11]!;
}

export const ROSTER = [
  {
    name: '马德福',
    id: idNumber('632126', '19650312', '001'),
    mobile: '13897412345',
    home: '0972-8321234',
    illness: '尿毒症',
  },
  {
    name: '李秀英',
    id: idNumber('632126', '19720801', '022'),
    mobile: '13909721234',
    home: '0972-8325678',
    illness: '癌症',
  },
  {
    name: '祁占林',
    id: idNumber('632126', '19581124', '013'),
    mobile: '18809720011',
    home: '0972-8329012',
    illness: '精神病',
  },
];

const HEADER = ['姓名', '身份证号', '手机号码', '家庭电话', '病种'];
const rows = () => ROSTER.map((r) => [r.name, r.id, r.mobile, r.home, r.illness]);

/** A DOCX roster: a heading paragraph and a table. */
export async function rosterDocx(): Promise<Uint8Array> {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('2025年大病救助对象花名册')] }),
          new Table({ rows: [HEADER, ...rows()].map((r) => new TableRow({ children: r.map(cell) })) }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** An XLSX roster: ID numbers as text, mobile numbers as numbers (stored in the sheet, not the shared strings). */
export async function rosterXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(HEADER);
  for (const r of ROSTER) ws.addRow([r.name, r.id, Number(r.mobile), r.home, r.illness]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A PDF roster with a text layer. */
export async function rosterPdf(): Promise<Uint8Array> {
  return new Uint8Array(
    await renderPdf({
      content: [{ text: '2025年大病救助对象花名册', fontSize: 16 }, { table: { body: [HEADER, ...rows()] } }],
    }),
  );
}

/** A PDF of one image and no text (what a scanner produces). */
export async function scannedPdf(): Promise<Uint8Array> {
  return new Uint8Array(await renderPdf({ content: [{ image: PNG_DATA_URI, width: 100 }] }));
}

/** An encrypted PDF (user password). */
export async function encryptedPdf(): Promise<Uint8Array> {
  return new Uint8Array(
    await renderPdf({ userPassword: 'secret', ownerPassword: 'owner', content: ['机密'] }),
  );
}

/** A 1×1 PNG. */
export const PNG_DATA_URI =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
export const pngBytes = () => new Uint8Array(Buffer.from(PNG_DATA_URI.split(',')[1]!, 'base64'));

/** A DOCX whose document.xml inflates to 64 MB (a zip bomb): compresses to well under 1 MB. */
export function zipBombDocx(): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
      'word/document.xml': new Uint8Array(64 * 1024 * 1024),
    },
    { level: 9 },
  );
}

/** A DOCX-looking ZIP with 20,000 tiny entries. */
export function manyEntriesDocx(): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'word/document.xml': new TextEncoder().encode('<w:document/>'),
  };
  for (let i = 0; i < 20_000; i++) files[`word/media/x${i}.bin`] = new Uint8Array(1);
  return zipSync(files, { level: 0 });
}

/** A DOCX cut in half (a broken upload). */
export async function truncatedDocx(): Promise<Uint8Array> {
  const b = await rosterDocx();
  return b.slice(0, Math.floor(b.length / 2));
}

/** A PDF header followed by garbage. */
export const damagedPdf = () => new TextEncoder().encode('%PDF-1.7\n' + 'garbage '.repeat(500));
