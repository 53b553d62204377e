/** The report as plain text: paragraphs, and each table row as its grid cells separated by tabs. */
import { toGrid, type ReportDocument, type ReportTable } from './report-document.ts';

function tableLines(t: ReportTable): string[] {
  return toGrid(t).map((row) => row.map((x) => (x?.origin ? x.cell.text : '')).join('\t'));
}

export function renderText(doc: ReportDocument): string {
  const out: string[] = [doc.title, '', doc.preamble, ''];
  for (const s of doc.sections) {
    out.push(s.heading, '');
    for (const p of s.paragraphs) out.push(p.text, '');
    if (s.table) out.push(...tableLines(s.table), '');
  }
  out.push(doc.signature.agency, doc.signature.date, '');
  return out.join('\n');
}
