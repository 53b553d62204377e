// Round trip: a report rendered in every format the checker reads comes back with the same 200 cells and no error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CELL_ADDRESSES, checkReport, parseReportAsync, type Cells } from '../index.ts';
import { randomValidCells } from '../testing/synthetic.ts';
import { draftTexts } from './narrative-draft.ts';
import { exportReport, type ExportFormat } from './export-report.ts';
import type { AnnualReport } from './report.ts';
import type { ReportFacts } from './sources.ts';

const facts: ReportFacts = {
  requests: {
    received: 0,
    answered: 0,
    answeredOnTime: 0,
    answeredLate: 0,
    carriedOver: 0,
    carriedForward: 0,
  },
  proactive: {
    published: 57,
    byCategory: [
      { name: '政策文件', count: 12 },
      { name: '财政预决算', count: 4 },
    ],
    byChannel: [
      { channel: 'portal', label: '政府门户网站', count: 57 },
      { channel: 'wechat_account', label: '微信公众号', count: 30 },
    ],
    late: 1,
  },
};

function reportOf(cells: Cells, agencyName: string): AnnualReport {
  const fees = { fee_notices_issued: 2, fee_amount_billed_yuan: 300, fee_amount_collected_yuan: 100 };
  const b = (r: string) => cells[`B.${r}.total` as keyof Cells] as number;
  const drafted = draftTexts({
    agencyName,
    agencyShortName: agencyName,
    year: 2026,
    isPeoplesGovernment: true,
    cells,
    fees,
    facts: {
      ...facts,
      requests: {
        ...facts.requests,
        received: b('new_received'),
        answered: b('result.total'),
        answeredOnTime: b('result.total'),
      },
    },
  });
  // A finalised report has its passages written (a 【待填写】 left in it is an error of the checker).
  const texts = Object.fromEntries(
    Object.entries(drafted).map(([k, v]) => [
      k,
      v.replace(
        /【待填写】[^\n]*/g,
        '全年组织业务培训2次；政府信息公开工作纳入年度综合考核，考核结果为优秀；开展社会评议1次，满意度良好；全年未发生责任追究情况。',
      ),
    ]),
  ) as typeof drafted;
  return {
    id: 1,
    agencyId: 1,
    year: 2026,
    origin: 'generated',
    status: 'finalised',
    cells,
    fees,
    texts,
    edited: [],
    findings: [],
    snapshotId: null,
    generatedAt: '2027-01-12T02:00:00.000Z',
    generatedByName: '李文静',
    sourceFile: null,
    approverName: '祁德明',
    finalisedAt: '2027-01-15T02:00:00.000Z',
    finalisedByName: '李文静',
    publishedAt: null,
    publishedByName: null,
    reopenCount: 0,
    version: 3,
  };
}

const formats: ExportFormat[] = ['txt', 'html', 'docx', 'pdf', 'json'];
for (const seed of [1, 7, 42]) {
  for (const format of formats) {
    test(`round trip ${format} (cells seed ${seed}): same 200 cells, fees, year and agency; no error finding`, async () => {
      const cells = randomValidCells(seed);
      const agency = { name: '红旗乡人民政府' };
      const report = reportOf(cells, agency.name);
      const file = await exportReport(report, agency, format);
      const parsed = await parseReportAsync({ name: file.fileName, bytes: file.bytes });
      const result = checkReport(parsed);
      for (const a of CELL_ADDRESSES) assert.equal(result.cells[a], cells[a], `${format} ${a}`);
      assert.deepEqual(result.fees, report.fees);
      assert.equal(result.year, 2026);
      assert.equal(result.agency, '红旗乡人民政府');
      assert.ok(result.complete);
      const errors = result.findings.filter((f) => f.severity === 'error');
      assert.deepEqual(errors, [], `${format}: ${JSON.stringify(errors)}`);
      const warnings = result.findings.filter((f) => f.severity === 'warning').map((f) => f.rule);
      assert.ok(
        !warnings.includes('TEXT-TABLE-MISMATCH') && !warnings.includes('LABEL-NONSTANDARD'),
        `${format}: ${warnings.join(',')}`,
      );
      assert.ok(
        !warnings.includes('SECTION-HEADING-NONSTANDARD') && !warnings.includes('FEE-STATEMENT-MISSING'),
      );
    });
  }
}

test('the PDF is a PDF with the title in it', async () => {
  const report = reportOf(randomValidCells(3), '红旗乡人民政府');
  const file = await exportReport(report, { name: '红旗乡人民政府' }, 'pdf');
  assert.equal(file.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(file.bytes.length > 10000);
});
