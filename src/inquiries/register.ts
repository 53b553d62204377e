/**
 * Wires 互动交流 into the shared registries: the citizen-message job, the daily reminders and the monthly figures
 * (queued by every instance's cron, run once under a period key). Imported by src/features.ts; safe to import twice.
 */
import { jobHandlers } from '../jobs/queue.ts';
import { periodKey, schedules } from '../jobs/schedules.ts';
import { CITIZEN_JOB, notifyCitizenJob } from './notify-citizen.ts';
import { DAILY_ALERTS_JOB, MONTHLY_FIGURES_JOB, sendInquiryAlerts } from './send-inquiry-alerts.ts';
import { publishMonthlyFigures } from './figures.queries.ts';

let registered = false;

export function registerInquiries(): void {
  if (registered) return;
  registered = true;
  jobHandlers.set(CITIZEN_JOB, notifyCitizenJob);
  jobHandlers.set(DAILY_ALERTS_JOB, async (ctx) => {
    await sendInquiryAlerts(ctx);
  });
  jobHandlers.set(MONTHLY_FIGURES_JOB, async (ctx) => {
    await publishMonthlyFigures(ctx);
  });
  schedules.push({ kind: DAILY_ALERTS_JOB, cron: '40 7 * * *', uniqueKey: periodKey.day(DAILY_ALERTS_JOB) });
  schedules.push({
    kind: MONTHLY_FIGURES_JOB,
    cron: '30 1 1 * *',
    uniqueKey: periodKey.month(MONTHLY_FIGURES_JOB),
  });
}

registerInquiries();
