import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkCalendar } from './calendar.ts';
import { shippedCalendar, syntheticYear } from './test-calendars.ts';
import { addDays } from './dates.ts';

const cal = shippedCalendar();

describe('isWorkday around 春节 and 国庆 with their 调休 days (2024–2026)', () => {
  const cases: [string, boolean, string][] = [
    ['2024-02-04', true, '春节调休上班（周日）'],
    ['2024-02-09', true, '除夕 2024: not a rest day under the 2013 办法, only encouraged'],
    ['2024-02-10', false, '春节'],
    ['2024-02-17', false, '春节 last day (Saturday)'],
    ['2024-02-18', true, '春节调休上班（周日）'],
    ['2024-09-14', true, '中秋调休上班（周六）'],
    ['2024-09-29', true, '国庆调休上班（周日）'],
    ['2024-10-07', false, '国庆'],
    ['2024-10-12', true, '国庆调休上班（周六）'],
    ['2025-01-26', true, '春节调休上班（周日）'],
    ['2025-01-28', false, '除夕 2025'],
    ['2025-02-04', false, '正月初七'],
    ['2025-02-08', true, '春节调休上班（周六）'],
    ['2025-09-28', true, '国庆调休上班（周日）'],
    ['2025-10-06', false, '中秋 within 国庆'],
    ['2025-10-08', false, '国庆 last day'],
    ['2025-10-11', true, '国庆调休上班（周六）'],
    ['2025-10-12', false, 'ordinary Sunday'],
    ['2025-12-31', true, 'ordinary Wednesday'],
    ['2026-01-01', false, '元旦'],
    ['2026-01-03', false, '元旦 (Saturday)'],
    ['2026-01-04', true, '元旦调休上班（周日）'],
    ['2026-02-14', true, '春节调休上班（周六）'],
    ['2026-02-15', false, '春节'],
    ['2026-02-23', false, '春节 last day (Monday)'],
    ['2026-02-28', true, '春节调休上班（周六）'],
    ['2026-09-20', true, '国庆调休上班（周日）'],
    ['2026-10-07', false, '国庆'],
    ['2026-10-10', true, '国庆调休上班（周六）'],
  ];
  for (const [date, workday, why] of cases) {
    test(`${date} ${workday ? 'works' : 'rests'} — ${why}`, () => assert.equal(cal.isWorkday(date), workday));
  }
});

describe('addWorkdays (start day not counted)', () => {
  const cases: [string, number, string, boolean, string][] = [
    ['2026-09-30', 20, '2026-11-03', false, '国庆 skipped, 10月10日 make-up Saturday counted'],
    ['2024-02-08', 1, '2024-02-09', false, '除夕 2024 is a working day'],
    ['2024-02-08', 2, '2024-02-18', false, '春节 skipped, Sunday 2月18日 counted'],
    ['2024-02-02', 1, '2024-02-04', false, 'Sunday make-up day is the next working day'],
    ['2025-01-24', 1, '2025-01-26', false, 'Sunday make-up day 1月26日'],
    ['2025-01-24', 3, '2025-02-05', false, '春节 2025 eight days skipped'],
    ['2025-09-30', 1, '2025-10-09', false, '国庆、中秋 2025 eight days skipped'],
    ['2025-09-30', 3, '2025-10-11', false, 'Saturday make-up 10月11日'],
    ['2024-09-30', 1, '2024-10-08', false, '国庆 2024'],
    ['2026-02-13', 1, '2026-02-14', false, 'Saturday make-up 2月14日'],
    ['2026-02-13', 2, '2026-02-24', false, '春节 2026 nine days skipped'],
    ['2024-12-31', 1, '2025-01-02', false, 'year boundary, 元旦 2025'],
    ['2025-12-31', 1, '2026-01-04', false, 'year boundary into the 元旦 make-up Sunday'],
    ['2025-12-31', 2, '2026-01-05', false, 'year boundary'],
    ['2026-12-30', 1, '2026-12-31', false, 'stays in the loaded year'],
    ['2026-12-31', 1, '2027-01-04', true, '2027 is provisional: 元旦 Friday, weekend'],
    ['2027-02-04', 1, '2027-02-11', true, 'provisional 春节 2027: 除夕—初三 and two 补假'],
    ['2026-03-05', 0, '2026-03-05', false, 'n = 0 is the date itself'],
    ['2026-10-08', -1, '2026-09-30', false, 'negative n counts backwards over 国庆'],
  ];
  for (const [from, n, expected, provisional, why] of cases) {
    test(`${from} + ${n} → ${expected}${provisional ? ' (provisional)' : ''} — ${why}`, () => {
      assert.equal(cal.addWorkdays(from, n), expected);
      const e = cal.explain(from, n);
      assert.equal(e.date, expected);
      assert.equal(e.provisional, provisional);
      if (n >= 0) assert.equal(cal.workdaysBetween(from, expected), n);
    });
  }
});

test('explain lists every skipped day with its reason', () => {
  const e = cal.explain('2026-09-30', 20);
  assert.equal(e.date, '2026-11-03');
  assert.equal(e.provisional, false);
  assert.deepEqual(
    e.skipped.filter((s) => s.reason !== 'weekend').map((s) => s.date),
    ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  );
  assert.ok(e.skipped.every((s) => s.reason === 'weekend' || s.reason === 'holiday:国庆节'));
  assert.ok(!e.skipped.some((s) => s.date === '2026-10-10'), '10月10日 is a make-up working day');
  assert.equal(
    e.skipped.length,
    7 + 7,
    'seven holiday days and seven weekend days (10/11, 17, 18, 24, 25, 31, 11/1)',
  );
});

test('status reports the reason and provisionality of a date', () => {
  assert.deepEqual(cal.status('2026-10-10'), {
    date: '2026-10-10',
    workday: true,
    provisional: false,
    reason: 'makeup:国庆节',
  });
  assert.deepEqual(cal.status('2027-02-06'), {
    date: '2027-02-06',
    workday: false,
    provisional: true,
    reason: 'holiday:春节',
  });
  assert.equal(cal.status('2026-03-07').reason, 'weekend');
  assert.equal(cal.status('2026-03-09').reason, 'workday');
});

test('workdaysBetween counts (a, b] and is antisymmetric', () => {
  assert.equal(cal.workdaysBetween('2026-03-02', '2026-03-02'), 0);
  assert.equal(cal.workdaysBetween('2026-03-02', '2026-03-09'), 5);
  assert.equal(cal.workdaysBetween('2026-03-09', '2026-03-02'), -5);
});

test('regional holidays of an agency are skipped with a regional: reason; the national calendar is unaffected', () => {
  // A hypothetical 自治县 day on Monday 2026-03-09.
  const local = shippedCalendar([{ date: '2026-03-09', name: '县庆' }], 7);
  assert.equal(local.isWorkday('2026-03-09'), false);
  assert.equal(cal.isWorkday('2026-03-09'), true);
  const e = local.explain('2026-03-06', 1);
  assert.equal(e.date, '2026-03-10');
  assert.deepEqual(
    e.skipped.map((s) => s.reason),
    ['weekend', 'weekend', 'regional:县庆'],
  );
  assert.match(local.versionTag('2026-03-06', '2026-03-10'), /r7/);
});

test('an index extends on demand far beyond the built range, and refuses dates outside 1901–2099', () => {
  const c = shippedCalendar();
  assert.equal(c.isWorkday('2060-10-01'), false);
  assert.equal(c.workdaysBetween('2026-01-01', c.addWorkdays('2026-01-01', 5000)), 5000);
  assert.throws(() => c.isWorkday('2100-01-04'), { code: 'validation' });
  assert.throws(() => c.isWorkday('2026-02-30'), { code: 'validation' });
  assert.throws(() => c.addWorkdays('2026-01-05', 1.5), { code: 'validation' });
});

test('versionTag names each year with its version or p for provisional', () => {
  assert.equal(cal.versionTag('2025-12-20', '2027-01-10'), '2025v1,2026v1,2027p');
  assert.equal(cal.isProvisionalYear(2027), true);
  assert.equal(cal.isProvisionalYear(2026), false);
});

describe('disclosure-rules.md §4.2 synthetic worked example', () => {
  // D is a Friday; D+3..D+5 are rest days; Saturday D+8 is a make-up working day.
  const D = '2030-03-01';
  const d = (k: number) => addDays(D, k);
  const synthetic = new WorkCalendar({
    years: [
      syntheticYear(2030, [
        { date: d(3), isWorkday: false, name: '测试假日' },
        { date: d(4), isWorkday: false, name: '测试假日' },
        { date: d(5), isWorkday: false, name: '测试假日' },
        { date: d(8), isWorkday: true, name: '测试假日' },
      ]),
    ],
  });
  test('D is a Friday', () => assert.equal(new Date(`${D}T00:00:00Z`).getUTCDay(), 5));
  test('working day numbers 1–7 fall on D+6, D+7, D+8, D+10 … D+13', () => {
    const got = [1, 2, 3, 4, 5, 6, 7].map((n) => synthetic.addWorkdays(D, n));
    assert.deepEqual(got, [d(6), d(7), d(8), d(10), d(11), d(12), d(13)]);
  });
  test('T-CORRECTION-NOTICE (7) → D+13', () => assert.equal(synthetic.addWorkdays(D, 7), d(13)));
  test('T-REPLY (20) → D+32', () => assert.equal(synthetic.addWorkdays(D, 20), d(32)));
  test('the skipped days are the weekend, the three rest days and Sunday D+9', () => {
    const e = synthetic.explain(D, 7);
    assert.deepEqual(e.skipped, [
      { date: d(1), reason: 'weekend' },
      { date: d(2), reason: 'weekend' },
      { date: d(3), reason: 'holiday:测试假日' },
      { date: d(4), reason: 'holiday:测试假日' },
      { date: d(5), reason: 'holiday:测试假日' },
      { date: d(9), reason: 'weekend' },
    ]);
    assert.equal(e.provisional, false);
  });
});
