import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignTemplate, type AlignToken } from './template-align.ts';
import { parseReport } from './parse-report.ts';
import { checkReport } from './check-report.ts';
import { randomValidCells, reportBlocks, renderText } from './testing/synthetic.ts';

const labelled = (slot: number, sim = 1, slots = 5): AlignToken => ({
  sims: Array.from({ length: slots }, (_, j) => (j === slot ? sim : 0)),
  labelled: true,
  width: 7,
});
const bare = (width = 7): AlignToken => ({ sims: [], labelled: false, width });

test('aligner: labelled tokens take their slots, an unlabelled one fills the gap between them', () => {
  const out = alignTemplate([labelled(0), bare(), labelled(2), labelled(4, 0.6)], 5, { labelMatch: 0.45 });
  assert.deepEqual(
    out.map((p) => p && [p.slot, p.how]),
    [
      [0, 'exact'],
      [1, 'order'],
      [2, 'exact'],
      [4, 'label'],
    ],
  );
});

test('aligner: order is kept (most rows in order win); of a repeated label the first is read', () => {
  const out = alignTemplate([labelled(1), labelled(3), labelled(2), labelled(3)], 5, { labelMatch: 0.45 });
  assert.deepEqual(
    out.map((p) => p?.slot ?? null),
    [1, null, 2, 3],
  );
  const twice = alignTemplate([labelled(1), labelled(1), labelled(2)], 5, { labelMatch: 0.45 });
  assert.deepEqual(
    twice.map((p) => p?.slot ?? null),
    [1, null, 2],
  );
});

test('aligner: a token whose label names no slot is never placed; an unlabelled one that does not fit neither', () => {
  const out = alignTemplate([labelled(0, 0.2), bare(3)], 3, {
    labelMatch: 0.45,
    fits: (i) => i !== 1,
  });
  assert.deepEqual(out, [null, null]);
});

test('aligner: an unlabelled row of 15 values spans table 四’s three groups of 5', () => {
  const out = alignTemplate([bare(15)], 3, { labelMatch: 0.5, widths: [5, 5, 5], fits: () => false });
  assert.deepEqual(out, [{ slot: 0, span: 3, how: 'order' }]);
  const partial = alignTemplate([labelled(0, 1, 3), bare(10)], 3, {
    labelMatch: 0.5,
    widths: [5, 5, 5],
    fits: () => false,
  });
  assert.deepEqual(
    partial.map((p) => p && [p.slot, p.span]),
    [
      [0, 1],
      [1, 2],
    ],
  );
});

const result = (text: string) =>
  checkReport(parseReport({ name: 'x.txt', bytes: new TextEncoder().encode(text) }));

test('confidence: exact readings are not listed; glued runs are “split”, lost positions “identities”', () => {
  const cells = randomValidCells(2, 8);
  assert.equal(result(renderText(reportBlocks(cells), 'pipe')).confidence, undefined);
  const glued = result(renderText(reportBlocks(cells), 'glued'));
  const split = Object.entries(glued.confidence ?? {}).filter(([, how]) => how === 'split');
  assert.ok(split.length > 0);
  for (const [a] of split) assert.notEqual(glued.cells[a as keyof typeof glued.cells], null);
  // A row of zeros printed as its 总计 alone: the identities settle the other six cells.
  const pipe = renderText(reportBlocks(cells), 'pipe');
  const zeros = /^(\|(?:[^|\n]*\|)*? )(\d\.[^|]+) \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|$/m.exec(pipe);
  assert.ok(zeros, 'the generated table has a row of zeros');
  const placed = result(pipe.replace(zeros[0], `${zeros[1]}${zeros[2]} | 0 |`));
  const settled = Object.entries(placed.confidence ?? {}).filter(([, how]) => how === 'identities');
  assert.equal(settled.length, 7);
  for (const [a] of settled) assert.equal(placed.cells[a as keyof typeof placed.cells], 0);
});

test('confidence: a table-三 row with its label left blank is placed by order, a nonstandard label is “label”', () => {
  const cells = randomValidCells(4, 8);
  const text = renderText(reportBlocks(cells), 'pipe')
    .replace('| （一）予以公开 |', '|  |')
    .replace('| 行政规范性文件 |', '| 规范性文件 |');
  const r = result(text);
  assert.equal(r.confidence?.['B.result.granted.natural_person'], 'order');
  assert.equal(r.cells['B.result.granted.total'], cells['B.result.granted.total']);
  assert.equal(r.confidence?.['A.art20_1.normative_documents.issued'], 'label');
  assert.equal(r.confidence?.['B.new_received.total'], undefined);
});
