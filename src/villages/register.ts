/**
 * Wires 村级公开 into the shared registries: the daily sweep job and its schedule. Imported from src/features.ts.
 * (The template seed is a line in src/setup.ts `seeds`; the demo a line in src/demo/load-demo.ts `demoExtensions`.)
 */
import { jobHandlers } from '../jobs/queue.ts';
import { periodKey, schedules } from '../jobs/schedules.ts';
import { sendVillageReminders, VILLAGE_SWEEP_JOB } from './send-village-reminders.ts';

let registered = false;

export function registerVillages(): void {
  if (registered) return;
  registered = true;
  jobHandlers.set(VILLAGE_SWEEP_JOB, async (ctx) => {
    await sendVillageReminders(ctx);
  });
  schedules.push({
    kind: VILLAGE_SWEEP_JOB,
    cron: '30 7 * * *',
    uniqueKey: periodKey.day(VILLAGE_SWEEP_JOB),
  });
}

registerVillages();
