/** Calendars for tests and benchmarks: the shipped notices, and synthetic years. */
import { WorkCalendar, type RegionalHoliday } from './calendar.ts';
import {
  noticeToInput,
  toDayEntries,
  type CalendarDayEntry,
  type CalendarYearData,
} from './calendar-year.ts';
import { HOLIDAY_NOTICES } from './holidays-data.ts';

/** The shipped notices (2024–2026) as loaded years, version 1. */
export function shippedYears(): CalendarYearData[] {
  return HOLIDAY_NOTICES.map((n) => ({
    year: n.year,
    version: 1,
    source: { ...n.source },
    days: toDayEntries(noticeToInput(n)),
  }));
}

/** A calendar with 2024–2026 loaded from the shipped notices; later years are provisional. */
export function shippedCalendar(
  regional: RegionalHoliday[] = [],
  agencyId: number | null = null,
): WorkCalendar {
  return new WorkCalendar({ years: shippedYears(), regional, agencyId });
}

/** A loaded synthetic year with only the given special days. */
export function syntheticYear(year: number, days: CalendarDayEntry[]): CalendarYearData {
  return { year, version: 1, source: { title: `测试用${year}年日历`, docNo: null, url: null }, days };
}
