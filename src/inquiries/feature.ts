/** 互动交流 (inquiries) and 意见征集 (comment calls): everything the feature plugs in (read by src/features.ts). */
import type { Feature } from '../feature.ts';
import { periodKey } from '../jobs/schedules.ts';
import { jobHandler } from '../jobs/queue.ts';
import { INQUIRY_AUDIT_LABELS } from './inquiry-audit.ts';
import { CITIZEN_JOB, notifyCitizenJob } from './notify-citizen.ts';
import { DAILY_ALERTS_JOB, MONTHLY_FIGURES_JOB, sendInquiryAlerts } from './send-inquiry-alerts.ts';
import { publishMonthlyFigures } from './figures.queries.ts';
import { loadInquiriesDemo } from './demo.ts';
import { inquiryAdminRoutes } from '../web/routes/office/inquiries-admin.tsx';
import { commentCallAdminRoutes } from '../web/routes/office/comment-calls-admin.tsx';
import { inquiryIntakeRoutes, inquiryOfficeRoutes } from '../web/routes/office/inquiries.tsx';
import { inquiryPortalRoutes } from '../web/routes/public/inquiries.tsx';
import { inquiriesWidget } from '../web/inquiries-widget.tsx';
import { listInquiryWaiting } from './waiting.ts';

// A function, like the requests manifest: the demo loader and set-up import each other through the features list.
export function inquiriesFeature(): Feature {
  return {
    name: 'inquiries',
    waiting: listInquiryWaiting,
    routes: [
      inquiryAdminRoutes,
      commentCallAdminRoutes,
      inquiryIntakeRoutes,
      inquiryOfficeRoutes,
      inquiryPortalRoutes,
    ],
    nav: [
      {
        href: '/office/inquiries',
        label: '互动交流',
        roles: ['clerk', 'drafter', 'office_head', 'deputy_leader', 'principal_leader', 'admin', 'auditor'],
        order: 30,
      },
    ],
    widgets: [{ order: 30, widget: inquiriesWidget }],
    jobs: {
      [CITIZEN_JOB]: jobHandler(notifyCitizenJob),
      [DAILY_ALERTS_JOB]: async (ctx) => {
        await sendInquiryAlerts(ctx);
      },
      [MONTHLY_FIGURES_JOB]: async (ctx) => {
        await publishMonthlyFigures(ctx);
      },
    },
    // Queued by every instance's cron, run once per business day / month under the period key.
    schedules: [
      { kind: DAILY_ALERTS_JOB, cron: '40 7 * * *', uniqueKey: periodKey.day(DAILY_ALERTS_JOB) },
      { kind: MONTHLY_FIGURES_JOB, cron: '30 1 1 * *', uniqueKey: periodKey.month(MONTHLY_FIGURES_JOB) },
    ],
    demo: [{ name: 'inquiries', run: loadInquiriesDemo }],
    auditLabels: INQUIRY_AUDIT_LABELS,
  };
}
