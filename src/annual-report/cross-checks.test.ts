import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCells } from './cross-checks.ts';
import {
  CELL_ADDRESSES,
  emptyCells,
  formatSpec,
  zeroCells,
  type CellAddress,
  type Cells,
} from './report-format.ts';

/** Cells of a spec test vector (tables B and C; table A all 0). */
function vectorCells(v: (typeof formatSpec.test_vectors)[number]): Cells {
  const cells = zeroCells();
  for (const [row, cols] of Object.entries(v.B)) {
    for (const [col, n] of Object.entries(cols)) cells[`B.${row}.${col}` as CellAddress] = n;
  }
  for (const [group, cols] of Object.entries(v.C)) {
    for (const [col, n] of Object.entries(cols)) cells[`C.${group}.${col}` as CellAddress] = n;
  }
  return cells;
}

test('the model has the 200 addresses of the spec (A 10, B 175, C 15)', () => {
  assert.equal(CELL_ADDRESSES.length, 200);
  assert.equal(CELL_ADDRESSES.filter((a) => a.startsWith('A.')).length, 10);
  assert.equal(CELL_ADDRESSES.filter((a) => a.startsWith('B.')).length, 175);
  assert.equal(CELL_ADDRESSES.filter((a) => a.startsWith('C.')).length, 15);
  assert.ok(CELL_ADDRESSES.includes('A.art20_1.normative_documents.in_force'));
  assert.ok(Object.values(emptyCells()).every((v) => v === null));
});

for (const vector of formatSpec.test_vectors) {
  test(`spec test vector ${vector.id}`, () => {
    const findings = checkCells(vectorCells(vector));
    for (const [rule, expectation] of Object.entries(vector.expect)) {
      const failures = findings.filter((f) => f.rule === rule);
      if (expectation === 'pass') {
        assert.deepEqual(failures, [], `${rule} should pass`);
        continue;
      }
      const [, where] = expectation.split(':') as [string, string];
      assert.equal(failures.length, 1, `${rule} should fail once`);
      const f = failures[0]!;
      assert.equal(f.severity, 'error');
      // The failing identity names the column (B-BAL, B-RES) or row (B-COL) of the expectation.
      assert.ok(
        f.cells.some((c) => c.endsWith(`.${where}`) || c.startsWith(`B.${where}.`)),
        `${rule} cells ${f.cells.join(',')} should involve ${where}`,
      );
      assert.ok(f.cells.includes('B.result.total.total'));
    }
    if (vector.id === 'township_valid') assert.deepEqual(findings, []);
  });
}

test('B-BAL message names the two sums and the column', () => {
  const cells = zeroCells();
  cells['B.new_received.natural_person'] = 68;
  cells['B.new_received.total'] = 68;
  cells['B.result.granted.natural_person'] = 67;
  cells['B.result.granted.total'] = 67;
  cells['B.result.total.natural_person'] = 67;
  cells['B.result.total.total'] = 67;
  const bal = checkCells(cells).filter((f) => f.rule === 'B-BAL');
  assert.equal(bal[0]!.message, '第一项加第二项之和（68）不等于第三项加第四项之和（67）：自然人列');
  assert.deepEqual(
    bal.map((f) => f.cells.at(-1)),
    ['B.carried_forward.natural_person', 'B.carried_forward.total'],
  );
});

test('a rule with a null input is not run and says so', () => {
  const cells = zeroCells();
  cells['B.carried_forward.total'] = null;
  const findings = checkCells(cells);
  assert.deepEqual(
    findings.map((f) => [f.rule, f.severity]),
    [
      ['CHECK-SKIPPED', 'info'],
      ['CHECK-SKIPPED', 'info'],
    ],
  );
  assert.match(findings[0]!.message, /^B-BAL（总计列）无法核对/);
});

test('type rules: negative, fractional counts are errors; the 万元 cell may be a decimal', () => {
  const cells = zeroCells();
  cells['A.art20_8.administrative_fees.amount_wan_yuan'] = 4068.208;
  cells['C.review.pending'] = -1;
  cells['C.review.total'] = -1;
  cells['A.art20_5.administrative_licensing.decisions'] = 1.5;
  const rules = checkCells(cells).map((f) => f.rule);
  assert.deepEqual(rules.sort(), ['A-INT', 'C-INT', 'C-INT']);
});

test('A-REG warns a township that reports 规章; a city may have them', () => {
  const cells = zeroCells();
  cells['A.art20_1.regulations.issued'] = 2;
  cells['A.art20_1.regulations.in_force'] = 2;
  const township = checkCells(cells, { bodyLevel: 'township' });
  assert.deepEqual(
    township.map((f) => [f.rule, f.severity, f.cells.length]),
    [['A-REG', 'warning', 2]],
  );
  assert.deepEqual(checkCells(cells, { bodyLevel: 'higher' }), []);
});

test('cross-year rules X-CARRY and X-INFORCE', () => {
  const previous = zeroCells();
  previous['B.carried_forward.natural_person'] = 2;
  previous['B.carried_forward.total'] = 2;
  previous['A.art20_1.normative_documents.in_force'] = 10;
  const cells = zeroCells();
  cells['B.carried_over.natural_person'] = 1;
  cells['B.carried_over.total'] = 1;
  cells['B.result.granted.natural_person'] = 1;
  cells['B.result.granted.total'] = 1;
  cells['B.result.total.natural_person'] = 1;
  cells['B.result.total.total'] = 1;
  cells['A.art20_1.normative_documents.issued'] = 3;
  cells['A.art20_1.normative_documents.repealed'] = 1;
  cells['A.art20_1.normative_documents.in_force'] = 11; // 10 + 3 − 1 = 12
  const findings = checkCells(cells, { previous });
  assert.deepEqual(
    findings.map((f) => f.rule),
    ['X-CARRY', 'X-CARRY', 'X-INFORCE'],
  );
  assert.ok(findings.every((f) => f.severity === 'warning'));
});

test('X-FEE compares table B with section 六', () => {
  const cells = zeroCells();
  cells['B.new_received.natural_person'] = 2;
  cells['B.new_received.total'] = 2;
  cells['B.result.other.fee_unpaid.natural_person'] = 2;
  cells['B.result.other.fee_unpaid.total'] = 2;
  cells['B.result.total.natural_person'] = 2;
  cells['B.result.total.total'] = 2;
  const fees = { fee_notices_issued: 1, fee_amount_billed_yuan: 100, fee_amount_collected_yuan: 200 };
  const findings = checkCells(cells, { fees });
  assert.deepEqual(
    findings.map((f) => f.rule),
    ['X-FEE', 'X-FEE'],
  );
  assert.deepEqual(
    checkCells(cells, { fees: { ...fees, fee_notices_issued: 2, fee_amount_collected_yuan: 100 } }),
    [],
  );
});
