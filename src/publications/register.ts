/**
 * Wires 主动公开 into the shared registries: the daily sweep job and its schedule, the calendar recompute hook, the
 * dashboard widget. Imported by the feature's web routes; safe to import more than once. (The catalogue seed is a
 * line in src/setup.ts `seeds`.)
 */
import { jobHandlers } from '../jobs/queue.ts';
import { schedules } from '../jobs/schedules.ts';
import { onCalendarChanged } from '../calendar/calendar-hooks.ts';
import { recomputeDueDates, sweepPublications, SWEEP_JOB } from './sweep-publications.ts';

let registered = false;

export function registerPublications(): void {
  if (registered) return;
  registered = true;
  jobHandlers.set(SWEEP_JOB, async (ctx) => {
    await sweepPublications(ctx);
  });
  // Its own kind beside the shared daily_sweep (one handler per kind): queued once a day by every instance's
  // cron, run once thanks to the unique key.
  schedules.push({ kind: SWEEP_JOB, cron: '15 7 * * *', uniqueKey: (c) => `${SWEEP_JOB}:${c.today()}` });
  onCalendarChanged(recomputeDueDates);
}

registerPublications();
