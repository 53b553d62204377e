/** 监督保障: everything the feature plugs into the application (read by src/features.ts). */
import type { Feature } from '../feature.ts';
import { periodKey } from '../jobs/schedules.ts';
import { jobHandler } from '../jobs/queue.ts';
import { SUPERVISION_AUDIT_LABELS } from './supervision-audit.ts';
import { DAILY_JOB, runDailyChecks } from './daily-checks.ts';
import { WEEKLY_JOB, runWeeklyReminder } from './weekly-reminder.ts';
import { MONTHLY_JOB, runMonthlyBulletins } from './bulletin.ts';
import { checklistSeed } from './checklist.queries.ts';
import { loadSupervisionDemo } from './demo.ts';
import { supervisionRoutes } from '../web/routes/office/supervision/routes.ts';
import { supervisionWidget } from '../web/supervision-widget.tsx';
import { supervisionCommand } from './cli/supervision-command.ts';
import { listProblemWaiting } from './waiting.ts';

export const SUPERVISION_ROLES = [
  'clerk',
  'admin',
  'inspector',
  'supervisor',
  'office_head',
  'liaison',
  'deputy_leader',
  'principal_leader',
] as const;

// A function, not a constant: the CLI's commands and set-up import each other through the features list.
export function supervisionFeature(): Feature {
  return {
    name: 'supervision',
    waiting: listProblemWaiting,
    routes: [supervisionRoutes],
    nav: [{ href: '/office/supervision', label: '监督保障', roles: [...SUPERVISION_ROLES], order: 65 }],
    widgets: [{ order: 40, widget: supervisionWidget }],
    // A payload period re-runs a past day/week/month; the schedules queue none.
    jobs: {
      [DAILY_JOB]: jobHandler<{ period?: string } | null>(async (ctx, payload) => {
        await runDailyChecks(ctx, { period: payload?.period });
      }),
      [WEEKLY_JOB]: jobHandler<{ week?: string } | null>(async (ctx, payload) => {
        await runWeeklyReminder(ctx, { week: payload?.week });
      }),
      [MONTHLY_JOB]: jobHandler<{ month?: string } | null>(async (ctx, payload) => {
        await runMonthlyBulletins(ctx, { month: payload?.month });
      }),
    },
    // Each queued with a per-day/week/month unique key: exactly once however many instances are up.
    schedules: [
      { kind: DAILY_JOB, cron: '30 6 * * *', uniqueKey: periodKey.day(DAILY_JOB) },
      { kind: WEEKLY_JOB, cron: '0 8 * * 1', uniqueKey: periodKey.week(WEEKLY_JOB) },
      { kind: MONTHLY_JOB, cron: '0 7 1 * *', uniqueKey: periodKey.month(MONTHLY_JOB) },
    ],
    seeds: [checklistSeed],
    demo: [{ name: 'supervision', run: loadSupervisionDemo }],
    auditLabels: SUPERVISION_AUDIT_LABELS,
    commands: [supervisionCommand],
  };
}
