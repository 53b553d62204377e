// PDF input made the way agencies make their PDF attachments: real reports of the corpus laid out as a document with
// bordered tables and converted to PDF by LibreOffice (test/fixtures/reports/pdf, built by
// scripts/make-report-pdf-fixtures.ts). These are the real reports' texts re-rendered, not the agencies' own PDF files
// (the network is closed here). Each PDF must read the same cells, year and agency as its text does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parseReport, parseReportAsync } from './parse-report.ts';
import { checkReport } from './check-report.ts';
import { CELL_ADDRESSES } from './report-format.ts';
import { loadCorpus } from './testing/corpus.ts';
const fixtures = new URL('../../test/fixtures/reports/', import.meta.url);
const PDF_FIXTURES = readdirSync(new URL('pdf/', fixtures))
  .filter((f) => f.endsWith('.pdf'))
  .map((f) => f.replace(/\.pdf$/, ''));

test('at least three real reports are printed to PDF', () => assert.ok(PDF_FIXTURES.length >= 3));

for (const name of PDF_FIXTURES) {
  test(`a real report printed to PDF by LibreOffice (${name}): the same cells as its text, none invented`, async () => {
    const text = checkReport(
      parseReport({ name: `${name}.txt`, bytes: readFileSync(new URL(`real/${name}.txt`, fixtures)) }),
    );
    const pdf = checkReport(
      await parseReportAsync({
        name: `${name}.pdf`,
        bytes: readFileSync(new URL(`pdf/${name}.pdf`, fixtures)),
      }),
    );
    const hand = loadCorpus().find((e) => e.name === name)!;
    let read = 0;
    for (const a of CELL_ADDRESSES) {
      assert.equal(pdf.cells[a], text.cells[a], a);
      assert.equal(pdf.cells[a], hand.cells[a], `${a} (read by hand)`);
      if (pdf.cells[a] !== null) read++;
    }
    assert.ok(read > 0);
    assert.equal(pdf.year, text.year);
    assert.equal(pdf.agency, text.agency);
    assert.equal(pdf.complete, hand.complete);
    assert.deepEqual(
      pdf.sections.map((s) => s.found),
      text.sections.map((s) => s.found),
    );
  });
}
