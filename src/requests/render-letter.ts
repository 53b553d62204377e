/**
 * A stored letter as DOCX (official-document styling, src/documents/docx.ts) and PDF (renderPdf with the CJK
 * families): agency heading and letter title, 文号, addressee, the frozen paragraphs, signature and date.
 */
import { blankLine, bodyParagraph, officialDocx, titleParagraphs } from '../documents/docx.ts';
import { renderPdf } from '../documents/pdf.ts';
import { parseJson } from '../db/values.ts';
import { cnDate } from './letters.ts';

export interface StoredLetter {
  title: string;
  docNo: string;
  addressee: string;
  paragraphs: string[];
  issuedOn: string;
  agencyName: string;
}

export function storedLetter(
  row: { title: string; doc_no: string; addressee: string; body_json: string; issued_on: string },
  agencyName: string,
): StoredLetter {
  return {
    title: row.title,
    docNo: row.doc_no,
    addressee: row.addressee,
    paragraphs: parseJson<string[]>(row.body_json, []),
    issuedOn: row.issued_on,
    agencyName,
  };
}

/** Paragraphs keep their inner line breaks as separate lines (lists of items). */
const lines = (p: string[]) => p.flatMap((x) => x.split('\n'));

export async function letterDocx(l: StoredLetter): Promise<Buffer> {
  return officialDocx(
    [
      ...titleParagraphs([l.agencyName, l.title]),
      bodyParagraph(l.docNo, { indent: false, align: 'center' }),
      blankLine(),
      bodyParagraph(`${l.addressee}：`, { indent: false }),
      ...lines(l.paragraphs).map((p) => bodyParagraph(p)),
      blankLine(),
      bodyParagraph(l.agencyName, { indent: false, align: 'right' }),
      bodyParagraph(cnDate(l.issuedOn), { indent: false, align: 'right' }),
    ],
    { title: `${l.title}（${l.docNo}）` },
  );
}

export async function letterPdf(l: StoredLetter): Promise<Buffer> {
  return renderPdf({
    info: { title: `${l.title}（${l.docNo}）` },
    defaultStyle: { fontSize: 16, lineHeight: 1.5 },
    content: [
      { text: l.agencyName, font: 'Hei', fontSize: 22, alignment: 'center' },
      { text: l.title, font: 'Hei', fontSize: 22, alignment: 'center', margin: [0, 0, 0, 8] },
      { text: l.docNo, alignment: 'center', margin: [0, 0, 0, 16] },
      { text: `${l.addressee}：` },
      ...lines(l.paragraphs).map((p) => ({ text: p, leadingIndent: 32, alignment: 'justify' })),
      { text: l.agencyName, alignment: 'right', margin: [0, 24, 0, 0] },
      { text: cnDate(l.issuedOn), alignment: 'right' },
    ],
  });
}
