/**
 * An admin loads (or reloads) a year's State Council notice: validate (disclosure-rules.md §4.1), write the year
 * with a new version, audit, and let deadline holders recompute — all in one transaction.
 */
import type { Ctx } from '../context.ts';
import { assertCan } from '../errors.ts';
import { calendarPolicy } from './calendar.policy.ts';
import { recordEvent } from '../audit/record-event.ts';
import {
  toCalendarYearRecord,
  toDayEntries,
  validateCalendarYear,
  type CalendarYearData,
  type CalendarYearInput,
} from './calendar-year.ts';
import { findCalendarYear, replaceCalendarDays, saveCalendarYearRecord } from './calendar.queries.ts';
import { notifyCalendarChanged } from './calendar-hooks.ts';
import { invalidateCalendarCache, loadCalendar } from './get-calendar.ts';

/** The acting user's id and name as stored on the year record. */
export function loadedBy(ctx: Ctx): { id: number | null; name: string | null } {
  const a = ctx.actor;
  return a.kind === 'user'
    ? { id: a.userId, name: a.name }
    : { id: null, name: a.kind === 'system' ? a.name : null };
}

/** Load a year's notice; returns the stored year with its new version. */
export async function loadCalendarYear(ctx: Ctx, input: CalendarYearInput): Promise<CalendarYearData> {
  assertCan(calendarPolicy.manage(ctx.actor), { message: '只有平台管理员可以载入年度放假安排' });
  validateCalendarYear(input);
  const days = toDayEntries(input);
  const by = loadedBy(ctx);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const before = await findCalendarYear(trx, input.year);
    const version = (before?.version ?? 0) + 1;
    const source = { title: input.source.title.trim(), docNo: input.source.docNo, url: input.source.url };
    await saveCalendarYearRecord(
      trx,
      {
        year: input.year,
        version,
        source,
        loadedBy: by.id,
        loadedByName: by.name,
        loadedAt: ctx.clock.now().toISOString(),
      },
      before !== undefined,
    );
    await replaceCalendarDays(trx, input.year, days);
    const after: CalendarYearData = { year: input.year, version, source, days };
    await recordEvent(trx, ctx, {
      action: 'calendar.year_loaded',
      objectType: 'calendar_year',
      objectId: input.year,
      agencyId: null,
      before: before ? toCalendarYearRecord(before) : undefined,
      after: toCalendarYearRecord(after),
      note: before
        ? `重新载入${input.year}年放假安排（第${version}版）：${source.title}`
        : `载入${input.year}年放假安排：${source.title}`,
    });
    await notifyCalendarChanged(trx, ctx, {
      reason: 'year_loaded',
      years: [input.year],
      agencyId: null,
      calendar: (agencyId = null) => loadCalendar(trx, agencyId),
    });
    return after;
  });
  invalidateCalendarCache();
  return result;
}
