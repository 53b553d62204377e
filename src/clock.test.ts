import { test } from 'node:test';
import assert from 'node:assert/strict';
import { businessDate } from './clock.ts';

// businessDate keeps the last second's answer: the instants around Beijing's midnight, in and out of order, each
// get their own date, as Intl gives it.
test('the business date of each instant, whatever was asked before', () => {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
  const instants = [
    '2026-11-30T15:59:59.000Z',
    '2026-11-30T15:59:59.999Z',
    '2026-11-30T16:00:00.000Z',
    '2026-11-30T15:59:59.500Z',
    '2026-11-30T16:00:00.001Z',
    '1900-12-31T15:54:16.000Z',
    '1900-12-31T15:54:17.000Z',
    '1969-12-31T23:59:59.999Z',
    '1970-01-01T00:00:00.000Z',
  ];
  for (const iso of [...instants, ...instants.reverse()]) {
    const d = new Date(iso);
    assert.equal(businessDate(d), fmt.format(d), iso);
  }
  assert.equal(businessDate(new Date('2026-11-30T16:00:00Z')), '2026-12-01');
  assert.throws(() => businessDate(new Date('nope')), RangeError);
});
