import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bodyLevelOfKind,
  deadlineFor,
  defaultDeadline,
  fingerprintOf,
  isMonthDay,
  overviewStatus,
  readiness,
} from './report.ts';
import type { Finding } from '../finding.ts';

test('deadlines: 1月31日 for townships and departments, 3月31日 for county governments (条例第四十九条)', () => {
  assert.equal(deadlineFor(2026, defaultDeadline('township')), '2027-01-31');
  assert.equal(deadlineFor(2026, defaultDeadline('department')), '2027-01-31');
  assert.equal(deadlineFor(2026, defaultDeadline('county')), '2027-03-31');
  for (const [s, ok] of [
    ['01-31', true],
    ['02-28', true],
    ['02-29', false],
    ['13-01', false],
    ['1-31', false],
    ['04-31', false],
  ] as const) {
    assert.equal(isMonthDay(s), ok, s);
  }
});

test('overview status against the deadline', () => {
  const cases: [Parameters<typeof overviewStatus>[0], string, string][] = [
    [null, '2027-01-20', 'not_started'],
    [null, '2027-02-01', 'overdue'],
    ['draft', '2027-01-31', 'draft'],
    ['draft', '2027-02-01', 'overdue'],
    ['finalised', '2027-02-01', 'overdue'],
    ['finalised', '2027-01-30', 'finalised'],
    ['published', '2027-06-01', 'published'],
  ];
  for (const [status, today, expected] of cases)
    assert.equal(overviewStatus(status, '2027-01-31', today), expected, `${status} ${today}`);
});

test('readiness: errors block; warnings block until acknowledged; info never blocks', () => {
  const f = (rule: string, severity: Finding['severity']): Finding => ({
    rule,
    severity,
    message: rule,
    cells: [],
  });
  const findings = [f('B-BAL', 'error'), f('X-CARRY', 'warning'), f('CHECK-SKIPPED', 'info')];
  assert.equal(readiness(findings, []).ready, false);
  assert.equal(readiness(findings.slice(1), []).unacknowledged.length, 1);
  assert.equal(readiness(findings.slice(1), [{ fingerprint: fingerprintOf(findings[1]!) }]).ready, true);
  assert.equal(readiness([f('CHECK-SKIPPED', 'info')], []).ready, true);
});

test('body level for A-REG from the agency kind', () => {
  assert.equal(bodyLevelOfKind('township'), 'township');
  assert.equal(bodyLevelOfKind('county'), 'county_government');
  assert.equal(bodyLevelOfKind('department'), 'county_department');
  assert.equal(bodyLevelOfKind('city'), 'higher');
});
