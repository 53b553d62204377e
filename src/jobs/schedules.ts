import type { Clock } from '../clock.ts';

/**
 * Recurring jobs. The cron pattern fires on every instance; the unique key (derived from the business date) makes
 * sure the job is queued once, so it runs exactly once however many instances are up.
 */
export interface Schedule {
  kind: string;
  /** croner pattern, evaluated in Asia/Shanghai. */
  cron: string;
  uniqueKey(clock: Clock): string;
}

const isoWeek = (d: string) => {
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
};

/** 每日巡查 / 每周提醒 / 每月通报: the timeliness routine; features register handlers for these kinds. */
export const schedules: Schedule[] = [
  { kind: 'daily_sweep', cron: '0 7 * * *', uniqueKey: (c) => `daily_sweep:${c.today()}` },
  { kind: 'weekly_reminder', cron: '0 8 * * 1', uniqueKey: (c) => `weekly_reminder:${isoWeek(c.today())}` },
  {
    kind: 'monthly_bulletin',
    cron: '0 9 1 * *',
    uniqueKey: (c) => `monthly_bulletin:${c.today().slice(0, 7)}`,
  },
];
