import type { Clock } from '../clock.ts';

/**
 * Recurring jobs. The cron pattern fires on every instance; the unique key (derived from the business date) makes
 * sure the job is queued once, so it runs exactly once however many instances are up. Features list their
 * schedules in their manifest (requests.daily_alerts, publications.daily_sweep, …) beside their handlers.
 */
export interface Schedule {
  kind: string;
  /** croner pattern, evaluated in Asia/Shanghai. */
  cron: string;
  uniqueKey(clock: Clock): string;
}

/** ISO week of a 'YYYY-MM-DD' date, e.g. '2026-W09'. */
export function isoWeek(d: string): string {
  const date = new Date(`${d}T00:00:00Z`);
  const day = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  const week =
    1 +
    Math.round(
      ((date.getTime() - firstThursday.getTime()) / 86400000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7,
    );
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Unique keys for a job run once per business day, ISO week or month (每日巡查 / 每周提醒 / 每月通报). */
export const periodKey = {
  day: (kind: string) => (c: Clock) => `${kind}:${c.today()}`,
  week: (kind: string) => (c: Clock) => `${kind}:${isoWeek(c.today())}`,
  month: (kind: string) => (c: Clock) => `${kind}:${c.today().slice(0, 7)}`,
};
