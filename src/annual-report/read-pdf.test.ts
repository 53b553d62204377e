// PDF input: real published reports of the corpus printed to PDF in their table layout (the site's PDF attachments
// could not be fetched here, so their text is printed through pdfmake as a bordered table, the way such PDFs look),
// a scan without a text layer, a damaged file. gongkai's own PDF export is read back in generator/export-report.test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderPdf } from '../documents/pdf.ts';
import { parseReportAsync, ReportInputError } from './parse-report.ts';
import { checkReport } from './check-report.ts';
import { printAsPdf } from './testing/print-pdf.ts';
import { pageLines } from './read-pdf.ts';
import { CELL_ADDRESSES } from './report-format.ts';
import { loadCorpus } from './testing/corpus.ts';

const dir = new URL('../../test/fixtures/reports/real/', import.meta.url);

const printed = loadCorpus().filter((e) =>
  [
    '01-xjnlk-town-2023-alternating-pipe',
    '04-xixian-taiping-2022-paragraphs',
    '14-suijiang-huiyi-2021-cell-per-line-shifted-header',
    '21-hezhang-xingfa-2024-cell-per-line-merged',
    '06-taojiang-songmutang-2022-pipe',
  ].includes(e.name),
);

for (const e of printed) {
  test(`a real report printed to PDF (${e.name}): the cells read by hand, incomplete, page footers ignored`, async () => {
    const pdf = await printAsPdf(readFileSync(new URL(e.file, dir), 'utf8'));
    const r = checkReport(await parseReportAsync({ name: `${e.name}.pdf`, bytes: pdf }));
    for (const a of CELL_ADDRESSES) assert.equal(r.cells[a], e.cells[a], a);
    assert.equal(r.complete, false);
    assert.equal(r.year, e.year);
    if (e.format) assert.equal(r.format, e.format);
  });
}

test('a scanned PDF (no text layer) gets a message that says so', async () => {
  const pdf = await renderPdf({
    content: [{ canvas: [{ type: 'rect', x: 0, y: 0, w: 400, h: 600, color: '#eeeeee' }] }],
  });
  await assert.rejects(
    parseReportAsync({ name: 'scan.pdf', bytes: pdf }),
    (e: unknown) => e instanceof ReportInputError && e.problem === 'scanned_pdf' && /扫描件/.test(e.message),
  );
});

test('a damaged PDF is refused with a Chinese message', async () => {
  await assert.rejects(
    parseReportAsync({ name: 'x.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n垃圾内容\n%%EOF') }),
    (e: unknown) => e instanceof ReportInputError && /PDF.*损坏/.test(e.message),
  );
});

test('pageLines: items on one baseline form a line; a wide gap separates cells, a narrow one joins text', () => {
  const item = (str: string, x: number, y: number, width = 10 * str.length) => ({
    str,
    x,
    y,
    width,
    size: 10,
  });
  const lines = pageLines([
    item('规章', 50, 700),
    item('0', 200, 700.5),
    item('0', 260, 700),
    item('3', 320, 699.8),
    item('本年度', 50, 680),
    item('未收取', 81, 680),
  ]);
  assert.deepEqual(lines, [['规章', '0', '0', '3'], ['本年度未收取']]);
});
