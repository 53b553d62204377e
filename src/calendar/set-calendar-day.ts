/**
 * An admin corrects one day of a loaded year: make it a rest day, a make-up working day (Saturday or Sunday only,
 * disclosure-rules.md §4.1), or back to the normal week. The year's version grows; audited; listeners recompute.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { assertCan, InvalidStateError, parseInput, ValidationError } from '../errors.ts';
import { calendarPolicy } from './calendar.policy.ts';
import { recordEvent } from '../audit/record-event.ts';
import { isWeekendDay, toDayNumber } from './dates.ts';
import { findCalendarYear, setCalendarDay as writeDay, touchCalendarYear } from './calendar.queries.ts';
import { notifyCalendarChanged } from './calendar-hooks.ts';
import { invalidateCalendarCache, loadCalendar } from './get-calendar.ts';
import { loadedBy } from './load-calendar-year.ts';
import { dateInput } from './date-input.ts';

export const SetCalendarDayInput = z.object({
  date: dateInput('日期'),
  /** rest: a day off; workday: a make-up working day; normal: follow the normal week. */
  kind: z.enum(['rest', 'workday', 'normal']),
  name: z.string().trim().max(50, '名称过长').optional(),
});
export type SetCalendarDayInput = z.infer<typeof SetCalendarDayInput>;

/** Change one day of a loaded year; returns the year's new version. */
export async function setCalendarDay(
  ctx: Ctx,
  raw: SetCalendarDayInput,
): Promise<{ year: number; version: number }> {
  assertCan(calendarPolicy.manage(ctx.actor), { message: '只有平台管理员可以修改工作日历' });
  const input = parseInput(SetCalendarDayInput, raw);
  const year = Number(input.date.slice(0, 4));
  if (input.kind === 'workday' && !isWeekendDay(toDayNumber(input.date))) {
    throw new ValidationError(`${input.date} 不是周六或周日，不能作为调休上班日`, { date: '不是周六或周日' });
  }
  if (input.kind !== 'normal' && !input.name) throw new ValidationError('请填写假日名称', { name: '必填' });
  const by = loadedBy(ctx);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const current = await findCalendarYear(trx, year);
    if (!current) throw new InvalidStateError(`${year}年放假安排尚未载入，请先载入该年度的国务院办公厅通知`);
    const before = current.days.find((d) => d.date === input.date) ?? null;
    const entry = input.kind === 'normal' ? null : { isWorkday: input.kind === 'workday', name: input.name! };
    await writeDay(trx, year, input.date, entry);
    const version = current.version + 1;
    await touchCalendarYear(trx, year, version, { ...by, at: ctx.clock.now().toISOString() });
    await recordEvent(trx, ctx, {
      action: 'calendar.day_changed',
      objectType: 'calendar_day',
      objectId: input.date,
      agencyId: null,
      before: before ? { isWorkday: before.isWorkday, name: before.name } : null,
      after: entry ? { ...entry, version } : { normal: true, version },
      note: `修改${input.date}（${year}年日历第${version}版）`,
    });
    await notifyCalendarChanged(trx, ctx, {
      reason: 'day_changed',
      years: [year],
      agencyId: null,
      calendar: (agencyId = null) => loadCalendar(trx, agencyId),
    });
    return { year, version };
  });
  invalidateCalendarCache();
  return result;
}
