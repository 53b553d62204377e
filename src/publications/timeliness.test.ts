import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedCalendar } from '../calendar/test-calendars.ts';
import { proactiveDueOn, timelinessOf, type Timeliness } from './timeliness.ts';

const cal = shippedCalendar();

describe('proactiveDueOn: 20 working days from the day after formation (条例第二十六条; calendar rule §4)', () => {
  // [formed on, override days, due on, why]
  const rows: [string, number | null, string, string][] = [
    ['2026-03-02', null, '2026-03-30', '条例第二十六条: 20 working days, four plain weeks (Monday → Monday)'],
    ['2026-09-30', null, '2026-11-03', '国庆 1–7 Oct skipped, the 调休 Saturday 10 Oct counts'],
    ['2026-02-10', null, '2026-03-16', '春节 15–23 Feb skipped, both 调休 Saturdays (14 and 28 Feb) count'],
    ['2025-12-15', null, '2026-01-13', 'year boundary: 元旦 1–3 Jan skipped, the 调休 Sunday 4 Jan counts'],
    [
      '2026-10-03',
      null,
      '2026-11-03',
      'formed on a holiday: the same due date as formed on the working day before',
    ],
    [
      '2026-09-30',
      10,
      '2026-10-20',
      '条例第二十六条 "法律、法规另有规定的": an override period replaces the 20',
    ],
    ['2026-10-09', 1, '2026-10-10', 'a one-day period ending on a 调休 Saturday ends on that Saturday'],
  ];
  for (const [formed, override, due, why] of rows)
    test(`${formed} (+${override ?? 20}) → ${due}: ${why}`, () => {
      assert.equal(proactiveDueOn(cal, formed, override), due);
    });
});

describe('timelinessOf: where an item stands against its due date', () => {
  const dueOn = '2026-11-03';
  // [today, published on, expected, why]
  const rows: [string, string | null, Timeliness, string][] = [
    [
      '2026-11-10',
      '2026-11-03',
      'published_on_time',
      'published on the last day is on time (the day is in the period)',
    ],
    ['2026-11-10', '2026-11-04', 'published_late', 'published the day after the due date is late'],
    [
      '2026-09-20',
      '2026-09-30',
      'published_on_time',
      'published long before: the date of publication decides, not today',
    ],
    ['2026-11-03', null, 'due_soon', 'the due date itself: 0 working days left, due soon, not yet overdue'],
    ['2026-11-04', null, 'overdue', 'the day after the due date'],
    ['2026-10-27', null, 'due_soon', '5 working days left (28, 29, 30 Oct, 2, 3 Nov): DUE_SOON_WORKDAYS'],
    ['2026-10-26', null, 'on_time', '6 working days left: not yet due soon'],
    ['2026-10-25', null, 'on_time', 'a Sunday: 7 working days left'],
    ['2027-01-05', null, 'overdue', 'a new year does not reset an unpublished item'],
  ];
  for (const [today, publishedOn, expected, why] of rows)
    test(`${today} / published ${publishedOn ?? '—'} → ${expected}: ${why}`, () => {
      assert.equal(timelinessOf(cal, { dueOn, publishedOn }, today), expected);
    });

  test('a due date on a 调休 Saturday: the Saturday is a working day left', () => {
    // 2026-10-10 is a 调休 working Saturday: from 30 Sep the days left are 8, 9 and 10 Oct.
    assert.equal(cal.workdaysBetween('2026-09-30', '2026-10-10'), 3);
    assert.equal(timelinessOf(cal, { dueOn: '2026-10-10', publishedOn: null }, '2026-09-30'), 'due_soon');
    assert.equal(timelinessOf(cal, { dueOn: '2026-10-10', publishedOn: null }, '2026-10-10'), 'due_soon');
    assert.equal(timelinessOf(cal, { dueOn: '2026-10-10', publishedOn: null }, '2026-10-11'), 'overdue');
  });
});
