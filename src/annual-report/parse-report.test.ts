import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import { parseReport, ReportInputError, MAX_REPORT_BYTES } from './parse-report.ts';
import { checkReport } from './check-report.ts';
import { buildExport } from './export-json.ts';
import { CELL_ADDRESSES, type CellAddress } from './report-format.ts';
import { randomValidCells, reportBlocks, renderText, syntheticFiles } from './testing/synthetic.ts';

const enc = (s: string) => new TextEncoder().encode(s);

for (const seed of [11, 12, 13, 14]) {
  const truth = randomValidCells(seed);
  for (const file of syntheticFiles(truth, { filler: 3 })) {
    test(`synthetic ${file.name} (seed ${seed}) reads back all 200 cells exactly`, () => {
      const result = checkReport(parseReport(file));
      for (const a of CELL_ADDRESSES) assert.equal(result.cells[a], truth[a], `${file.name} ${a}`);
      assert.equal(result.year, 2025);
      assert.equal(result.agency, '红旗乡人民政府');
      assert.equal(result.format, '2021');
      assert.equal(result.complete, true);
      assert.ok(result.sections.every((s) => s.found));
      // The space layout is printed with half-width punctuation, “(单位:万元)” included.
      const expected = file.name === 'space.txt' ? ['UNIT-HALFWIDTH'] : [];
      const unexpected = result.findings.filter((f) => f.severity !== 'info' && !expected.includes(f.rule));
      assert.deepEqual(unexpected, [], `${file.name}: a valid report has no findings`);
    });
  }
}

test('a wrong total in a synthetic report is found with the row and column named', () => {
  const truth = randomValidCells(21);
  truth['B.result.granted.natural_person'] = (truth['B.result.granted.natural_person'] as number) + 1;
  const file = syntheticFiles(truth).find((f) => f.name === 'page.html')!;
  const result = checkReport(parseReport(file));
  const col = result.findings.find((f) => f.rule === 'B-COL')!;
  assert.equal(col.severity, 'error');
  assert.match(col.message, /“（一）予以公开”行：总计（\d+）不等于六类申请人之和（\d+）/);
  assert.ok(col.location && col.location.line > 0);
  assert.ok(result.findings.some((f) => f.rule === 'B-RES' && f.message.endsWith('自然人列')));
});

test('a page that ends inside table B: cells after it are null, the report is incomplete', () => {
  const truth = randomValidCells(5);
  const text = renderText(reportBlocks(truth), 'tab');
  const cut = text.slice(0, text.indexOf('(四)') > 0 ? text.indexOf('(四)') : text.indexOf('（四）无法提供'));
  const result = checkReport(parseReport({ name: 'cut.txt', bytes: enc(cut) }));
  assert.equal(result.complete, false);
  assert.equal(result.cells['B.new_received.natural_person'], truth['B.new_received.natural_person']);
  assert.equal(result.cells['B.carried_forward.total'], null);
  assert.equal(result.cells['C.review.total'], null);
  assert.ok(result.findings.some((f) => f.rule === 'TABLE-INCOMPLETE' && f.message.startsWith('表三有')));
  assert.ok(result.findings.some((f) => f.rule === 'TABLE-INCOMPLETE' && f.message.includes('表四')));
  assert.ok(!result.findings.some((f) => f.rule === 'TABLE-MISSING'));
});

test('a page that lost its tables: the narrative counts are checked against each other', () => {
  const text = [
    '某某镇人民政府2024年政府信息公开工作年度报告',
    '一、总体情况',
    '2024年新收政府信息公开申请5件，上年结转1件，办结3件，结转下年度1件。年度考核、社会评议和责任追究均已报告。',
    '五、存在的主要问题及改进情况',
    '无。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
  ].join('\n');
  const result = checkReport(parseReport({ name: 'lost.txt', bytes: enc(text) }));
  const balance = result.findings.filter((f) => f.rule === 'TEXT-BALANCE');
  assert.equal(balance.length, 1);
  assert.match(balance[0]!.message, /新收5件、上年结转1件，合计6件，不等于办结3件加结转下年度1件（4件）/);
  assert.deepEqual(
    result.findings.filter((f) => f.rule === 'TABLE-MISSING').length,
    3,
    'a complete report without its tables misses all three',
  );
  assert.equal(result.fees.fee_amount_collected_yuan, 0);
  assert.ok(!result.findings.some((f) => f.rule === 'FEE-STATEMENT-MISSING'));
});

test('the 2019 trial layout is detected and not mis-read', () => {
  const rows = [
    '某县交通运输局2020年政府信息公开工作年度报告',
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
    '规章\t0\t0\t0',
    '规范性文件\t3\t3\t20',
    '第二十条第（五）项',
    '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
    '行政许可\t5\t0\t120',
    '三、收到和处理政府信息公开申请情况',
    '一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2',
    '二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0',
    '（一）予以公开\t1\t0\t0\t0\t0\t0\t1',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0',
    ...[
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '3.危及“三安全一稳定”',
      '4.保护第三方合法权益',
      '5.属于三类内部事务信息',
      '6.属于四类过程性信息',
      '7.属于行政执法案卷',
      '8.属于行政查询事项',
      '1.本机关不掌握相关政府信息',
      '2.没有现成信息需要另行制作',
      '3.补正后申请内容仍不明确',
      '1.信访举报投诉类申请',
      '2.重复申请',
      '3.要求提供公开出版物',
      '4.无正当理由大量反复申请',
      '5.要求行政机关确认或重新出具已获取信息',
    ].map((l) => `${l}\t0\t0\t0\t0\t0\t0\t0`),
    '（六）其他处理\t1\t0\t0\t0\t0\t0\t1',
    '（七）总计\t2\t0\t0\t0\t0\t0\t2',
    '四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0',
    '四、政府信息公开行政复议、行政诉讼情况',
    '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
  ];
  const result = checkReport(parseReport({ name: '2019.txt', bytes: enc(rows.join('\n')) }));
  assert.equal(result.format, '2019-trial');
  const layout = result.findings.find((f) => f.rule === 'TABLE-LAYOUT-2019')!;
  assert.equal(layout.severity, 'info', 'a 2020 report may use the trial layout');
  assert.ok(CELL_ADDRESSES.filter((a) => a.startsWith('A.')).every((a) => result.cells[a] === null));
  assert.equal(result.cells['B.new_received.natural_person'], 2);
  assert.equal(result.cells['B.result.total.total'], 2);
  for (const c of ['no_correction', 'fee_unpaid', 'other']) {
    assert.equal(result.cells[`B.result.other.${c}.total` as CellAddress], null);
  }
  const later = checkReport(
    parseReport({ name: '2019.txt', bytes: enc(rows.join('\n').replace(/2020年/, '2023年')) }),
  );
  assert.equal(later.findings.find((f) => f.rule === 'TABLE-LAYOUT-2019')!.severity, 'error');
});

test('gongkai JSON export round-trips through the checker', () => {
  const cells = randomValidCells(3);
  const exported = buildExport({
    year: 2025,
    agency: '红旗乡人民政府',
    cells,
    fees: {
      fee_notices_issued: cells['B.result.other.fee_unpaid.total'],
      fee_amount_billed_yuan: 0,
      fee_amount_collected_yuan: 0,
    },
    texts: {
      overview: '全面推进政务公开，年度考核、社会评议和责任追究情况良好。',
      proactive_disclosure: '',
      requests: '',
      review_litigation: '',
      problems_improvements: '无。',
      other_matters: '本年度未收取信息处理费。',
    },
    status: 'final',
    generatedAt: new Date('2026-01-10T02:00:00Z'),
  });
  const parsed = parseReport({ name: 'export.json', bytes: enc(JSON.stringify(exported)) });
  assert.equal(parsed.source, 'json');
  assert.equal(parsed.status, 'final');
  const result = checkReport(parsed);
  assert.deepEqual(result.cells, exported.cells);
  assert.deepEqual(result.findings, []);
  assert.equal(result.complete, true);
});

const bad: [string, Uint8Array, RegExp][] = [
  ['empty.txt', new Uint8Array(0), /文件为空/],
  ['blank.txt', enc('  \n\n '), /只有空白/],
  ['garbage.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), /二进制/],
  [
    'page.html',
    enc(
      '<html><body><nav>首页</nav><p>欢迎访问本站，今日天气晴。</p><table><tr><td>a</td></tr></table></body></html>',
    ),
    /没有找到政府信息公开工作年度报告的内容/,
  ],
  ['photos.docx', zipSync({ 'a.jpg': strToU8('not a picture'), 'b.txt': strToU8('x') }), /不是 Word 文档/],
  ['broken.docx', enc('PK\u0003\u0004 this is not really a zip'), /已损坏/],
  ['old.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /旧版 Word/],
  ['export.json', enc('{"cells": {}, "generated_at": 1}'), /不是 gongkai 导出/],
];
for (const [name, bytes, message] of bad) {
  test(`bad input ${name}: a clear Chinese message, no crash`, () => {
    assert.throws(
      () => parseReport({ name, bytes }),
      (e: unknown) => e instanceof ReportInputError && message.test(e.message),
    );
  });
}

test('a file over the 20 MB limit is refused before it is read', () => {
  const big = new Uint8Array(MAX_REPORT_BYTES + 1);
  assert.throws(
    () => parseReport({ name: 'big.txt', bytes: big }),
    (e: unknown) =>
      e instanceof ReportInputError && e.problem === 'too_large' && /超过 20 MB/.test(e.message),
  );
});

test('a UTF-8 file with a byte-order mark reads like one without', () => {
  const text = renderText(reportBlocks(randomValidCells(8)), 'tab');
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)]);
  const result = checkReport(parseReport({ name: 'bom.txt', bytes: withBom }));
  assert.equal(result.agency, '红旗乡人民政府');
  assert.equal(result.year, 2025);
});
