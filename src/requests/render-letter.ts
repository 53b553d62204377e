/**
 * A stored letter as DOCX and PDF in the official-document form of GB/T 9704-2012 (src/documents/official-letter.ts):
 * 版头 with the agency in red and the red line, 发文字号, title, addressee, the frozen paragraphs, the 落款.
 */
import { officialLetterDocx, officialLetterPdf, type OfficialLetter } from '../documents/official-letter.ts';
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

const layout = (l: StoredLetter): OfficialLetter => ({
  issuer: l.agencyName,
  docNo: l.docNo,
  title: l.title,
  addressee: l.addressee,
  paragraphs: l.paragraphs,
  date: cnDate(l.issuedOn),
});

export const letterDocx = (l: StoredLetter) => officialLetterDocx(layout(l));
export const letterPdf = (l: StoredLetter) => officialLetterPdf(layout(l));
