/** 主动公开 and the portal's publication pages: everything the feature plugs in (read by src/features.ts). */
import type { Feature } from '../feature.ts';
import { recomputeDueDates, sweepPublications, SWEEP_JOB } from './sweep-publications.ts';
import { catalogueSeed } from './seed-catalogue.ts';
import { PUBLICATION_AUDIT_LABELS } from './publication-audit.ts';
import { publicationOfficeRoutes, timelinessWidget } from '../web/routes/office/publications.tsx';
import { publicationAdminRoutes } from '../web/routes/office/publication-admin.tsx';
import { publicationSettingsRoutes } from '../web/routes/office/publication-settings.tsx';
import { publicationPortalRoutes } from '../web/routes/public/publications.tsx';
import { guideRoutes } from '../web/routes/public/guide.tsx';
import { loadPortalDemo } from './portal-demo.ts';
import { guideContactRoutes } from '../web/routes/office/guide-contact.tsx';
import { periodKey } from '../jobs/schedules.ts';
import { listPublicationWaiting } from './waiting.ts';

// A function, not a constant: the CLI's commands and set-up import each other through this list, and a
// function declaration is ready before any module of the cycle runs.
export function publicationsFeature(): Feature {
  return {
    name: 'publications',
    waiting: listPublicationWaiting,
    routes: [
      publicationOfficeRoutes,
      publicationAdminRoutes,
      publicationSettingsRoutes,
      guideContactRoutes,
      guideRoutes,
      publicationPortalRoutes,
    ],
    nav: [
      { href: '/office/publications', label: '主动公开', roles: [], agencyWide: true, order: 20 },
      { href: '/office/registers', label: '第二十条登记', roles: ['admin', 'clerk'], order: 25 },
      { href: '/office/catalogue', label: '公开目录', roles: ['admin'], order: 26 },
      { href: '/office/publication-settings', label: '公开设置', roles: ['admin'], order: 26.5 },
      { href: '/office/portal-pages/guide', label: '指南与制度', roles: ['admin', 'clerk'], order: 27 },
    ],
    widgets: [{ order: 20, widget: timelinessWidget }],
    jobs: {
      [SWEEP_JOB]: async (ctx) => {
        await sweepPublications(ctx);
      },
    },
    schedules: [{ kind: SWEEP_JOB, cron: '15 7 * * *', uniqueKey: periodKey.day(SWEEP_JOB) }],
    seeds: [catalogueSeed],
    demo: [{ name: 'portal-pages', run: loadPortalDemo }],
    calendarListeners: [recomputeDueDates],
    auditLabels: PUBLICATION_AUDIT_LABELS,
  };
}
