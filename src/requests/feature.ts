/** 依申请公开: everything the feature plugs into the application (read by src/features.ts). */
import type { Feature } from '../feature.ts';
import { recomputeOpenDeadlines } from './recompute-open-deadlines.ts';
import {
  REBUILD_SUMMARY_JOB,
  rebuildSummaryJob,
  refreshSummaryOnCalendarChange,
  requestSummarySeed,
} from './request-summary.ts';
import { sendDeadlineAlerts, sendDigestJob, sendSmsJob } from './send-deadline-alerts.ts';
import { REQUEST_AUDIT_LABELS } from './request-audit.ts';
import { requestRoutes } from '../web/routes/office/requests.tsx';
import { requestAdminRoutes } from '../web/routes/office/requests-admin.tsx';
import { recordCorrectionRoutes } from '../web/routes/office/record-corrections.tsx';
import { requestsApiRoutes } from '../web/routes/api/requests.ts';
import { applyRoutes } from '../web/routes/public/apply.tsx';
import { trackRoutes } from '../web/routes/public/track.tsx';
import { publicRecordCorrectionRoutes } from '../web/routes/public/record-corrections.tsx';
import { requestsWidget } from '../web/requests-widget.tsx';
import { requestsCommand } from '../cli/commands/requests.ts';
import { periodKey } from '../jobs/schedules.ts';
import { jobHandler } from '../jobs/queue.ts';
import { config } from '../config.ts';
import { purgeExpiredHeldUploads } from '../uploads/held-uploads.ts';
import { fileStoreOf } from '../storage/index.ts';
import { listRequestWaiting } from './waiting.ts';

export const DAILY_ALERTS_JOB = 'requests.daily_alerts';
/** Removes the files held for apply forms that nobody sent again (held-uploads.ts). */
export const PURGE_HELD_UPLOADS_JOB = 'requests.purge_held_uploads';

// A function, not a constant: the CLI's commands and set-up import each other through this list, and a
// function declaration is ready before any module of the cycle runs.
export function requestsFeature(): Feature {
  return {
    name: 'requests',
    waiting: listRequestWaiting,
    routes: [
      recordCorrectionRoutes,
      requestRoutes,
      requestAdminRoutes,
      requestsApiRoutes,
      applyRoutes,
      trackRoutes,
      publicRecordCorrectionRoutes,
    ],
    nav: [
      {
        href: '/office/requests',
        label: '依申请公开',
        roles: [
          'clerk',
          'drafter',
          'office_head',
          'deputy_leader',
          'principal_leader',
          'admin',
          'auditor',
          'inspector',
        ],
        order: 20,
      },
    ],
    widgets: [{ order: 10, widget: requestsWidget }],
    jobs: {
      [DAILY_ALERTS_JOB]: async (ctx) => {
        await sendDeadlineAlerts(ctx);
      },
      'requests.send_digest': jobHandler(sendDigestJob),
      'requests.send_sms': jobHandler(sendSmsJob),
      [REBUILD_SUMMARY_JOB]: rebuildSummaryJob,
      [PURGE_HELD_UPLOADS_JOB]: async (ctx) => {
        await purgeExpiredHeldUploads(ctx.db, fileStoreOf(config()), ctx.clock.now());
      },
    },
    // Queued by every instance's cron, run once: the unique key carries the business date.
    schedules: [
      { kind: DAILY_ALERTS_JOB, cron: '30 7 * * *', uniqueKey: periodKey.day(DAILY_ALERTS_JOB) },
      { kind: PURGE_HELD_UPLOADS_JOB, cron: '15 3 * * *', uniqueKey: periodKey.day(PURGE_HELD_UPLOADS_JOB) },
    ],
    calendarListeners: [
      async (trx, ctx, change) => {
        await recomputeOpenDeadlines(trx, ctx, change);
      },
      refreshSummaryOnCalendarChange,
    ],
    // Queues, once per schema version, the job that summarises every agency not summarised yet.
    seeds: [requestSummarySeed],
    auditLabels: REQUEST_AUDIT_LABELS,
    commands: [requestsCommand],
  };
}
