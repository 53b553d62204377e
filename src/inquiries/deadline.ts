/**
 * Time rules of 互动交流. Pure.
 *
 * - Reply due: the configured working days per kind after the day the message was received (the day itself is not
 *   counted, as for 依申请公开); one extension adds at most `maxExtensionDays` working days.
 * - The 3-month mark: 国办秘函〔2019〕19号 (政府网站与政务新媒体检查指标) fails a site outright for a valid message left
 *   unanswered for more than 3 months; the alarm starts `alarmDaysBefore` calendar days before that mark.
 * - Reopen: within `reopenDays` calendar days of the answer.
 */
import type { WorkCalendar } from '../calendar/calendar.ts';
import { addDays } from '../calendar/dates.ts';

/** The reply due date for a message received on `receivedOn`. */
export function replyDue(cal: WorkCalendar, receivedOn: string, workdays: number): string {
  return cal.addWorkdays(receivedOn, workdays);
}

/** The same day three months later (clamped to the month's end: 11-30 → 02-28). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${ty}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The day after which an unanswered message is more than 3 months old. */
export const threeMonthMark = (receivedOn: string): string => addMonths(receivedOn, 3);

/** Whether an unanswered message received on `receivedOn` is in the alarm window (or past the mark) on `today`. */
export function isNearThreeMonths(receivedOn: string, today: string, alarmDaysBefore: number): boolean {
  return today >= addDays(threeMonthMark(receivedOn), -alarmDaysBefore);
}

/** The last day on which the citizen may reopen a message answered on `repliedOn`. */
export const reopenUntil = (repliedOn: string, reopenDays: number): string => addDays(repliedOn, reopenDays);
