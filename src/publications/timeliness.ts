/**
 * The 20-working-day rule (条例第二十六条, timer T-PROACTIVE): information within proactive disclosure is published
 * within 20 working days of the day it was formed or changed; a law or regulation may set another period (the
 * override must cite it). Periods start the day after (calendar rule §4). Pure over a WorkCalendar.
 */
import type { WorkCalendar } from '../calendar/calendar.ts';

export const PROACTIVE_PERIOD_WORKDAYS = 20;
/** How many working days before the due date an item counts as due soon. */
export const DUE_SOON_WORKDAYS = 5;

/** The due date of an item formed or changed on `formedOn`. */
export function proactiveDueOn(cal: WorkCalendar, formedOn: string, overrideDays?: number | null): string {
  return cal.addWorkdays(formedOn, overrideDays ?? PROACTIVE_PERIOD_WORKDAYS);
}

export type Timeliness = 'on_time' | 'due_soon' | 'overdue' | 'published_late' | 'published_on_time';

/** Where an item stands against its due date on `today` (or when it was published). */
export function timelinessOf(
  cal: WorkCalendar,
  item: { dueOn: string; publishedOn: string | null },
  today: string,
): Timeliness {
  if (item.publishedOn) return item.publishedOn > item.dueOn ? 'published_late' : 'published_on_time';
  if (today > item.dueOn) return 'overdue';
  const left = today === item.dueOn ? 0 : cal.workdaysBetween(today, item.dueOn);
  return left <= DUE_SOON_WORKDAYS ? 'due_soon' : 'on_time';
}

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: '未到期',
  due_soon: '即将到期',
  overdue: '已超期',
  published_late: '超期发布',
  published_on_time: '按期发布',
};
