// The seed and four real published reports (test/fixtures/reports), each read by hand into `.expected.json`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseReport } from './parse-report.ts';
import { checkReport, type CheckResult } from './check-report.ts';
import { CELL_ADDRESSES } from './report-format.ts';

const dir = new URL('../../test/fixtures/reports/', import.meta.url);
const load = (name: string) => readFileSync(new URL(name, dir));
const check = (name: string): CheckResult => checkReport(parseReport({ name, bytes: load(name) }));
const rules = (r: CheckResult) => r.findings.map((f) => f.rule);

const real = [
  '27-shuyang-county-2025-ocr-markdown.txt',
  '28-shanghai-stcsm-2024-pdf-scrambled.txt',
  '29-shanghai-bgt-2025-pdf-markdown.txt',
  '32-shuyang-fgj-2023-html-blankcells.html',
];

for (const name of real) {
  test(`${name}: all 200 cells as read by hand, year, format, completeness`, () => {
    const expected = JSON.parse(load(name.replace(/\.(txt|html)$/, '.expected.json')).toString('utf8'));
    const result = check(name);
    assert.equal(Object.keys(expected.cells).length, 200);
    for (const a of CELL_ADDRESSES) assert.equal(result.cells[a], expected.cells[a], a);
    assert.equal(result.year, expected.year);
    assert.equal(result.format, expected.format);
    assert.equal(result.complete, expected.complete);
  });
}

test('27 (OCR markdown): the narrative counts carried-over applications as received', () => {
  const r = check(real[0]!);
  const mismatch = r.findings.filter((f) => f.rule === 'TEXT-TABLE-MISMATCH');
  assert.equal(mismatch.length, 1);
  assert.match(mismatch[0]!.message, /749件，表格中为713件/);
  assert.deepEqual(mismatch[0]!.cells, ['B.new_received.total']);
  assert.equal(r.fees.fee_amount_collected_yuan, 380);
  assert.ok(rules(r).includes('SECTION-HEADING-NONSTANDARD'));
  assert.ok(!rules(r).includes('B-BAL'), 'the table balances');
});

test('28 (scrambled PDF): nonstandard structure, empty 结转 total not invented', () => {
  const r = check(real[1]!);
  assert.equal(r.agency, '上海市科委');
  assert.equal(r.cells['B.carried_forward.total'], null);
  assert.ok(
    r.findings.some((f) => f.rule === 'TABLE-INCOMPLETE' && f.cells.includes('B.carried_forward.total')),
  );
  assert.ok(r.findings.some((f) => f.rule === 'CHECK-SKIPPED' && f.message.startsWith('B-BAL（总计列）')));
  assert.deepEqual(
    r.sections.filter((s) => !s.found).map((s) => s.id),
    ['problems_improvements'],
  );
  assert.equal(rules(r).filter((x) => x === 'SECTION-NUMBER-DUPLICATE').length, 4);
  assert.ok(r.findings.some((f) => f.rule === 'LABEL-NONSTANDARD' && f.message.includes('规范性文件')));
});

test('29 (PDF markdown): 本年废止件数 recovered from the loose annotated numbers, section 五 missing', () => {
  const r = check(real[2]!);
  assert.equal(r.agency, '上海市人民政府办公厅');
  const recovered = r.findings.filter((f) => f.rule === 'CELL-RECOVERED').flatMap((f) => f.cells);
  assert.deepEqual(recovered, ['A.art20_1.regulations.repealed', 'A.art20_1.normative_documents.repealed']);
  assert.ok(
    r.findings.some((f) => f.rule === 'SECTION-MISSING' && f.message.includes('存在的主要问题及改进情况')),
  );
  assert.ok(!rules(r).includes('TEXT-TABLE-MISMATCH'), 'the narrative agrees with the tables');
  assert.equal(r.fees.fee_amount_collected_yuan, 0);
});

test('32 (HTML with blank cells): blanks read as 0 with one grouped warning', () => {
  const r = check(real[3]!);
  assert.equal(r.agency, '沭阳县发展和改革局');
  const blank = r.findings.filter((f) => f.rule === 'CELL-BLANK-AS-ZERO');
  assert.equal(blank.length, 1);
  assert.equal(blank[0]!.severity, 'warning');
  assert.equal(blank[0]!.cells.length, 125);
  assert.ok(
    blank[0]!.cells.every(
      (c) => c.startsWith('B.') && !c.endsWith('.natural_person') && !c.endsWith('.total'),
    ),
  );
  assert.ok(
    r.findings.some(
      (f) => f.rule === 'SECTION-HEADING-NONSTANDARD' && f.message.includes('存在的主要问题及整改措施'),
    ),
  );
  assert.ok(!rules(r).some((x) => x.startsWith('B-') || x.startsWith('C-')));
});

test('the seed: the defects the issue lists, with the right rule ids', () => {
  const r = check('seed-halazhigou-2025.txt');
  assert.equal(r.year, 2025);
  assert.equal(r.agency, '哈拉直沟乡人民政府');
  assert.equal(r.format, '2021');
  assert.equal(r.complete, true);

  const dup = r.findings.filter((f) => f.rule === 'SECTION-NUMBER-DUPLICATE');
  assert.equal(dup.length, 2);
  assert.match(dup[0]!.message, /“四、下一步改进措施”.*不是年报规定的一节/);
  assert.match(dup[1]!.message, /编号“五、”重复：“五、其他需要报告的事项”/);
  assert.ok(dup.every((f) => f.severity === 'error'));

  const six = r.sections.find((s) => s.id === 'other_matters')!;
  assert.deepEqual(six, { no: '六', id: 'other_matters', found: true, heading: '五、其他需要报告的事项' });
  const wrong = r.findings.filter((f) => f.rule === 'SECTION-NUMBER-WRONG');
  assert.equal(wrong.length, 1);
  assert.match(wrong[0]!.message, /应为“六、”（报告中没有“六、”）/);

  const nonstandard = r.findings.filter((f) => f.rule === 'SECTION-HEADING-NONSTANDARD');
  assert.equal(nonstandard.length, 1);
  assert.match(nonstandard[0]!.message, /存在的问题及改进情况/);

  assert.ok(rules(r).includes('FEE-STATEMENT-MISSING'));
  const wu = r.findings.filter((f) => f.rule === 'CELL-WU-AS-ZERO').flatMap((f) => f.cells);
  assert.ok(wu.includes('B.new_received.total') && wu.includes('C.review.total'));
  const blank = r.findings.filter((f) => f.rule === 'CELL-BLANK-AS-ZERO').flatMap((f) => f.cells);
  assert.ok(blank.includes('B.result.granted.natural_person'));
  assert.equal(wu.length + blank.length, 175 + 15, 'every cell of tables B and C was a placeholder');
  assert.ok(
    Object.values(r.cells).every((v) => v === 0),
    'placeholders read as 0, table A holds 0',
  );
  assert.ok(!rules(r).includes('SECTION-MISSING'));
  assert.ok(r.findings.every((f) => f.message.length > 0));
});
