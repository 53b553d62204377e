/**
 * Builds test/fixtures/reports/pdf/: real reports of the corpus (test/fixtures/reports/real) printed to PDF by
 * LibreOffice, the way agencies' published PDF attachments are made (a Word-like document with bordered tables,
 * converted by an office suite). The agencies' own PDF files could not be fetched here (no network), so these are
 * their texts re-rendered, not their files. Run once when the fixtures change:
 *
 *   node --import tsx scripts/make-report-pdf-fixtures.ts
 *
 * Needs `soffice` (LibreOffice) and a CJK font. The PDFs are committed; the test reads them back
 * (src/annual-report/read-pdf-libreoffice.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { textToRows } from '../src/annual-report/rows.ts';

export const PDF_FIXTURES = [
  '21-hezhang-xingfa-2024-cell-per-line-merged',
  '12-yanbian-xinjiu-2021-paragraphs',
  '13-haicheng-xiliu-2023-pipe-site-spam',
  '25-cqjlp-erlang-2022-pipe-no-lead',
];

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The report as an HTML document: paragraphs, and each run of multi-cell rows as one bordered table. */
export function reportHtml(text: string): string {
  const out: string[] = [];
  let table: string[][] = [];
  const flush = () => {
    if (!table.length) return;
    const width = Math.max(...table.map((r) => r.length));
    out.push(
      '<table border="1" cellspacing="0" cellpadding="2" style="border-collapse:collapse;font-size:8pt">',
    );
    for (const r of table) {
      const cells = r.map((c) => `<td>${escape(c)}</td>`);
      // A short row's last cell spans the rest, as a merged cell does in the published tables.
      if (r.length < width)
        cells[cells.length - 1] = cells.at(-1)!.replace('<td>', `<td colspan="${width - r.length + 1}">`);
      out.push(`<tr>${cells.join('')}</tr>`);
    }
    out.push('</table>');
    table = [];
  };
  for (const row of textToRows(text)) {
    if (row.cells.length > 1) table.push(row.cells);
    else {
      flush();
      out.push(`<p style="font-size:10pt">${escape(row.cells[0]!)}</p>`);
    }
  }
  flush();
  return `<!doctype html><html><head><meta charset="utf-8"><title>report</title></head><body>${out.join('\n')}</body></html>`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const real = new URL('../test/fixtures/reports/real/', import.meta.url);
  const target = new URL('../test/fixtures/reports/pdf/', import.meta.url);
  const work = mkdtempSync(join(tmpdir(), 'gongkai-pdf-fixtures-'));
  try {
    for (const name of PDF_FIXTURES) {
      const html = join(work, `${name}.html`);
      writeFileSync(html, reportHtml(readFileSync(new URL(`${name}.txt`, real), 'utf8')));
      execFileSync('soffice', [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        // Read as a Writer document (pages, as an office file is), not as a web page.
        '--infilter=HTML (StarWriter)',
        '--convert-to',
        'pdf:writer_pdf_Export',
        '--outdir',
        work,
        html,
      ]);
      renameSync(join(work, `${name}.pdf`), new URL(`${name}.pdf`, target));
      console.log(`${name}.pdf`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
