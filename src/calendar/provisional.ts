/**
 * The provisional calendar of a year whose State Council notice is not loaded (disclosure-rules.md §4 point 5):
 * weekends plus the holidays that 《全国年节及纪念日放假办法》 (2024 revision, in force 2025-01-01) itself fixes,
 * with lunar dates and 清明 computed, no 调休, and 补假 for a holiday that falls on a Saturday or Sunday.
 */
import chineseDays from 'chinese-days';
import { addDays, fromDayNumber, isWeekendDay, toDayNumber } from './dates.ts';

export interface ProvisionalDay {
  date: string;
  /** '春节', '国庆节' …; a 补假 day is named '春节补假'. */
  name: string;
  kind: 'holiday' | 'in_lieu';
}

const cache = new Map<number, readonly ProvisionalDay[]>();

/**
 * chinese-days converts through local-time Dates, so its lunar and solar-term dates shift by a day in time zones
 * west of UTC. gongkai runs with TZ=Asia/Shanghai (main.ts, the CLI, the test runner); if something else is in
 * force, compute under Asia/Shanghai and restore it (synchronous, and results are cached per year).
 */
function inChinaTime<T>(fn: () => T): T {
  const prev = process.env.TZ;
  if (prev === 'Asia/Shanghai') return fn();
  process.env.TZ = 'Asia/Shanghai';
  try {
    return fn();
  } finally {
    if (prev === undefined) delete process.env.TZ;
    else process.env.TZ = prev;
  }
}

/** The statutory holidays of 《放假办法》第二条 for a year, before 补假. */
export function statutoryHolidays(year: number): { date: string; name: string }[] {
  return inChinaTime(() => computeStatutoryHolidays(year));
}

function computeStatutoryHolidays(year: number): { date: string; name: string }[] {
  const lunar = (md: string) => chineseDays.getSolarDateFromLunar(`${year}-${md}`).date;
  const newYear = lunar('01-01'); // 正月初一 of the lunar year that starts in this Gregorian year
  const days: { date: string; name: string }[] = [
    // 第二条（一）新年，放假1天（1月1日）
    { date: `${year}-01-01`, name: '元旦' },
    // 第二条（二）春节，放假4天（农历除夕、正月初一至初三）
    ...[-1, 0, 1, 2].map((k) => ({ date: addDays(newYear, k), name: '春节' })),
    // 第二条（三）清明节，放假1天（农历清明当日）
    { date: chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' },
    // 第二条（四）劳动节，放假2天（5月1日、2日）
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    // 第二条（五）端午节，放假1天（农历端午当日）
    { date: lunar('05-05'), name: '端午节' },
    // 第二条（六）中秋节，放假1天（农历中秋当日）
    { date: lunar('08-15'), name: '中秋节' },
    // 第二条（七）国庆节，放假3天（10月1日至3日）
    { date: `${year}-10-01`, name: '国庆节' },
    { date: `${year}-10-02`, name: '国庆节' },
    { date: `${year}-10-03`, name: '国庆节' },
  ];
  // 中秋 can coincide with 国庆 (e.g. 2020-10-01): one day, both names.
  const byDate = new Map<string, string>();
  for (const d of days) {
    const prev = byDate.get(d.date);
    byDate.set(d.date, prev && prev !== d.name ? `${prev}、${d.name}` : d.name);
  }
  return [...byDate].map(([date, name]) => ({ date, name })).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * Provisional rest days of a year: the statutory holidays, and for each one on a Saturday or Sunday a 补假 on the
 * next weekday that is neither a holiday nor already a 补假 (《放假办法》第六条：全体公民放假的假日，如果适逢
 * 星期六、星期日，应当在工作日补假).
 */
export function provisionalRestDays(year: number): readonly ProvisionalDay[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const holidays = statutoryHolidays(year);
  const taken = new Set(holidays.map((h) => h.date));
  const out: ProvisionalDay[] = holidays.map((h) => ({ ...h, kind: 'holiday' as const }));
  for (const h of holidays) {
    const n = toDayNumber(h.date);
    if (!isWeekendDay(n)) continue;
    let m = n + 1;
    while (isWeekendDay(m) || taken.has(fromDayNumber(m))) m++;
    const date = fromDayNumber(m);
    taken.add(date);
    out.push({ date, name: `${h.name}补假`, kind: 'in_lieu' });
  }
  // The last statutory holiday is 10月3日, so a 补假 never leaves the year.
  const result = Object.freeze(out.sort((a, b) => (a.date < b.date ? -1 : 1)));
  cache.set(year, result);
  return result;
}
