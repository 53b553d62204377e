/** A report in each download format: DOCX, PDF, HTML, plain text and gongkai's JSON export (the checker's twin). */
import { buildExport } from '../index.ts';
import { DOCX_TYPE } from '../../documents/docx.ts';
import type { Agency } from '../../org/org.ts';
import { reportDocument } from './report-document.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml, type HtmlAppendix } from './render-html.tsx';
import { renderPdf } from './render-pdf.ts';
import { renderText } from './render-text.ts';
import type { AnnualReport } from './report.ts';

import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS, type ExportFormat } from './export-formats.ts';

export { EXPORT_FORMATS, EXPORT_FORMAT_LABELS, type ExportFormat };

const TYPES: Record<ExportFormat, string> = {
  docx: DOCX_TYPE,
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

export interface ExportedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** The signature date: publication, else finalisation, else generation (Asia/Shanghai business date). */
function signatureDate(r: AnnualReport): string {
  const iso = r.publishedAt ?? r.finalisedAt ?? r.generatedAt;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));
}

/** The report's document model (what every renderer draws). */
export function documentOf(r: AnnualReport, agency: Pick<Agency, 'name'>) {
  return reportDocument({
    agencyName: agency.name,
    year: r.year,
    cells: r.cells,
    texts: r.texts,
    date: signatureDate(r),
  });
}

/**
 * One download of a report. `appendix`: for HTML, the 图解 to append (the caller builds it from a finalised or
 * published report only, see graphic/load-report-graphic.ts).
 */
export async function exportReport(
  r: AnnualReport,
  agency: Pick<Agency, 'name'>,
  format: ExportFormat,
  appendix?: HtmlAppendix,
): Promise<ExportedFile> {
  const fileName = `${agency.name}${r.year}年政府信息公开工作年度报告.${format}`;
  const doc = documentOf(r, agency);
  let bytes: Buffer;
  switch (format) {
    case 'docx':
      bytes = await renderDocx(doc);
      break;
    case 'pdf':
      bytes = await renderPdf(doc);
      break;
    case 'html':
      bytes = Buffer.from(renderHtml(doc, appendix), 'utf8');
      break;
    case 'txt':
      bytes = Buffer.from(renderText(doc), 'utf8');
      break;
    case 'json': {
      const exported = buildExport({
        year: r.year,
        agency: agency.name,
        cells: r.cells,
        fees: r.fees,
        texts: r.texts,
        status: r.status === 'draft' ? 'draft' : 'final',
        generatedAt: new Date(r.generatedAt),
      });
      bytes = Buffer.from(JSON.stringify(exported, null, 2) + '\n', 'utf8');
      break;
    }
  }
  return { fileName, contentType: TYPES[format], bytes };
}
