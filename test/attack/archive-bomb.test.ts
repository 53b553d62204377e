/**
 * Archive bombs against every reader of uploaded ZIP containers: the report checker and report import
 * (parseReport → read-docx), publication attachments (checkAttachment) and the village finance XLSX import.
 * Each refuses with a Chinese message before inflating the bomb.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { parseReport } from '../../src/annual-report/parse-report.ts';
import { ReportInputError } from '../../src/annual-report/report-input-error.ts';
import { checkAttachment } from '../../src/publications/attachment-type.ts';
import { importFinanceXlsx } from '../../src/villages/import-finance-xlsx.ts';
import { ValidationError } from '../../src/errors.ts';

// 64 MiB of zeros as the main part: about 64 KB compressed, a ratio of ~1000.
const docxBomb = zipSync({
  '[Content_Types].xml': strToU8('<Types/>'),
  'word/document.xml': new Uint8Array(64 * 1024 * 1024),
});
const xlsxBomb = zipSync({
  '[Content_Types].xml': strToU8('<Types/>'),
  'xl/workbook.xml': strToU8('<workbook/>'),
  'xl/worksheets/sheet1.xml': new Uint8Array(64 * 1024 * 1024),
});

test('report checker and import: a DOCX bomb is a Chinese input error, not an inflated 64 MiB', () => {
  assert.throws(
    () => parseReport({ name: '2025年报.docx', bytes: docxBomb }),
    (e: unknown) => e instanceof ReportInputError && /“2025年报\.docx”压缩比异常/.test(e.message),
  );
});

test('publication attachments: DOCX and XLSX bombs are refused with the file name', () => {
  const d = checkAttachment('附件.docx', docxBomb);
  assert.equal(d.ok, false);
  assert.match(!d.ok ? d.message : '', /附件\.docx.*已拒绝/);
  const x = checkAttachment('表.xlsx', xlsxBomb);
  assert.equal(x.ok, false);
  assert.match(!x.ok ? x.message : '', /表\.xlsx.*压缩比异常/);
});

test('village finance import: an XLSX bomb never reaches ExcelJS', async () => {
  await assert.rejects(
    importFinanceXlsx(xlsxBomb),
    (e: unknown) => e instanceof ValidationError && /收支明细表.*已拒绝/.test(e.message),
  );
});
