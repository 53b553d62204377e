/** The WorkCalendar from the database: cached per database handle and agency, rebuilt when the data changes. */
import type { DbOrTrx } from '../db/database.ts';
import { WorkCalendar } from './calendar.ts';
import {
  calendarFingerprint,
  listCalendarYears,
  listRegionalHolidays,
  listRegionalHolidaysOf,
} from './calendar.queries.ts';

interface Entry {
  fingerprint: string;
  calendar: WorkCalendar;
}

let caches = new WeakMap<object, Map<number | null, Entry>>();

/** The fingerprint of the data each calendar read here was built from (calendarFingerprint's value). */
const fingerprints = new WeakMap<WorkCalendar, string>();

/**
 * The calendar fingerprint a calendar from getCalendar / getCalendars / loadCalendars was built on (undefined for a
 * calendar built elsewhere): what a figure computed on it was computed on.
 */
export function fingerprintOf(calendar: WorkCalendar): string | undefined {
  return fingerprints.get(calendar);
}

/** Read the calendar without the cache (inside a transaction, after a change). */
export async function loadCalendar(db: DbOrTrx, agencyId: number | null = null): Promise<WorkCalendar> {
  const [years, regional] = await Promise.all([
    listCalendarYears(db),
    agencyId == null ? Promise.resolve([]) : listRegionalHolidays(db, agencyId),
  ]);
  return new WorkCalendar({ years, regional, agencyId });
}

/**
 * The working-day calendar, national or for an agency (with its regional holidays). Cached; a cheap fingerprint
 * query detects changes made by this or any other process, so a cached calendar is never stale.
 */
export async function getCalendar(db: DbOrTrx, agencyId: number | null = null): Promise<WorkCalendar> {
  let perDb = caches.get(db);
  if (!perDb) {
    perDb = new Map();
    caches.set(db, perDb);
  }
  const fingerprint = await calendarFingerprint(db, agencyId);
  const hit = perDb.get(agencyId);
  if (hit && hit.fingerprint === fingerprint) return hit.calendar;
  const calendar = await loadCalendar(db, agencyId);
  perDb.set(agencyId, { fingerprint, calendar });
  fingerprints.set(calendar, fingerprint);
  return calendar;
}

/** Drop cached calendars (called after every change commits). */
export function invalidateCalendarCache(): void {
  caches = new WeakMap();
}

/**
 * The calendars of several agencies with two queries in all (the loaded years, and the regional days of every agency
 * asked for), each reused from the cache when its fingerprint is unchanged: the same answer as getCalendar per agency.
 */
export async function getCalendars(
  db: DbOrTrx,
  agencyIds: readonly number[],
): Promise<Map<number, WorkCalendar>> {
  let perDb = caches.get(db);
  if (!perDb) {
    perDb = new Map();
    caches.set(db, perDb);
  }
  return calendarsOf(db, agencyIds, perDb);
}

/**
 * The same, read afresh (no cache): inside a transaction, where the calendar must be the one the transaction sees.
 * Each calendar's fingerprint is known to fingerprintOf.
 */
export async function loadCalendars(
  db: DbOrTrx,
  agencyIds: readonly number[],
): Promise<Map<number, WorkCalendar>> {
  return calendarsOf(db, agencyIds, new Map());
}

async function calendarsOf(
  db: DbOrTrx,
  agencyIds: readonly number[],
  perDb: Map<number | null, Entry>,
): Promise<Map<number, WorkCalendar>> {
  const out = new Map<number, WorkCalendar>();
  if (!agencyIds.length) return out;
  const [base, regional] = await Promise.all([
    calendarFingerprint(db, null),
    listRegionalHolidaysOf(db, agencyIds),
  ]);
  let years: Awaited<ReturnType<typeof listCalendarYears>> | undefined;
  for (const id of agencyIds) {
    const days = regional.get(id) ?? [];
    const fingerprint = base + days.map((r) => `|${r.id},${r.date},${r.name}`).join('');
    const hit = perDb.get(id);
    if (hit && hit.fingerprint === fingerprint) {
      out.set(id, hit.calendar);
      continue;
    }
    years ??= await listCalendarYears(db);
    const calendar = new WorkCalendar({ years, regional: days, agencyId: id });
    perDb.set(id, { fingerprint, calendar });
    fingerprints.set(calendar, fingerprint);
    out.set(id, calendar);
  }
  return out;
}
