/**
 * Wires 监督保障 into the shared registries: the daily checks' providers, the daily/weekly/monthly jobs and their
 * schedules (each queued with a per-day/week/month unique key, so it runs exactly once across instances). Imported
 * from src/features.ts; safe to import more than once. (Routes, nav, widget, seed and demo are single lines in
 * their own lists.)
 */
import { jobHandlers } from '../jobs/queue.ts';
import { periodKey, schedules } from '../jobs/schedules.ts';
import { checkProviders } from './check-provider.ts';
import { CORE_PROVIDERS } from './providers/core-providers.ts';
import { DAILY_JOB, runDailyChecks } from './daily-checks.ts';
import { WEEKLY_JOB, runWeeklyReminder } from './weekly-reminder.ts';
import { MONTHLY_JOB, runMonthlyBulletins } from './bulletin.ts';

let registered = false;

export function registerSupervision(): void {
  if (registered) return;
  registered = true;
  for (const p of CORE_PROVIDERS) if (!checkProviders.some((x) => x.kind === p.kind)) checkProviders.push(p);
  // A payload period re-runs a past day/week/month (from the page or the CLI); the schedule queues none.
  jobHandlers.set(DAILY_JOB, async (ctx, payload) => {
    await runDailyChecks(ctx, { period: payload?.period });
  });
  jobHandlers.set(WEEKLY_JOB, async (ctx, payload) => {
    await runWeeklyReminder(ctx, { week: payload?.week });
  });
  jobHandlers.set(MONTHLY_JOB, async (ctx, payload) => {
    await runMonthlyBulletins(ctx, { month: payload?.month });
  });
  schedules.push(
    { kind: DAILY_JOB, cron: '30 6 * * *', uniqueKey: periodKey.day(DAILY_JOB) },
    { kind: WEEKLY_JOB, cron: '0 8 * * 1', uniqueKey: periodKey.week(WEEKLY_JOB) },
    { kind: MONTHLY_JOB, cron: '0 7 1 * *', uniqueKey: periodKey.month(MONTHLY_JOB) },
  );
}

registerSupervision();
