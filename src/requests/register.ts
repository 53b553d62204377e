/**
 * Wires 依申请公开 into the shared registries (job handlers, the daily alert schedule, the calendar recompute
 * hook). Imported by the feature's web routes and CLI command; safe to import more than once.
 */
import { jobHandlers } from '../jobs/queue.ts';
import { schedules } from '../jobs/schedules.ts';
import { onCalendarChanged } from '../calendar/calendar-hooks.ts';
import { recomputeOpenDeadlines } from './recompute-open-deadlines.ts';
import { sendDeadlineAlerts, sendDigestJob, sendSmsJob } from './send-deadline-alerts.ts';

export const DAILY_ALERTS_JOB = 'requests.daily_alerts';

let registered = false;

export function registerRequests(): void {
  if (registered) return;
  registered = true;
  jobHandlers.set(DAILY_ALERTS_JOB, async (ctx) => {
    await sendDeadlineAlerts(ctx);
  });
  jobHandlers.set('requests.send_digest', sendDigestJob);
  jobHandlers.set('requests.send_sms', sendSmsJob);
  // Queued by every instance's cron, run once: the unique key carries the business date.
  schedules.push({
    kind: DAILY_ALERTS_JOB,
    cron: '30 7 * * *',
    uniqueKey: (c) => `${DAILY_ALERTS_JOB}:${c.today()}`,
  });
  onCalendarChanged(async (trx, ctx, change) => {
    await recomputeOpenDeadlines(trx, ctx, change);
  });
}

registerRequests();
