/**
 * A calendar year as loaded from a State Council notice (disclosure-rules.md §4.1): its source, version and the
 * dates that differ from the normal week. Validation and the JSON record format live here.
 */
import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { isDateString, isWeekendDay, toDayNumber } from './dates.ts';
import type { CalendarSource, HolidayNotice } from './holidays-data.ts';

export type { CalendarSource } from './holidays-data.ts';

/** One date that differs from the normal week: a rest day, or a Saturday/Sunday made a working day (调休上班). */
export interface CalendarDayEntry {
  date: string;
  isWorkday: boolean;
  /** Holiday name (春节, 国庆节 …); for a make-up working day, the holiday it belongs to. */
  name: string;
}

/** A loaded year, as the WorkCalendar consumes it. */
export interface CalendarYearData {
  year: number;
  version: number;
  source: CalendarSource;
  days: CalendarDayEntry[];
}

export interface NamedDate {
  date: string;
  name: string;
}

/** What an admin loads: a year's notice. */
export interface CalendarYearInput {
  year: number;
  source: CalendarSource;
  restDays: NamedDate[];
  makeupWorkdays: NamedDate[];
}

export const MIN_YEAR = 1901;
export const MAX_YEAR = 2099;

const DEFAULT_REST_NAME = '法定节假日';
const DEFAULT_MAKEUP_NAME = '调休';

/**
 * Check a year's notice as disclosure-rules.md §4.1 requires: every date lies in the year, no date is in both
 * lists, every make-up working day is a Saturday or Sunday. Throws ValidationError listing every problem.
 */
export function validateCalendarYear(input: CalendarYearInput): void {
  const problems: string[] = [];
  if (!Number.isInteger(input.year) || input.year < MIN_YEAR || input.year > MAX_YEAR) {
    throw new ValidationError(`年份无效：${input.year}（应为${MIN_YEAR}—${MAX_YEAR}年）`, {
      year: '年份无效',
    });
  }
  if (!input.source.title.trim()) problems.push('缺少通知标题');
  const seen = new Map<string, 'rest' | 'makeup'>();
  const check = (d: NamedDate, list: 'rest' | 'makeup') => {
    if (!isDateString(d.date)) {
      problems.push(`日期格式不正确：${d.date}`);
      return;
    }
    if (Number(d.date.slice(0, 4)) !== input.year) problems.push(`${d.date} 不在${input.year}年内`);
    const prev = seen.get(d.date);
    if (prev && prev !== list) problems.push(`${d.date} 同时出现在放假日期和调休上班日期中`);
    else if (prev) problems.push(`${d.date} 重复出现`);
    seen.set(d.date, list);
    if (list === 'makeup' && !isWeekendDay(toDayNumber(d.date))) {
      problems.push(`${d.date} 不是周六或周日，不能作为调休上班日`);
    }
    if (!d.name.trim()) problems.push(`${d.date} 缺少名称`);
  };
  for (const d of input.restDays) check(d, 'rest');
  for (const d of input.makeupWorkdays) check(d, 'makeup');
  if (problems.length)
    throw new ValidationError(`放假安排数据有误：${problems.join('；')}`, { days: problems.join('；') });
}

/** The per-date rows of a year's notice (what calendar_days stores). */
export function toDayEntries(input: CalendarYearInput): CalendarDayEntry[] {
  return [
    ...input.restDays.map((d) => ({ date: d.date, isWorkday: false, name: d.name })),
    ...input.makeupWorkdays.map((d) => ({ date: d.date, isWorkday: true, name: d.name })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A shipped notice as a load input. */
export function noticeToInput(notice: HolidayNotice): CalendarYearInput {
  return {
    year: notice.year,
    source: { ...notice.source },
    restDays: notice.holidays.flatMap((h) => h.restDays.map((date) => ({ date, name: h.name }))),
    makeupWorkdays: notice.holidays.flatMap((h) => h.makeupWorkdays.map((date) => ({ date, name: h.name }))),
  };
}

const DateOrNamed = z.union([z.string(), z.object({ date: z.string(), name: z.string().min(1) })]);

/** The JSON year record of disclosure-rules.md §4.1 (dates may carry a name: { "date", "name" }). */
export const CalendarYearRecordSchema = z.object({
  year: z.number().int(),
  source: z.object({
    title: z.string().min(1, '缺少通知标题'),
    doc_no: z.string().nullish(),
    url: z.string().nullish(),
  }),
  rest_days: z.array(DateOrNamed),
  makeup_workdays: z.array(DateOrNamed).default([]),
  loaded_by: z.unknown().optional(),
  loaded_at: z.unknown().optional(),
  version: z.unknown().optional(),
});

/** Parse a §4.1 JSON record into a load input; throws ValidationError with a Chinese reason. */
export function parseCalendarYearRecord(json: unknown): CalendarYearInput {
  const parsed = CalendarYearRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError(`年度放假安排格式不正确：${issue.path.join('.') || '(根)'} — ${issue.message}`);
  }
  const r = parsed.data;
  const named = (d: z.infer<typeof DateOrNamed>, fallback: string): NamedDate =>
    typeof d === 'string' ? { date: d, name: fallback } : d;
  return {
    year: r.year,
    source: { title: r.source.title, docNo: r.source.doc_no ?? null, url: r.source.url ?? null },
    restDays: r.rest_days.map((d) => named(d, DEFAULT_REST_NAME)),
    makeupWorkdays: r.makeup_workdays.map((d) => named(d, DEFAULT_MAKEUP_NAME)),
  };
}

/** A loaded year back as a §4.1 JSON record (names kept). */
export function toCalendarYearRecord(y: CalendarYearData): Record<string, unknown> {
  return {
    year: y.year,
    source: { title: y.source.title, doc_no: y.source.docNo, url: y.source.url },
    rest_days: y.days.filter((d) => !d.isWorkday).map((d) => ({ date: d.date, name: d.name })),
    makeup_workdays: y.days.filter((d) => d.isWorkday).map((d) => ({ date: d.date, name: d.name })),
    version: y.version,
  };
}
