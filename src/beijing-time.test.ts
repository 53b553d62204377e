import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beijingClock, beijingDate, beijingDateTime, beijingDateTimeSeconds } from './beijing-time.ts';

// Worked examples: UTC instants as stored, and what a person in Beijing reads.
const cases: [string, string, string][] = [
  ['2026-11-30T06:56:00.000Z', '2026-11-30 14:56', '2026-11-30'], // the request log showed 06:56
  ['2026-11-30T16:30:00.000Z', '2026-12-01 00:30', '2026-12-01'], // after midnight Beijing: next day
  ['2026-12-31T15:59:59.999Z', '2026-12-31 23:59', '2026-12-31'], // last instant of the year
  ['2026-12-31T16:00:00.000Z', '2027-01-01 00:00', '2027-01-01'], // new year in Beijing, still 2026 in UTC
  ['2026-06-15T10:00:00+08:00', '2026-06-15 10:00', '2026-06-15'], // offset given explicitly
];

test('instants are shown in Beijing time whatever the process TZ', () => {
  const prev = process.env.TZ;
  for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai']) {
    process.env.TZ = tz;
    for (const [iso, dt, date] of cases) {
      assert.equal(beijingDateTime(iso), dt, `${iso} under ${tz}`);
      assert.equal(beijingDate(iso), date, `${iso} under ${tz}`);
      assert.equal(beijingDateTime(new Date(iso)), dt);
    }
  }
  process.env.TZ = prev;
});

test('seconds and clock time', () => {
  assert.equal(beijingDateTimeSeconds('2026-11-30T06:56:07.000Z'), '2026-11-30 14:56:07');
  assert.equal(beijingClock('2026-11-30T23:05:09.000Z'), '07:05:09');
});

test('missing or bad values give an empty string, never "Invalid Date"', () => {
  for (const v of [null, undefined, '', 'not a time']) {
    assert.equal(beijingDateTime(v), '');
    assert.equal(beijingDate(v), '');
    assert.equal(beijingDateTimeSeconds(v), '');
  }
});
