import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dateInput, isValidDateInput, optionalDateInput, parseDateInput } from './date-input.ts';

test('no rollover: days that do not exist are refused', () => {
  for (const s of [
    '2026-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2025-02-29',
  ])
    assert.equal(isValidDateInput(s), false, s);
  for (const s of ['2024-02-29', '2026-02-28', '2026-12-31', '2000-02-29'])
    assert.equal(isValidDateInput(s), true, s);
  assert.equal(isValidDateInput('1900-02-29'), false); // not a leap year
});

test('absurd years and other shapes are refused', () => {
  for (const s of [
    '0001-01-01',
    '1899-12-31',
    '2101-01-01',
    '99999-01-01',
    '2026-1-1',
    '2026-01-01T00:00',
    ' ',
    'NaN',
  ])
    assert.equal(isValidDateInput(s), false, s);
});

test('typed forms are read to the canonical date, strictly', () => {
  assert.equal(parseDateInput('2026/3/2'), '2026-03-02');
  assert.equal(parseDateInput('2026.03.02'), '2026-03-02');
  assert.equal(parseDateInput('2026年3月2日'), '2026-03-02');
  assert.equal(parseDateInput('２０２６－０３－０２'.replace(/－/g, '-')), '2026-03-02');
  assert.equal(parseDateInput('2026年2月30日'), null);
  assert.equal(parseDateInput('2026/2/30'), null);
  assert.equal(parseDateInput('3/2/2026'), null);
});

test('the zod schemas give Chinese messages and keep the value', () => {
  const s = dateInput('送达日期');
  assert.equal(s.parse(' 2026-03-02 '), '2026-03-02');
  const bad = s.safeParse('2026-02-30');
  assert.equal(bad.success, false);
  assert.match(bad.error!.issues[0]!.message, /^送达日期不是有效日期/);
  assert.match(s.safeParse('').error!.issues[0]!.message, /请填写送达日期/);
  const o = optionalDateInput('日期');
  assert.equal(o.parse(''), undefined);
  assert.equal(o.safeParse('2026-02-30').success, false);
});

test('property: a date is accepted exactly when it is a real day (against an independent day count)', () => {
  const daysIn = (y: number, m: number) =>
    [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
      m - 1
    ]!;
  fc.assert(
    fc.property(
      fc.integer({ min: 1900, max: 2100 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      (y, m, d) => {
        const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const real = m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
        assert.equal(isValidDateInput(s), real, s);
        assert.equal(parseDateInput(`${y}年${m}月${d}日`), real ? s : null);
      },
    ),
  );
});
