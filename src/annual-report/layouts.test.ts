// Table test: every text layout real reports come in, generated from random valid tables, then damaged (truncated).
// A cell is read right or left null with a finding that says why; a value is never invented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReport } from './parse-report.ts';
import { checkReport, type CheckResult } from './check-report.ts';
import { CELL_ADDRESSES, type CellAddress, type Cells } from './report-format.ts';
import { randomValidCells, reportBlocks, renderText, type TextLayout } from './testing/synthetic.ts';

const check = (name: string, text: string): CheckResult =>
  checkReport(parseReport({ name, bytes: new TextEncoder().encode(text) }));

/** Cells explained by a finding (ambiguous split, incomplete table, lost position). */
const explained = (r: CheckResult) =>
  new Set(
    r.findings
      .filter((f) => ['CELL-SPLIT-AMBIGUOUS', 'TABLE-INCOMPLETE', 'TABLE-MISSING'].includes(f.rule))
      .flatMap((f) => f.cells),
  );

function compare(r: CheckResult, cells: Cells, exact: boolean, where: string): number {
  let read = 0;
  const why = explained(r);
  for (const a of CELL_ADDRESSES) {
    const got = r.cells[a];
    if (got === null && !exact) continue;
    if (got === null) assert.ok(why.has(a), `${where}: ${a} is null without a finding`);
    else {
      assert.equal(got, cells[a], `${where}: ${a}`);
      read++;
    }
  }
  return read;
}

const LAYOUTS: { layout: TextLayout; exact: boolean; note: string; min?: number }[] = [
  { layout: 'pipe', exact: true, note: 'one row per line, leading and trailing |, || for merged cells' },
  { layout: 'pipe-no-lead', exact: true, note: 'one row per line, trailing | only' },
  { layout: 'markdown', exact: true, note: 'markdown table from a converter' },
  { layout: 'tab', exact: true, note: 'tab-separated, 商业/企业 split over two lines' },
  { layout: 'space', exact: true, note: 'space-separated values (PDF extraction), half-width punctuation' },
  { layout: 'cell-per-line', exact: true, note: 'one cell per line, no separators' },
  { layout: 'cell-pipe-line', exact: true, note: 'one cell per line ending in “ |”, merged cells as “||”' },
  { layout: 'alternating-pipe', exact: true, note: 'value and | on alternating lines' },
  { layout: 'paragraph', exact: true, note: 'one cell per paragraph with blank lines' },
  {
    layout: 'glued',
    exact: false,
    min: 0.5,
    note: 'cells glued into one run of digits per row (tables 二 and 三)',
  },
  {
    layout: 'vertical-headers',
    exact: true,
    note: 'PDF extraction: narrow column headers one character a line, values space-separated',
  },
  {
    layout: 'extra-headers',
    exact: true,
    note: 'extra header rows: “本年(2025)制发件数”, a “(历史累计)” row, a “(单位:件)” row',
  },
  {
    layout: 'repeated-header',
    exact: true,
    note: 'a page footer and the header rows repeated in the middle of table 三',
  },
  {
    layout: 'nonempty-only',
    exact: false,
    min: 0.1,
    note: 'zero cells of table 三 blank and dropped: positions lost (most rows stay null: several placements fit)',
  },
];

for (const { layout, exact, note, min = 0 } of LAYOUTS) {
  test(`layout ${layout} (${note}): every cell right or explained, truncation marks the report incomplete`, () => {
    let read = 0;
    let total = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const cells = randomValidCells(seed, 8);
      const text = renderText(reportBlocks(cells), layout);
      const r = check(`${layout}.txt`, text);
      assert.equal(r.format, '2021', `${layout} seed ${seed}`);
      assert.equal(r.complete, true, `${layout} seed ${seed}`);
      read += compare(r, cells, exact, `${layout} seed ${seed}`);
      total += 200;
      // The table row “四、结转下年度继续办理” (and “三、本年度办理结果”) is no section heading: no SECTION-* finding.
      assert.deepEqual(
        r.findings.filter((f) => f.rule.startsWith('SECTION-')).map((f) => f.message),
        [],
        `${layout} seed ${seed}`,
      );
      assert.ok(
        r.sections.every((s) => s.found),
        `${layout} seed ${seed}: all six sections`,
      );
      // Damaged: page furniture (“— 3 —”, “第 3 页 共 7 页”) between two lines inside the tables.
      const lines = text.split('\n');
      const inTable = lines.findIndex((l) => l.includes('三、收到和处理政府信息公开申请情况'));
      const at = inTable + 1 + ((seed * 7) % 40);
      const noisy = [...lines.slice(0, at), '— 3 —', '第 3 页 共 7 页', ...lines.slice(at)].join('\n');
      compare(check(`${layout}-footer.txt`, noisy), cells, exact, `${layout} seed ${seed} footer at ${at}`);
      // Damaged: the text cut at a random place inside the tables.
      const from = text.indexOf('二、主动公开政府信息情况');
      const to = text.indexOf('五、存在的主要问题');
      const cut = from + Math.floor(((to - from) * seed) / 7);
      const t = check(`${layout}-cut.txt`, text.slice(0, cut));
      assert.equal(t.complete, false, `${layout} seed ${seed} cut at ${cut}`);
      compare(t, cells, false, `${layout} seed ${seed} cut`);
    }
    if (exact) assert.equal(read, total);
    else assert.ok(read >= total * min, `${layout}: ${read}/${total} cells read`);
  });
}

test('glued digits: a run that only one split satisfies is split, and the finding says so', () => {
  const cells = randomValidCells(2, 8);
  const r = check('glued.txt', renderText(reportBlocks(cells), 'glued'));
  const recovered = r.findings.filter((f) => f.rule === 'CELL-RECOVERED').flatMap((f) => f.cells);
  assert.ok(recovered.length > 0);
  for (const a of recovered) assert.equal(r.cells[a as CellAddress], cells[a as CellAddress]);
});
