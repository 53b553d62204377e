/**
 * Regional statutory holidays of an agency: where a 民族自治地方 sets its own holidays, they are rest days in that
 * agency's deadlines (issue 2 point 7). Add, change, remove — each audited, with deadline holders recomputing.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import type { Trx } from '../db/database.ts';
import { assertCan, ConflictError, NotFoundError, parseInput } from '../errors.ts';
import { orgPolicy } from '../org/org.policy.ts';
import { calendarPolicy } from './calendar.policy.ts';
import { agencyScope } from '../org/org.queries.ts';
import { recordEvent } from '../audit/record-event.ts';
import {
  deleteRegionalHoliday,
  findRegionalHoliday,
  findRegionalHolidayByDate,
  insertRegionalHoliday,
  updateRegionalHoliday,
  type StoredRegionalHoliday,
} from './calendar.queries.ts';
import { notifyCalendarChanged, type CalendarChangeReason } from './calendar-hooks.ts';
import { invalidateCalendarCache, loadCalendar } from './get-calendar.ts';
import { dateInput } from './date-input.ts';

export const RegionalHolidayInput = z.object({
  date: dateInput('日期'),
  name: z.string().trim().min(1, '请填写假日名称').max(50, '名称过长'),
  /** The local regulation that sets it (e.g. 自治条例 article). */
  basis: z.string().trim().max(200, '依据过长').nullish(),
});
export type RegionalHolidayInput = z.infer<typeof RegionalHolidayInput>;

async function authorize(ctx: Ctx, agencyId: number): Promise<void> {
  const scope = await agencyScope(ctx.db, agencyId);
  // Another agency's holiday answers like a missing one.
  assertCan(calendarPolicy.manageRegional(ctx.actor, scope), { hide: !orgPolicy.view(ctx.actor, scope) });
}

async function changed(trx: Trx, ctx: Ctx, reason: CalendarChangeReason, agencyId: number, dates: string[]) {
  await notifyCalendarChanged(trx, ctx, {
    reason,
    years: [...new Set(dates.map((d) => Number(d.slice(0, 4))))],
    agencyId,
    calendar: (a = agencyId) => loadCalendar(trx, a),
  });
}

/** Add a regional holiday to an agency. */
export async function addRegionalHoliday(
  ctx: Ctx,
  agencyId: number,
  raw: RegionalHolidayInput,
): Promise<StoredRegionalHoliday> {
  await authorize(ctx, agencyId);
  const input = parseInput(RegionalHolidayInput, raw);
  const result = await ctx.db.transaction().execute(async (trx) => {
    if (await findRegionalHolidayByDate(trx, agencyId, input.date)) {
      throw new ConflictError(`${input.date} 已设有地方性假日`);
    }
    const createdAt = ctx.clock.now().toISOString();
    const h = { agencyId, date: input.date, name: input.name, basis: input.basis ?? null, createdAt };
    const id = await insertRegionalHoliday(trx, h);
    await recordEvent(trx, ctx, {
      action: 'calendar.regional_holiday_added',
      objectType: 'regional_holiday',
      objectId: id,
      agencyId,
      after: { date: h.date, name: h.name, basis: h.basis },
      note: `新增地方性假日 ${h.date} ${h.name}`,
    });
    await changed(trx, ctx, 'regional_holiday_added', agencyId, [h.date]);
    return { id, ...h };
  });
  invalidateCalendarCache();
  return result;
}

/** Change a regional holiday's date, name or basis (audited as a removal and an addition of the day). */
export async function updateRegionalHolidayById(
  ctx: Ctx,
  id: number,
  raw: RegionalHolidayInput,
): Promise<StoredRegionalHoliday> {
  const current = await findRegionalHoliday(ctx.db, id);
  if (!current) throw new NotFoundError('未找到该地方性假日');
  await authorize(ctx, current.agencyId);
  const input = parseInput(RegionalHolidayInput, raw);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const clash = await findRegionalHolidayByDate(trx, current.agencyId, input.date);
    if (clash && clash.id !== id) throw new ConflictError(`${input.date} 已设有地方性假日`);
    const next = { date: input.date, name: input.name, basis: input.basis ?? null };
    await updateRegionalHoliday(trx, id, next);
    const before = { date: current.date, name: current.name, basis: current.basis };
    // The audit union has no separate "changed" action: a change is the old day removed and the new one added.
    await recordEvent(trx, ctx, {
      action: 'calendar.regional_holiday_removed',
      objectType: 'regional_holiday',
      objectId: id,
      agencyId: current.agencyId,
      before,
      note: `修改地方性假日：移除 ${current.date} ${current.name}`,
    });
    await recordEvent(trx, ctx, {
      action: 'calendar.regional_holiday_added',
      objectType: 'regional_holiday',
      objectId: id,
      agencyId: current.agencyId,
      before,
      after: next,
      note: `修改地方性假日：设为 ${next.date} ${next.name}`,
    });
    await changed(trx, ctx, 'regional_holiday_changed', current.agencyId, [current.date, next.date]);
    return { ...current, ...next };
  });
  invalidateCalendarCache();
  return result;
}

/** Remove a regional holiday. */
export async function removeRegionalHoliday(ctx: Ctx, id: number): Promise<void> {
  const current = await findRegionalHoliday(ctx.db, id);
  if (!current) throw new NotFoundError('未找到该地方性假日');
  await authorize(ctx, current.agencyId);
  await ctx.db.transaction().execute(async (trx) => {
    await deleteRegionalHoliday(trx, id);
    await recordEvent(trx, ctx, {
      action: 'calendar.regional_holiday_removed',
      objectType: 'regional_holiday',
      objectId: id,
      agencyId: current.agencyId,
      before: { date: current.date, name: current.name, basis: current.basis },
      note: `删除地方性假日 ${current.date} ${current.name}`,
    });
    await changed(trx, ctx, 'regional_holiday_removed', current.agencyId, [current.date]);
  });
  invalidateCalendarCache();
}
