// The findings a reviewer expects (issue 13 §5): placeholders, the title, the half-width unit, 考核/评议/追究 without
// results, the narrative against the tables, a township with 规章.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReport } from './parse-report.ts';
import { checkReport, type CheckResult } from './check-report.ts';
import { randomValidCells, reportBlocks, renderText } from './testing/synthetic.ts';
import type { Cells } from './report-format.ts';

const check = (text: string): CheckResult =>
  checkReport(parseReport({ name: 'r.txt', bytes: new TextEncoder().encode(text) }));
const report = (cells: Cells = randomValidCells(4, 6)) => renderText(reportBlocks(cells), 'pipe');
const of = (r: CheckResult, rule: string) => r.findings.filter((f) => f.rule === rule);

test('three 【待填写】 passages are one error naming them, and do not count as 考核/评议/追究', () => {
  const text = report().replace(
    '将政务公开纳入年度工作考核，组织群众代表开展社会评议，全年未发生责任追究情况。',
    '【待填写】工作考核结果。【待填写】社会评议情况。【待填写】责任追究情况。',
  );
  const r = check(text);
  const p = of(r, 'PLACEHOLDER-TEXT');
  assert.equal(p.length, 1);
  assert.equal(p[0]!.severity, 'error');
  assert.match(p[0]!.message, /3处.*【待填写】/);
  assert.ok(p[0]!.location!.line > 0);
  assert.equal(of(r, 'GOV-ACCOUNTABILITY-MISSING').length, 1, 'the placeholder is no statement');
});

test('the prescribed title passes; another form is a warning', () => {
  assert.equal(of(check(report()), 'TITLE-NONSTANDARD').length, 0);
  const r = check(
    report().replace(
      '红旗乡人民政府2025年政府信息公开工作年度报告',
      '红旗乡人民政府关于2025年度政府信息公开工作的报告',
    ),
  );
  assert.equal(of(r, 'TITLE-NONSTANDARD').length, 1);
});

test('half-width “(单位:万元)” is a warning', () => {
  assert.equal(of(check(report()), 'UNIT-HALFWIDTH').length, 0);
  const r = check(report().replace('（单位：万元）', '(单位:万元)'));
  assert.equal(of(r, 'UNIT-HALFWIDTH').length, 1);
});

test('考核、评议、追究 described as mechanisms without any result: a warning', () => {
  const r = check(
    report().replace(
      '将政务公开纳入年度工作考核，组织群众代表开展社会评议，全年未发生责任追究情况。',
      '建立健全工作考核、社会评议和责任追究制度，明确责任分工。',
    ),
  );
  assert.equal(of(r, 'GOV-ACCOUNTABILITY-NO-RESULT').length, 1);
  assert.equal(of(check(report()), 'GOV-ACCOUNTABILITY-NO-RESULT').length, 0, '“未发生责任追究” is a result');
});

test('the narrative against the tables: 均已办结 with 结转, 均获维持 with a case pending, 现行有效 count', () => {
  const cells = randomValidCells(4, 6);
  const text = report(cells).replace(
    '将政务公开纳入年度工作考核',
    '所有申请均已办结，行政复议案件均获维持，现行有效规范性文件999件。将政务公开纳入年度工作考核',
  );
  const r = check(text);
  const mismatch = of(r, 'TEXT-TABLE-MISMATCH').map((f) => f.message);
  if (cells['B.carried_forward.total']! > 0) assert.ok(mismatch.some((m) => /均已办结.*结转下年度/.test(m)));
  const pending =
    cells['C.review.pending']! +
    cells['C.litigation_direct.pending']! +
    cells['C.litigation_after_review.pending']!;
  if (pending > 0) assert.ok(mismatch.some((m) => /均获维持.*尚未审结/.test(m)));
  assert.ok(mismatch.some((m) => /现行有效规范性文件999件/.test(m)));
});

test('a township reporting 规章: A-REG', () => {
  const cells = { ...randomValidCells(4, 6), 'A.art20_1.regulations.in_force': 3 } as Cells;
  const r = check(report(cells));
  assert.equal(of(r, 'A-REG').length, 1);
});
