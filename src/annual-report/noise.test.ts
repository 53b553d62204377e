// Scripts and noise: machine-converted Traditional text with leaked readings, site chrome before the title, the title
// repeated, publication dates, the title's form, and the table-三 row “四、结转下年度继续办理” that looks like a heading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseReport } from './parse-report.ts';
import { checkReport, type CheckResult } from './check-report.ts';
import { toSimplified, toTraditional } from './normalize.ts';
import { CELL_ADDRESSES, DECIMAL_CELL } from './report-format.ts';
import { randomValidCells, reportBlocks, renderText } from './testing/synthetic.ts';

const dir = new URL('../../test/fixtures/reports/real/', import.meta.url);
const real = (name: string) => checkReport(parseReport({ name, bytes: readFileSync(new URL(name, dir)) }));
const text = (name: string, s: string) =>
  checkReport(parseReport({ name, bytes: new TextEncoder().encode(s) }));
const rules = (r: CheckResult) => r.findings.map((f) => f.rule);

test('a mirror site’s Traditional text with readings in parentheses reads as the Simplified report', () => {
  assert.equal(
    toSimplified('根據(jù)《條例》,所列數(shù)據(jù)統計(jì)期限'),
    '根据《条例》,所列数据统计期限',
  );
  const r = real('27-zgwqmt-anji-2023-traditional-leaked-readings.txt');
  assert.equal(r.agency, '大竹县安吉乡人民政府');
  assert.equal(r.year, 2023);
  assert.ok(r.sections.find((s) => s.id === 'overview')!.found);
});

test('a whole report machine-converted to Traditional, with leaked readings, reads back every cell', () => {
  const cells = randomValidCells(5, 8);
  const simplified = renderText(reportBlocks(cells), 'pipe');
  const mirrored = toTraditional(simplified)
    .replace(/據/g, '據(jù)')
    .replace(/數/g, '數(shù)')
    .replace(/號/g, '號(hào)');
  const r = text('mirror.txt', mirrored);
  for (const a of CELL_ADDRESSES) assert.equal(r.cells[a], cells[a], a);
  assert.equal(r.agency, '红旗乡人民政府');
  assert.ok(r.sections.every((s) => s.found));
});

test('site chrome, a repeated title and the publication date do not hide the title or the agency', () => {
  const a = real('02-ningdu-duifang-2023-paragraphs.txt');
  assert.equal(a.agency, '对坊乡');
  assert.ok(!rules(a).includes('TITLE-NONSTANDARD'));
  const b = real('13-haicheng-xiliu-2023-pipe-site-spam.txt');
  assert.equal(b.agency, '西柳镇人民政府');
  const c = real('28-kaihua-zhongcun-2023-index-chrome.txt');
  assert.equal(c.agency, '开化县中村乡人民政府');
  const d = real('20-hengdong-yanglin-2023-trial-in-2023.txt');
  assert.equal(d.agency, '衡阳市衡东县杨林镇');
});

test('the title not in the prescribed form is a warning; the agency is taken from its own line', () => {
  const r = real('12-yanbian-xinjiu-2021-paragraphs.txt');
  assert.equal(r.agency, '盐边县新九镇人民政府');
  const t = r.findings.find((f) => f.rule === 'TITLE-NONSTANDARD');
  assert.ok(t);
  assert.match(t.message, /关于2021年度政府信息公开工作的年度报告.*2021年政府信息公开工作年度报告/);
});

test('a text cut short is incomplete and does not lack the sections after the cut', () => {
  const r = real('04-xixian-taiping-2022-paragraphs.txt');
  assert.equal(r.complete, false);
  assert.ok(!rules(r).includes('SECTION-MISSING'));
});

test('“四、结转下年度继续办理” is a row of table 三, not a section heading', () => {
  const r = real('18-xiongxian-township-2019-trial-labels-only.txt');
  assert.ok(!rules(r).some((x) => x.startsWith('SECTION-NUMBER')));
  assert.ok(r.sections.find((s) => s.id === 'review_litigation')!.found);
});

test('a money unit in a cell: “251000元” in the 万元 cell reads as 25.1 万元 with a warning; 万元 and decimals as written', () => {
  const cells = { ...randomValidCells(11, 6), [DECIMAL_CELL]: 25.1 };
  const base = renderText(reportBlocks(cells), 'pipe');
  const swap = (to: string) =>
    base
      .split('\n')
      .map((l) => (l.includes('行政事业性收费') ? l.replace(/\b25\.1\b/, to) : l))
      .join('\n');
  const yuan = text('yuan.txt', swap('251000元'));
  assert.equal(yuan.cells[DECIMAL_CELL], 25.1);
  const f = yuan.findings.find((x) => x.rule === 'CELL-UNIT-CONVERTED');
  assert.ok(f, rules(yuan).join());
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /251000元.*按25\.1万元计/);
  const wan = text('wan.txt', swap('25.1万元'));
  assert.equal(wan.cells[DECIMAL_CELL], 25.1);
  assert.ok(!rules(wan).includes('CELL-UNIT-CONVERTED'));
  const dec = text('dec.txt', swap('18.8710'));
  assert.equal(dec.cells[DECIMAL_CELL], 18.871);
  for (const a of CELL_ADDRESSES) if (a !== DECIMAL_CELL) assert.equal(yuan.cells[a], cells[a], a);
});
