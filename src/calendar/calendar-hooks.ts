/**
 * The recompute hook (disclosure-rules.md §4.1: "If a year's data is corrected, recompute all open deadlines
 * that depend on it and log the change"). Features holding deadlines register a listener; every calendar change
 * calls the listeners inside its transaction, so recomputed deadlines and their audit rows commit with it.
 */
import type { Ctx } from '../context.ts';
import type { Trx } from '../db/database.ts';
import type { WorkCalendar } from './calendar.ts';

export type CalendarChangeReason =
  | 'year_loaded'
  | 'day_changed'
  | 'regional_holiday_added'
  | 'regional_holiday_changed'
  | 'regional_holiday_removed';

export interface CalendarChange {
  reason: CalendarChangeReason;
  /** The calendar years whose working days may have changed. */
  years: readonly number[];
  /** For a regional holiday: the agency concerned (its deadlines only); null for the national calendar. */
  agencyId: number | null;
  /** The calendar as it is after the change, read inside the transaction (national, or with an agency's days). */
  calendar(agencyId?: number | null): Promise<WorkCalendar>;
}

/** Called inside the change's transaction; recompute, write, and audit with recordEvent(trx, ctx, …). */
export type CalendarChangeListener = (trx: Trx, ctx: Ctx, change: CalendarChange) => Promise<void>;

const listeners = new Set<CalendarChangeListener>();
let installed: readonly CalendarChangeListener[] = [];

/** Install the features' listeners (src/features.ts `wireFeatures`, called explicitly at start); replaces any earlier set. */
export function installCalendarListeners(list: readonly CalendarChangeListener[]): void {
  installed = list;
}

/** Register an extra listener (tests); returns a function that unregisters it. Features use their manifest. */
export function onCalendarChanged(listener: CalendarChangeListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Run every listener in registration order (used by the calendar use cases only). */
export async function notifyCalendarChanged(trx: Trx, ctx: Ctx, change: CalendarChange): Promise<void> {
  for (const l of [...installed, ...listeners]) await l(trx, ctx, change);
}
