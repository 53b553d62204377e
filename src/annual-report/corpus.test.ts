// The corpus of 30 real published reports (test/fixtures/reports/real), read by hand: the checker must read at least
// 99% of the cells a person reads in them, invent none, and mark every truncated one incomplete.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus, scoreEntry } from './testing/corpus.ts';

const corpus = loadCorpus();

test('the corpus: at least 30 real reports in at least 8 layouts, each with its source', () => {
  assert.ok(corpus.length >= 30);
  const layouts = new Set(corpus.flatMap((e) => e.layouts));
  assert.ok(layouts.size >= 8, [...layouts].join(', '));
  for (const e of corpus) assert.match(e.source, /^https?:\/\//, e.name);
});

test('the corpus: ≥ 99% of the readable cells read right, none invented, every truncated report incomplete', () => {
  let readable = 0;
  let right = 0;
  for (const e of corpus) {
    const s = scoreEntry(e);
    readable += s.readable;
    right += s.right;
    assert.deepEqual(s.invented, [], `${e.name}: cells the text does not hold`);
    assert.equal(s.result.complete, e.complete, `${e.name}: complete`);
    assert.equal(s.result.year, e.year, `${e.name}: year`);
    if (e.format) assert.equal(s.result.format, e.format, `${e.name}: format`);
  }
  assert.ok(readable > 300);
  assert.ok(right / readable >= 0.99, `${right}/${readable}`);
});
