/** All SQL of the calendar feature: rows ↔ domain objects, normalised at this boundary. */
import type { DbOrTrx } from '../db/database.ts';
import { fromBool, toBool, toNumber } from '../db/values.ts';
import type { CalendarDayEntry, CalendarYearData } from './calendar-year.ts';
import type { RegionalHoliday } from './calendar.ts';

/** A loaded year's record without its days: what the year list shows. */
export interface CalendarYearSummary {
  year: number;
  version: number;
  source: { title: string; docNo: string | null; url: string | null };
  loadedBy: number | null;
  loadedByName: string | null;
  loadedAt: string;
}

export interface StoredRegionalHoliday extends RegionalHoliday {
  id: number;
  agencyId: number;
  basis: string | null;
  createdAt: string;
}

type YearRow = {
  year: unknown;
  version: unknown;
  source_title: string;
  source_doc_no: string | null;
  source_url: string | null;
  loaded_by: unknown;
  loaded_by_name: string | null;
  loaded_at: string;
};

function toSummary(r: YearRow): CalendarYearSummary {
  return {
    year: toNumber(r.year),
    version: toNumber(r.version),
    source: { title: r.source_title, docNo: r.source_doc_no, url: r.source_url },
    loadedBy: r.loaded_by == null ? null : toNumber(r.loaded_by),
    loadedByName: r.loaded_by_name,
    loadedAt: r.loaded_at,
  };
}

/** Every loaded year, oldest first. */
export async function listCalendarYearSummaries(db: DbOrTrx): Promise<CalendarYearSummary[]> {
  const rows = await db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
  return rows.map(toSummary);
}

export async function findCalendarYearSummary(
  db: DbOrTrx,
  year: number,
): Promise<CalendarYearSummary | undefined> {
  const r = await db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
  return r && toSummary(r);
}

/** Every loaded year with its days, as the WorkCalendar consumes them. */
export async function listCalendarYears(db: DbOrTrx): Promise<CalendarYearData[]> {
  const [years, days] = await Promise.all([
    listCalendarYearSummaries(db),
    db.selectFrom('calendar_days').selectAll().orderBy('date').execute(),
  ]);
  const byYear = new Map<number, CalendarDayEntry[]>();
  for (const d of days) {
    const y = toNumber(d.year);
    const list = byYear.get(y) ?? [];
    list.push({ date: d.date, isWorkday: toBool(d.is_workday), name: d.name });
    byYear.set(y, list);
  }
  return years.map((y) => ({
    year: y.year,
    version: y.version,
    source: y.source,
    days: byYear.get(y.year) ?? [],
  }));
}

/** One loaded year with its days. */
export async function findCalendarYear(db: DbOrTrx, year: number): Promise<CalendarYearData | undefined> {
  const y = await findCalendarYearSummary(db, year);
  if (!y) return undefined;
  const days = await db
    .selectFrom('calendar_days')
    .selectAll()
    .where('year', '=', year)
    .orderBy('date')
    .execute();
  return {
    year: y.year,
    version: y.version,
    source: y.source,
    days: days.map((d) => ({ date: d.date, isWorkday: toBool(d.is_workday), name: d.name })),
  };
}

export interface YearWrite {
  year: number;
  version: number;
  source: { title: string; docNo: string | null; url: string | null };
  loadedBy: number | null;
  loadedByName: string | null;
  loadedAt: string;
}

/** Insert or update a year's record (not its days). */
export async function saveCalendarYearRecord(trx: DbOrTrx, w: YearWrite, exists: boolean): Promise<void> {
  const values = {
    source_title: w.source.title,
    source_doc_no: w.source.docNo,
    source_url: w.source.url,
    version: w.version,
    loaded_by: w.loadedBy,
    loaded_by_name: w.loadedByName,
    loaded_at: w.loadedAt,
  };
  if (exists) await trx.updateTable('calendar_years').set(values).where('year', '=', w.year).execute();
  else
    await trx
      .insertInto('calendar_years')
      .values({ year: w.year, ...values })
      .execute();
}

/** Replace every day of a year. */
export async function replaceCalendarDays(
  trx: DbOrTrx,
  year: number,
  days: readonly CalendarDayEntry[],
): Promise<void> {
  await trx.deleteFrom('calendar_days').where('year', '=', year).execute();
  if (days.length === 0) return;
  await trx
    .insertInto('calendar_days')
    .values(days.map((d) => ({ date: d.date, year, is_workday: fromBool(d.isWorkday), name: d.name })))
    .execute();
}

/** Set one day of a loaded year (null entry: back to the normal week). */
export async function setCalendarDay(
  trx: DbOrTrx,
  year: number,
  date: string,
  entry: { isWorkday: boolean; name: string } | null,
): Promise<void> {
  await trx.deleteFrom('calendar_days').where('date', '=', date).execute();
  if (entry) {
    await trx
      .insertInto('calendar_days')
      .values({ date, year, is_workday: fromBool(entry.isWorkday), name: entry.name })
      .execute();
  }
}

/** Bump a year's version and record who changed it. */
export async function touchCalendarYear(
  trx: DbOrTrx,
  year: number,
  version: number,
  by: { id: number | null; name: string | null; at: string },
): Promise<void> {
  await trx
    .updateTable('calendar_years')
    .set({ version, loaded_by: by.id, loaded_by_name: by.name, loaded_at: by.at })
    .where('year', '=', year)
    .execute();
}

function toRegional(r: {
  id: unknown;
  agency_id: unknown;
  date: string;
  name: string;
  basis: string | null;
  created_at: string;
}): StoredRegionalHoliday {
  return {
    id: toNumber(r.id),
    agencyId: toNumber(r.agency_id),
    date: r.date,
    name: r.name,
    basis: r.basis,
    createdAt: r.created_at,
  };
}

/** An agency's regional holidays, by date. */
export async function listRegionalHolidays(db: DbOrTrx, agencyId: number): Promise<StoredRegionalHoliday[]> {
  const rows = await db
    .selectFrom('regional_holidays')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('date')
    .execute();
  return rows.map(toRegional);
}

/** The regional days of several agencies, each agency's in id order (as its cache fingerprint lists them). */
export async function listRegionalHolidaysOf(
  db: DbOrTrx,
  agencyIds: readonly number[],
): Promise<Map<number, StoredRegionalHoliday[]>> {
  const out = new Map<number, StoredRegionalHoliday[]>();
  if (!agencyIds.length) return out;
  const rows = await db
    .selectFrom('regional_holidays')
    .selectAll()
    .where('agency_id', 'in', [...agencyIds])
    .orderBy('id')
    .execute();
  for (const r of rows.map(toRegional)) {
    const list = out.get(r.agencyId) ?? [];
    list.push(r);
    out.set(r.agencyId, list);
  }
  return out;
}

export async function findRegionalHoliday(
  db: DbOrTrx,
  id: number,
): Promise<StoredRegionalHoliday | undefined> {
  const r = await db.selectFrom('regional_holidays').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toRegional(r);
}

export async function findRegionalHolidayByDate(
  db: DbOrTrx,
  agencyId: number,
  date: string,
): Promise<StoredRegionalHoliday | undefined> {
  const r = await db
    .selectFrom('regional_holidays')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('date', '=', date)
    .executeTakeFirst();
  return r && toRegional(r);
}

export async function insertRegionalHoliday(
  trx: DbOrTrx,
  h: { agencyId: number; date: string; name: string; basis: string | null; createdAt: string },
): Promise<number> {
  const r = await trx
    .insertInto('regional_holidays')
    .values({ agency_id: h.agencyId, date: h.date, name: h.name, basis: h.basis, created_at: h.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return toNumber(r.id);
}

export async function updateRegionalHoliday(
  trx: DbOrTrx,
  id: number,
  h: { date: string; name: string; basis: string | null },
): Promise<void> {
  await trx.updateTable('regional_holidays').set(h).where('id', '=', id).execute();
}

export async function deleteRegionalHoliday(trx: DbOrTrx, id: number): Promise<void> {
  await trx.deleteFrom('regional_holidays').where('id', '=', id).execute();
}

/**
 * A cheap fingerprint of the calendar an agency sees: it changes whenever a year is loaded or edited (versions
 * only grow) or a regional holiday of the agency is added, changed or removed.
 */
export async function calendarFingerprint(db: DbOrTrx, agencyId: number | null): Promise<string> {
  const y = await db
    .selectFrom('calendar_years')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum<number>('version').as('v')])
    .executeTakeFirstOrThrow();
  let regional = '';
  if (agencyId != null) {
    // An agency has a handful of regional days: list them (an edit keeps count and ids, so those would not do).
    const rows = await db
      .selectFrom('regional_holidays')
      .select(['id', 'date', 'name'])
      .where('agency_id', '=', agencyId)
      .orderBy('id')
      .execute();
    regional = rows.map((r) => `|${toNumber(r.id)},${r.date},${r.name}`).join('');
  }
  return `${toNumber(y.n)}:${y.v == null ? 0 : toNumber(y.v)}${regional}`;
}
