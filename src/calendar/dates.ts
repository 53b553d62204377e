/**
 * 'YYYY-MM-DD' date strings and UTC day numbers (days since 1970-01-01). Everything is computed in UTC so the
 * process time zone never shifts a business date.
 */
import { ValidationError } from '../errors.ts';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Whether s is a real calendar date written 'YYYY-MM-DD'. */
export function isDateString(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** 'YYYY-MM-DD' → UTC day number; throws ValidationError on anything else. */
export function toDayNumber(s: string): number {
  if (!isDateString(s)) throw new ValidationError(`日期格式不正确：${s}（应为 YYYY-MM-DD）`);
  return Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / MS_PER_DAY;
}

/** UTC day number → 'YYYY-MM-DD'. */
export function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** Whether a day number falls on a Saturday or Sunday. */
export function isWeekendDay(n: number): boolean {
  const w = weekdayOf(n);
  return w === 0 || w === 6;
}

/** The Gregorian year of a day number. */
export function yearOfDay(n: number): number {
  return new Date(n * MS_PER_DAY).getUTCFullYear();
}

/** Day number of 1 January of a year. */
export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/** Add calendar days to a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
/** '周一'…'周日' for a date. */
export function weekdayName(date: string): string {
  return WEEKDAY_NAMES[weekdayOf(toDayNumber(date))]!;
}
