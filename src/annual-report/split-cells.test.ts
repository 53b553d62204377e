// Property tests of the glued-digit splitter: generate a valid table, glue its rows, split them back. The split is
// the original wherever the identities leave one way, and reported as ambiguous otherwise — never a wrong guess.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { B_COLUMNS, B_ROWS, type BRowId } from './report-format.ts';
import {
  digitSplits,
  gluedRowCandidates,
  placementCandidates,
  rowAddsUp,
  solveRows,
  type BRowKnowledge,
} from './split-cells.ts';
import { randomValidCells } from './testing/synthetic.ts';

const rowOf = (cells: ReturnType<typeof randomValidCells>, r: BRowId) =>
  B_COLUMNS.map((c) => cells[`B.${r}.${c}`]!);

test('digitSplits: every split re-glues to the run, without leading zeros', () => {
  fc.assert(
    fc.property(fc.array(fc.nat({ max: 300 }), { minLength: 1, maxLength: 5 }), (parts) => {
      const run = parts.join('');
      const splits = digitSplits(run, parts.length);
      assert.ok(
        splits.some((s) => s.join(',') === parts.join(',')),
        'the original is among the splits',
      );
      for (const s of splits) {
        assert.equal(s.join(''), run);
        assert.equal(s.length, parts.length);
      }
    }),
  );
});

test('a glued row: the original row is always a candidate, and every candidate adds up', () => {
  fc.assert(
    fc.property(fc.array(fc.nat({ max: 60 }), { minLength: 6, maxLength: 6 }), (applicants) => {
      const row = [...applicants, applicants.reduce((a, b) => a + b, 0)];
      const candidates = gluedRowCandidates(row.join(''));
      assert.ok(candidates.some((c) => c.join(',') === row.join(',')));
      assert.ok(candidates.every(rowAddsUp));
    }),
  );
});

test('a glued table: split back to the original where unique, ambiguity reported, never a wrong row', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.integer({ min: 1, max: 40 }),
      fc.subarray([...B_ROWS], { minLength: 1, maxLength: 6 }),
      (seed, scale, glued) => {
        const cells = randomValidCells(seed, scale);
        const known: Partial<Record<BRowId, BRowKnowledge>> = {};
        for (const r of B_ROWS) {
          known[r] = glued.includes(r)
            ? { candidates: gluedRowCandidates(rowOf(cells, r).join('')) }
            : { values: rowOf(cells, r) };
        }
        const solved = solveRows(known);
        assert.notEqual(solved.kind, 'none', 'the original always satisfies the identities');
        if (solved.kind === 'unique') {
          for (const r of glued) assert.deepEqual(solved.rows[r], rowOf(cells, r), r);
        } else {
          assert.deepEqual([...solved.rows].sort(), [...glued].sort());
        }
      },
    ),
    { numRuns: 150 },
  );
});

test('only the non-empty cells kept: placed back where unique, else ambiguous', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(...B_ROWS), (seed, r) => {
      const cells = randomValidCells(seed, 6);
      const row = rowOf(cells, r);
      fc.pre(row.some((v) => v !== 0)); // a row of zeros alone keeps no cell at all
      const known: Partial<Record<BRowId, BRowKnowledge>> = {};
      for (const x of B_ROWS) known[x] = { values: rowOf(cells, x) };
      known[r] = { candidates: placementCandidates(row.filter((v) => v !== 0)) };
      const solved = solveRows(known);
      if (solved.kind === 'unique') assert.deepEqual(solved.rows[r], row);
      else assert.equal(solved.kind, 'ambiguous');
    }),
    { numRuns: 150 },
  );
});

test('a row with only its 总计 given as 0 is all zeros; a lone 0 cannot be anything else', () => {
  assert.deepEqual(placementCandidates([0]), [[0, 0, 0, 0, 0, 0, 0]]);
  assert.equal(solveRows({ new_received: { candidates: placementCandidates([0]) } }).kind, 'unique');
});

test('two splits that both satisfy every identity: ambiguous, never a choice', () => {
  const candidates = gluedRowCandidates('110000011'); // 1,10,0,0,0,0,11 or 11,0,0,0,0,0,11;
  assert.ok(candidates.length > 1);
  assert.equal(solveRows({ new_received: { candidates } }).kind, 'ambiguous');
});
