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

/** A finalised report, its passages written (`written: false`: the draft with its 【待填写】 passages left in). */
function reportOf(cells: Cells, agencyName: string, written = true): AnnualReport {
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
  const writtenTexts = Object.fromEntries(
    Object.entries(drafted).map(([k, v]) => [
      k,
      v.replace(
        /【待填写】[^\n]*/g,
        '全年组织业务培训2次；政府信息公开工作纳入年度综合考核，考核结果为优秀；开展社会评议1次，满意度良好；全年未发生责任追究情况。',
      ),
    ]),
  ) as typeof drafted;
  const texts = written ? writtenTexts : drafted;
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

test('layout: title lines, headings kept with what follows, table 三 at 9 pt on a landscape page, preamble = headings', async () => {
  const { unzipSync, strFromU8 } = await import('fflate');
  const { SECTIONS } = await import('../report-format.ts');
  const { titleLines } = await import('../../documents/docx.ts');
  const report = reportOf(randomValidCells(5), '哈拉直沟乡人民政府');
  const file = await exportReport(report, { name: '哈拉直沟乡人民政府' }, 'docx');
  const xml = strFromU8(unzipSync(new Uint8Array(file.bytes))['word/document.xml']!);
  // The title is never broken inside a word: the agency, then the rest.
  assert.deepEqual(titleLines('哈拉直沟乡人民政府', '2026年政府信息公开工作年度报告'), [
    '哈拉直沟乡人民政府',
    '2026年政府信息公开工作年度报告',
  ]);
  assert.deepEqual(titleLines('红旗乡', '2026年报告'), ['红旗乡2026年报告']);
  // Table 三 has its own landscape section, at 9 pt (18 half-points).
  assert.match(xml, /w:orient="landscape"/);
  const c = xml.slice(xml.indexOf('四、政府信息公开行政复议、行政诉讼情况'));
  assert.match(c.slice(0, 20000), /<w:sz w:val="18"\/>/);
  // Every section heading keeps with the next paragraph.
  for (const s of SECTIONS) {
    const at = xml.indexOf(`>${s.rendered}<`);
    assert.ok(at > 0, s.rendered);
    const p = xml.slice(xml.lastIndexOf('<w:p>', at), at);
    assert.match(p, /<w:keepNext\/>/, s.rendered);
  }
  // The opening sentence names the sections exactly as the headings do.
  const { preamble } = await import('./narrative-draft.ts');
  assert.ok(preamble('哈拉直沟乡人民政府', 2026).includes(SECTIONS.map((s) => s.heading).join('、')));
});

// The checker reports a half-written report in every format it reads: PLACEHOLDER-TEXT is an error, counted.
for (const format of ['docx', 'txt', 'html', 'pdf'] as ExportFormat[])
  test(`a ${format} report with 【待填写】 passages has a PLACEHOLDER-TEXT error`, async () => {
    const report = reportOf(randomValidCells(11), '红旗乡人民政府', false);
    const n =
      Object.values(report.texts)
        .join('\n')
        .match(/【待填写】/g)?.length ?? 0;
    assert.ok(n >= 3, `the draft has ${n} placeholders`);
    const file = await exportReport(report, { name: '红旗乡人民政府' }, format);
    const result = checkReport(await parseReportAsync({ name: file.fileName, bytes: file.bytes }));
    const f = result.findings.find((x) => x.rule === 'PLACEHOLDER-TEXT');
    assert.ok(f, JSON.stringify(result.findings.map((x) => x.rule)));
    assert.equal(f.severity, 'error');
    assert.match(f.message, new RegExp(`报告中有${n}处尚未填写`));
  });
