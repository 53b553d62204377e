/**
 * The 工作日历 month grid as people read it: weeks from Monday to Sunday, every date of the month under its own
 * weekday, each day marked as a working day, a weekend, a holiday (national or regional) or a 调休 working day.
 * Pure; the office calendar page renders it.
 */
import { describeReason, type WorkCalendar } from './calendar.ts';
import { addDays, toDayNumber, weekdayOf } from './dates.ts';

export type GridDayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface GridDay {
  date: string;
  /** Day of the month, 1–31. */
  day: number;
  kind: GridDayKind;
  /** What the day is, in Chinese (e.g. "法定节假日（春节）", "调休上班日（春节）"). */
  label: string;
}

/** Column headings, Monday first (the usual order of Chinese wall calendars). */
export const GRID_WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'] as const;

/** The weeks of a month: rows of 7 cells, Monday first; cells before the 1st and after the last day are null. */
export function monthGrid(cal: WorkCalendar, year: number, month: number): (GridDay | null)[][] {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const lead = (weekdayOf(toDayNumber(first)) + 6) % 7; // Monday = 0 … Sunday = 6
  const cells: (GridDay | null)[] = Array<GridDay | null>(lead).fill(null);
  for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addDays(d, 1)) {
    const s = cal.status(d);
    const kind: GridDayKind =
      s.reason === 'workday'
        ? 'workday'
        : s.reason.startsWith('makeup:')
          ? 'makeup'
          : s.reason === 'weekend'
            ? 'weekend'
            : 'holiday';
    cells.push({ date: d, day: Number(d.slice(8)), kind, label: describeReason(s.reason) });
  }
  while (cells.length % 7) cells.push(null);
  const weeks: (GridDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
