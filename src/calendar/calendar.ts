/**
 * The working-day calendar (disclosure-rules.md §4): pure, built from the loaded years plus an agency's regional
 * holidays, with a precomputed workday index so addWorkdays and workdaysBetween are O(1).
 *
 * Rules (§4.1 is_working_day): a make-up working day (调休上班) is a working day; a rest day of the notice is not;
 * otherwise Saturdays and Sundays are not; everything else is. A year without a loaded notice follows the
 * provisional rule (§4 point 5, provisional.ts) and every result touching it says `provisional: true`.
 * Periods start the day after the trigger (§4 rule 1; 民法典第二百零一条：开始的当日不计入).
 */
import { ValidationError } from '../errors.ts';
import { MAX_YEAR, MIN_YEAR, type CalendarYearData } from './calendar-year.ts';
import { firstDayOfYear, fromDayNumber, isWeekendDay, toDayNumber, yearOfDay } from './dates.ts';
import { provisionalRestDays } from './provisional.ts';

/** Why a day is not a working day. */
export type SkipReason = 'weekend' | `holiday:${string}` | `regional:${string}`;

export interface SkippedDay {
  date: string;
  reason: SkipReason;
}

/** The status of one date. For a working day, reason is 'workday' or 'makeup:春节' (调休上班). */
export interface DayStatus {
  date: string;
  workday: boolean;
  provisional: boolean;
  reason: SkipReason | 'workday' | `makeup:${string}`;
}

/** The result of addWorkdays with every day it skipped and why. */
export interface Explanation {
  date: string;
  provisional: boolean;
  skipped: SkippedDay[];
}

/** A 民族自治地方's own statutory holiday: a rest day in that agency's deadlines only. */
export interface RegionalHoliday {
  date: string;
  name: string;
}

export interface WorkCalendarOptions {
  years: readonly CalendarYearData[];
  regional?: readonly RegionalHoliday[];
  /** The agency whose regional holidays are included (null: national calendar). */
  agencyId?: number | null;
}

const K_WORK = 0;
const K_MAKEUP = 1;
const K_WEEKEND = 2;
const K_HOLIDAY = 3;
const K_REGIONAL = 4;

interface Index {
  firstYear: number;
  lastYear: number;
  start: number; // day number of index 0
  length: number;
  dates: string[];
  pos: Map<string, number>;
  kind: Uint8Array;
  name: string[];
  /** cw[i] = working days with index < i (length + 1 entries). */
  cw: Int32Array;
  /** pc[i] = provisional days with index < i. */
  pc: Int32Array;
  /** Indexes of working days, ascending. */
  work: Int32Array;
}

/** Years indexed around the loaded data when a calendar is built, before any on-demand extension. */
const DEFAULT_FIRST_YEAR = 2020;
const DEFAULT_LAST_YEAR = 2030;

/** An immutable working-day calendar. Build it with `new WorkCalendar({ years, regional })` or getCalendar(). */
export class WorkCalendar {
  readonly agencyId: number | null;
  private readonly yearData: ReadonlyMap<number, CalendarYearData>;
  private readonly regional: ReadonlyMap<string, string>;
  private index: Index;

  constructor(opts: WorkCalendarOptions) {
    this.agencyId = opts.agencyId ?? null;
    this.yearData = new Map(opts.years.map((y) => [y.year, y]));
    this.regional = new Map((opts.regional ?? []).map((r) => [r.date, r.name]));
    const loaded = [...this.yearData.keys()];
    const first = Math.max(MIN_YEAR, Math.min(DEFAULT_FIRST_YEAR, ...loaded.map((y) => y - 1)));
    const last = Math.min(MAX_YEAR, Math.max(DEFAULT_LAST_YEAR, ...loaded.map((y) => y + 2)));
    this.index = this.build(first, last);
  }

  /** Loaded years and their versions (a year not listed is provisional). */
  get versions(): ReadonlyMap<number, number> {
    return new Map([...this.yearData.values()].map((y) => [y.year, y.version]));
  }

  /** Whether a year has no loaded notice and follows the provisional rule. */
  isProvisionalYear(year: number): boolean {
    return !this.yearData.has(year);
  }

  /** The loaded data of a year, if any. */
  year(year: number): CalendarYearData | undefined {
    return this.yearData.get(year);
  }

  /**
   * The calendar version(s) a computation over [from, to] rests on, e.g. '2026v1,2027p' (p: provisional).
   * Store it with a deadline: when it changes, the deadline must be recomputed.
   */
  versionTag(from: string, to: string): string {
    const a = Number(from.slice(0, 4));
    const b = Number(to.slice(0, 4));
    const parts: string[] = [];
    for (let y = Math.min(a, b); y <= Math.max(a, b); y++) {
      const d = this.yearData.get(y);
      parts.push(d ? `${y}v${d.version}` : `${y}p`);
    }
    if (this.regional.size) parts.push(`r${this.agencyId ?? ''}`);
    return parts.join(',');
  }

  /** Whether a date is a working day. */
  isWorkday(date: string): boolean {
    const k = this.index.kind[this.pos(date)]!;
    return k === K_WORK || k === K_MAKEUP;
  }

  /** The status of a date and the reason for it. */
  status(date: string): DayStatus {
    const i = this.pos(date);
    const ix = this.index;
    const k = ix.kind[i]!;
    const provisional = ix.pc[i + 1]! - ix.pc[i]! > 0;
    if (k === K_WORK) return { date, workday: true, provisional, reason: 'workday' };
    if (k === K_MAKEUP) return { date, workday: true, provisional, reason: `makeup:${ix.name[i]}` };
    return { date, workday: false, provisional, reason: reasonOf(ix, i) };
  }

  /**
   * The n-th working day after `date` (the start day is not counted). n = 0 returns the date itself; a negative n
   * gives the |n|-th working day before it.
   */
  addWorkdays(date: string, n: number): string {
    const { j } = this.locate(date, n);
    return this.index.dates[j]!;
  }

  /** Like addWorkdays, with whether the result rests on a provisional year. */
  addWorkdaysChecked(date: string, n: number): { date: string; provisional: boolean } {
    const { i, j } = this.locate(date, n);
    const ix = this.index;
    const [lo, hi] = i <= j ? [i, j] : [j, i];
    return { date: ix.dates[j]!, provisional: ix.pc[hi + 1]! - ix.pc[lo + 1]! > 0 };
  }

  /**
   * Working days after `a` up to and including `b` (so workdaysBetween(d, addWorkdays(d, n)) === n);
   * negative when b is before a.
   */
  workdaysBetween(a: string, b: string): number {
    const ia = this.pos(a);
    const ib = this.pos(b);
    const cw = this.index.cw;
    return cw[ib + 1]! - cw[ia + 1]!;
  }

  /** Whether any day after `a` up to and including `b` lies in a provisional year. */
  touchesProvisional(a: string, b: string): boolean {
    let ia = this.pos(a);
    let ib = this.pos(b);
    if (ia > ib) [ia, ib] = [ib, ia];
    const pc = this.index.pc;
    return pc[ib + 1]! - pc[ia + 1]! > 0;
  }

  /** addWorkdays with every skipped day between the start and the result, and why it was skipped. */
  explain(date: string, n: number): Explanation {
    const { i, j } = this.locate(date, n);
    const ix = this.index;
    const [lo, hi] = i <= j ? [i, j] : [j, i];
    return {
      date: ix.dates[j]!,
      provisional: ix.pc[hi + 1]! - ix.pc[lo + 1]! > 0,
      skipped: this.skippedIn(lo, hi),
    };
  }

  /** Non-working days strictly after `a` and up to and including `b`, with reasons. */
  skippedBetween(a: string, b: string): SkippedDay[] {
    let ia = this.pos(a);
    let ib = this.pos(b);
    if (ia > ib) [ia, ib] = [ib, ia];
    return this.skippedIn(ia, ib + 1);
  }

  /** Non-working days of a year (loaded or provisional), with reasons, and the make-up working days. */
  yearDays(year: number): { date: string; workday: boolean; reason: DayStatus['reason'] }[] {
    const out: { date: string; workday: boolean; reason: DayStatus['reason'] }[] = [];
    const from = firstDayOfYear(year);
    const to = firstDayOfYear(year + 1);
    this.ensure(from);
    this.ensure(to - 1);
    for (let n = from; n < to; n++) {
      const s = this.status(fromDayNumber(n));
      if (s.reason !== 'workday') out.push({ date: s.date, workday: s.workday, reason: s.reason });
    }
    return out;
  }

  private skippedIn(lo: number, hi: number): SkippedDay[] {
    const ix = this.index;
    const out: SkippedDay[] = [];
    for (let k = lo + 1; k < hi; k++) {
      const kind = ix.kind[k]!;
      if (kind !== K_WORK && kind !== K_MAKEUP) out.push({ date: ix.dates[k]!, reason: reasonOf(ix, k) });
    }
    return out;
  }

  /** Index of a date, extending the index when it lies outside. */
  private pos(date: string): number {
    const p = this.index.pos.get(date);
    if (p !== undefined) return p;
    this.ensure(toDayNumber(date));
    return this.index.pos.get(date)!;
  }

  /** Start index i and result index j of addWorkdays(date, n). */
  private locate(date: string, n: number): { i: number; j: number } {
    if (!Number.isInteger(n)) throw new ValidationError(`工作日数必须是整数：${n}`);
    for (;;) {
      const i = this.pos(date);
      const ix = this.index;
      if (n === 0) return { i, j: i };
      const w = n > 0 ? ix.cw[i + 1]! + n - 1 : ix.cw[i]! + n;
      if (w >= 0 && w < ix.work.length) return { i, j: ix.work[w]! };
      // Out of the index: extend by enough years for |n| working days and retry.
      const years = Math.ceil(Math.abs(n) / 240) + 1;
      if (n > 0)
        this.rebuild(ix.firstYear, Math.min(MAX_YEAR, ix.lastYear + years), ix.lastYear === MAX_YEAR);
      else this.rebuild(Math.max(MIN_YEAR, ix.firstYear - years), ix.lastYear, ix.firstYear === MIN_YEAR);
    }
  }

  private ensure(day: number): void {
    const ix = this.index;
    if (day >= ix.start && day < ix.start + ix.length) return;
    const y = yearOfDay(day);
    this.rebuild(
      Math.max(MIN_YEAR, Math.min(ix.firstYear, y - 1)),
      Math.min(MAX_YEAR, Math.max(ix.lastYear, y + 1)),
      y < MIN_YEAR || y > MAX_YEAR,
    );
  }

  private rebuild(first: number, last: number, outOfRange = false): void {
    if (outOfRange) throw new ValidationError(`日期超出工作日历支持的范围（${MIN_YEAR}—${MAX_YEAR}年）`);
    this.index = this.build(first, last);
  }

  private build(firstYear: number, lastYear: number): Index {
    const start = firstDayOfYear(firstYear);
    const length = firstDayOfYear(lastYear + 1) - start;
    const kind = new Uint8Array(length);
    const name: string[] = new Array<string>(length).fill('');
    const prov = new Uint8Array(length);
    const dates: string[] = new Array<string>(length);
    const pos = new Map<string, number>();
    for (let i = 0; i < length; i++) {
      const d = fromDayNumber(start + i);
      dates[i] = d;
      pos.set(d, i);
      kind[i] = isWeekendDay(start + i) ? K_WEEKEND : K_WORK;
    }
    for (let y = firstYear; y <= lastYear; y++) {
      const base = firstDayOfYear(y) - start;
      const data = this.yearData.get(y);
      if (data) {
        for (const d of data.days) {
          const i = pos.get(d.date);
          if (i === undefined) continue;
          kind[i] = d.isWorkday ? K_MAKEUP : K_HOLIDAY;
          name[i] = d.name;
        }
      } else {
        prov.fill(1, base, firstDayOfYear(y + 1) - start);
        for (const d of provisionalRestDays(y)) {
          const i = pos.get(d.date)!;
          kind[i] = K_HOLIDAY;
          name[i] = d.name;
        }
      }
    }
    // Regional holidays are rest days for the agency, but a national holiday or weekend keeps its own reason.
    for (const [date, n] of this.regional) {
      const i = pos.get(date);
      if (i !== undefined && (kind[i] === K_WORK || kind[i] === K_MAKEUP)) {
        kind[i] = K_REGIONAL;
        name[i] = n;
      }
    }
    const cw = new Int32Array(length + 1);
    const pc = new Int32Array(length + 1);
    let workCount = 0;
    for (let i = 0; i < length; i++) {
      const isWork = kind[i] === K_WORK || kind[i] === K_MAKEUP;
      cw[i + 1] = cw[i]! + (isWork ? 1 : 0);
      pc[i + 1] = pc[i]! + prov[i]!;
      if (isWork) workCount++;
    }
    const work = new Int32Array(workCount);
    for (let i = 0, w = 0; i < length; i++) if (kind[i] === K_WORK || kind[i] === K_MAKEUP) work[w++] = i;
    return { firstYear, lastYear, start, length, dates, pos, kind, name, cw, pc, work };
  }
}

function reasonOf(ix: Index, i: number): SkipReason {
  const k = ix.kind[i];
  if (k === K_HOLIDAY) return `holiday:${ix.name[i]}`;
  if (k === K_REGIONAL) return `regional:${ix.name[i]}`;
  return 'weekend';
}

/** The reason of a skipped day in Chinese, for explanations users read. */
export function describeReason(reason: SkipReason | DayStatus['reason']): string {
  if (reason === 'weekend') return '周末';
  if (reason === 'workday') return '工作日';
  const [kind, ...rest] = reason.split(':');
  const n = rest.join(':');
  if (kind === 'holiday') return `法定节假日（${n}）`;
  if (kind === 'regional') return `地方性假日（${n}）`;
  return `调休上班日（${n}）`;
}
