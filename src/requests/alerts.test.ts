import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedCalendar } from '../calendar/test-calendars.ts';
import { alertFor, alertText, type Alert } from './alerts.ts';

const cal = shippedCalendar();

describe('alertFor: due soon within N working days, due today, overdue (disclosure-rules.md §3.4)', () => {
  // [today, due on, soon days, expected, why]
  const rows: [string, string, number, Alert | null, string][] = [
    ['2026-11-03', '2026-11-03', 5, { level: 'due_today', workdaysLeft: 0 }, 'the last day of the period'],
    ['2026-10-27', '2026-11-03', 5, { level: 'due_soon', workdaysLeft: 5 }, 'exactly N working days left'],
    ['2026-10-26', '2026-11-03', 5, null, 'N + 1 working days left: not yet an alert'],
    ['2026-10-26', '2026-11-03', 6, { level: 'due_soon', workdaysLeft: 6 }, "the agency's longer horizon"],
    [
      '2026-09-30',
      '2026-10-08',
      5,
      { level: 'due_soon', workdaysLeft: 1 },
      '国庆 between: one working day left',
    ],
    ['2026-09-30', '2026-10-10', 2, null, 'the 调休 Saturday 10 Oct is a third working day: beyond N = 2'],
    [
      '2026-10-04',
      '2026-10-08',
      1,
      { level: 'due_soon', workdaysLeft: 1 },
      'today a holiday: the next working day',
    ],
    ['2026-11-04', '2026-11-03', 5, { level: 'overdue', workdaysLeft: -1 }, 'one working day overdue'],
    [
      '2026-10-08',
      '2026-09-30',
      5,
      { level: 'overdue', workdaysLeft: -1 },
      'the holiday week is not counted',
    ],
    [
      '2026-01-05',
      '2025-12-31',
      5,
      { level: 'overdue', workdaysLeft: -2 },
      'year boundary: 4 Jan (调休 Sunday) and 5 Jan',
    ],
    [
      '2025-12-29',
      '2026-01-05',
      5,
      { level: 'due_soon', workdaysLeft: 4 },
      'year boundary: 30, 31 Dec, 4 and 5 Jan',
    ],
    [
      '2026-10-03',
      '2026-10-01',
      5,
      { level: 'overdue', workdaysLeft: 0 },
      'overdue during a holiday: late, 0 days',
    ],
  ];
  for (const [today, dueOn, soon, expected, why] of rows)
    test(`${today} due ${dueOn} (N=${soon}): ${why}`, () => {
      assert.deepEqual(alertFor(cal, today, dueOn, soon), expected);
    });
});

describe('alertText: the wording a handler reads', () => {
  const rows: [Alert, string][] = [
    [{ level: 'due_today', workdaysLeft: 0 }, '申请〔2026〕7号今天（2026-11-03）到期'],
    [{ level: 'due_soon', workdaysLeft: 3 }, '申请〔2026〕7号还有3个工作日到期（2026-11-03）'],
    [{ level: 'overdue', workdaysLeft: -2 }, '申请〔2026〕7号已超过答复期限（2026-11-03）2个工作日'],
    // Overdue without a working day between (a holiday): no "0个工作日".
    [{ level: 'overdue', workdaysLeft: 0 }, '申请〔2026〕7号已超过答复期限（2026-11-03）'],
  ];
  for (const [alert, text] of rows)
    test(text, () => {
      assert.equal(alertText(alert, '〔2026〕7号', '2026-11-03'), text);
    });
});
