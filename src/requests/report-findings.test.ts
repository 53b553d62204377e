import { test } from 'node:test';
import assert from 'node:assert/strict';
import { A_CELL_ADDRESSES, B_CELL_ADDRESSES, C_CELL_ADDRESSES } from '../annual-report/index.ts';
import { requestReportFindings, zeroTableA } from './report-findings.ts';
import type { TableB, TableC } from './report-tables.ts';

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

test('table A stands in as zeros: every table-A cell, and nothing of tables B and C', () => {
  const a = zeroTableA();
  assert.deepEqual(Object.keys(a).sort(), [...A_CELL_ADDRESSES].sort());
  assert.ok(Object.values(a).every((v) => v === 0));
});

test('a quiet year of tables B and C passes the cross-checks; an inconsistent one does not', () => {
  const b = zeros(B_CELL_ADDRESSES) as TableB;
  const c = zeros(C_CELL_ADDRESSES) as TableC;
  assert.deepEqual(
    requestReportFindings(b, c).filter((f) => f.severity === 'error'),
    [],
  );
  const first = B_CELL_ADDRESSES[0]!;
  const errors = requestReportFindings({ ...b, [first]: 5 }, c).filter((f) => f.severity === 'error');
  assert.ok(errors.length > 0, `an unbalanced ${first} is reported`);
  assert.ok(errors.every((f) => !/^A\./.test(f.message)));
});
