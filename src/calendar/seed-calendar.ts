/**
 * Seed the shipped State Council notices (2024–2026) into the database. Idempotent: a year already present is
 * never touched (an admin may have corrected it), so running it on every start is safe.
 */
import type { Ctx } from '../context.ts';
import { noticeToInput } from './calendar-year.ts';
import { findCalendarYearSummary } from './calendar.queries.ts';
import { HOLIDAY_NOTICES } from './holidays-data.ts';
import { loadCalendarYear } from './load-calendar-year.ts';

/** Load every shipped year the database lacks; returns the years loaded. */
export async function seedCalendar(ctx: Ctx): Promise<number[]> {
  const loaded: number[] = [];
  for (const notice of HOLIDAY_NOTICES) {
    if (await findCalendarYearSummary(ctx.db, notice.year)) continue;
    try {
      await loadCalendarYear(ctx, noticeToInput(notice));
      loaded.push(notice.year);
    } catch (e) {
      // Another instance seeding at the same moment wins the primary key; that is the same outcome.
      if (!(await findCalendarYearSummary(ctx.db, notice.year))) throw e;
    }
  }
  return loaded;
}

/** The seed step for the start-up seed list (src/setup.ts `seeds`). */
export const calendarSeed = {
  name: 'calendar',
  run: async (ctx: Ctx): Promise<void> => {
    await seedCalendar(ctx);
  },
};
