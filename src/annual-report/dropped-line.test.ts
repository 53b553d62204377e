// Table test: a table-三 text with one line dropped (a copy that lost a line). A row of one-cell lines that lost a
// cell cannot say which: its cells are placed only when the table's identities leave one way, else null with a
// finding; a row whose label fits two slots equally is not read. Never a shifted (invented) value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReport } from './parse-report.ts';
import { checkReport, type CheckResult } from './check-report.ts';
import { CELL_ADDRESSES, type CellAddress, type Cells } from './report-format.ts';
import { randomValidCells, reportBlocks, renderText, type TextLayout } from './testing/synthetic.ts';

const check = (text: string): CheckResult =>
  checkReport(parseReport({ name: 'report.txt', bytes: new TextEncoder().encode(text) }));

/** The report in `layout` with one non-empty line of table 三 dropped, chosen by the seed (the damaged variant). */
function droppedLine(cells: Cells, layout: TextLayout, seed: number): { text: string; line: string } {
  const lines = renderText(reportBlocks(cells), layout).split('\n');
  const from = lines.findIndex((l) => l.includes('三、收到和处理政府信息公开申请情况'));
  const to = lines.findIndex((l) => l.includes('四、政府信息公开行政复议'));
  const inside = lines.map((_, i) => i).filter((i) => i > from && i < to && lines[i]!.trim() !== '');
  const at = inside[(seed * 7919) % inside.length]!;
  return { text: [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n'), line: lines[at]! };
}

/** Cells explained by a finding (incomplete table, ambiguous placement). */
const explained = (r: CheckResult) =>
  new Set(
    r.findings
      .filter((f) => ['CELL-SPLIT-AMBIGUOUS', 'TABLE-INCOMPLETE', 'TABLE-MISSING'].includes(f.rule))
      .flatMap((f) => f.cells),
  );

/** Every cell right, or null with a finding that names it. */
function rightOrExplained(r: CheckResult, cells: Cells, where: string): void {
  const why = explained(r);
  for (const a of CELL_ADDRESSES) {
    const got = r.cells[a];
    if (got === null) assert.ok(why.has(a) || cells[a] === null, `${where}: ${a} is null without a finding`);
    else assert.equal(got, cells[a], `${where}: ${a}`);
  }
}

test('cell-pipe-line, seed 7, every line of table 三 dropped in turn: no cell shifted into its neighbour', () => {
  // Dropping “3 |” of 四、结转下年度继续办理 used to read the commercial-enterprise 3 as other_org.
  const cells = randomValidCells(7, 8);
  const lines = renderText(reportBlocks(cells), 'cell-pipe-line').split('\n');
  const from = lines.findIndex((l) => l.includes('三、收到和处理政府信息公开申请情况'));
  const to = lines.findIndex((l) => l.includes('四、政府信息公开行政复议'));
  for (let at = from + 1; at < to; at++) {
    if (lines[at]!.trim() === '') continue;
    const r = check([...lines.slice(0, at), ...lines.slice(at + 1)].join('\n'));
    rightOrExplained(r, cells, `line ${at - from} “${lines[at]}”`);
  }
});

test('hand-made: 四、结转下年度继续办理 one cell a line, its second value line missing', () => {
  // Truth: 0 3 0 0 0 0 3 (the commercial enterprise's 3 carried forward). The text lost the line “3 |”.
  const cells = randomValidCells(7, 8);
  assert.deepEqual(
    ['natural_person', 'commercial_enterprise', 'other_org', 'total'].map(
      (c) => cells[`B.carried_forward.${c}` as CellAddress],
    ),
    [0, 3, 0, 3],
  );
  const text = renderText(reportBlocks(cells), 'cell-pipe-line');
  const row = '四、结转下年度继续办理 |||\n0 |\n3 |\n0 |\n0 |\n0 |\n0 |\n3 |';
  assert.ok(text.includes(row), 'the row as rendered');
  const r = check(text.replace(row, '四、结转下年度继续办理 |||\n0 |\n0 |\n0 |\n0 |\n0 |\n3 |'));
  const addresses = CELL_ADDRESSES.filter((a) => a.startsWith('B.carried_forward.'));
  // The other rows are complete: 一 + 二 = 三 + 四 per column leaves one way, the right one; else null, explained.
  const why = explained(r);
  for (const a of addresses) {
    if (r.cells[a] === null) assert.ok(why.has(a), a);
    else assert.equal(r.cells[a], cells[a], a);
  }
  assert.equal(r.cells['B.carried_forward.other_org'], 0);
  assert.equal(r.cells['B.carried_forward.commercial_enterprise'], 3);
  assert.equal(r.confidence?.['B.carried_forward.commercial_enterprise'], 'identities');
  assert.ok(r.findings.some((f) => f.rule === 'CELL-RECOVERED' && f.cells.includes(addresses[0]!)));
  // With 一 gone as well, nothing ties the row down: every cell of 四 stays null, with a finding.
  const r2 = check(
    text
      .replace(row, '四、结转下年度继续办理 |||\n0 |\n0 |\n0 |\n0 |\n0 |\n3 |')
      .replace(/一、本年新收政府信息公开申请数量 \|\|\|\n(?:\d+ \|\n){7}/, ''),
  );
  for (const a of addresses) {
    assert.equal(r2.cells[a], null, a);
    assert.ok(explained(r2).has(a), a);
  }
});

test('hand-made: two rows ending in “信息公开申请”, the values of the first lost: the others are not shifted up', () => {
  const cells = randomValidCells(1, 8);
  const lines = renderText(reportBlocks(cells), 'space').split('\n');
  const at = lines.findIndex((l, i) => l.startsWith('信息公开申请') && lines[i - 1]!.includes('逾期不补正'));
  assert.ok(at > 0);
  const r = check([...lines.slice(0, at), ...lines.slice(at + 1)].join('\n'));
  rightOrExplained(r, cells, 'space');
  assert.equal(r.cells['B.result.other.no_correction.total'], null);
  assert.equal(r.cells['B.result.other.fee_unpaid.total'], null);
});

const LAYOUTS: TextLayout[] = [
  'tab',
  'markdown',
  'space',
  'cell-per-line',
  'pipe',
  'pipe-no-lead',
  'cell-pipe-line',
  'alternating-pipe',
  'paragraph',
  'glued',
  'nonempty-only',
  'vertical-headers',
  'extra-headers',
  'repeated-header',
];

test('property: one line of table 三 dropped, seeds 0…200, every layout: each cell right or null, never wrong', () => {
  let nulls = 0;
  let cases = 0;
  for (const layout of LAYOUTS)
    for (let seed = 0; seed <= 200; seed++) {
      const cells = randomValidCells(seed, 8);
      const { text, line } = droppedLine(cells, layout, seed);
      const r = check(text);
      cases++;
      for (const a of CELL_ADDRESSES) {
        const got = r.cells[a];
        if (got === null) nulls++;
        else assert.equal(got, cells[a], `${layout} seed ${seed} without “${line}”: ${a}`);
      }
    }
  // Most of the table is still read: a dropped line costs a row at most, not the table.
  assert.ok(nulls < cases * 40, `${nulls} null cells in ${cases} reports`);
});
