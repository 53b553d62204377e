/** Every feature's web routes, in registration order. A feature adds its module and one line here. */
import type { RouteModule } from '../app-env.ts';
import { requireUser } from '../office-page.tsx';
import { authRoutes } from './office/auth.tsx';
import { dashboardRoutes } from './office/dashboard.tsx';
import { notificationRoutes } from './office/notifications.tsx';
import { orgRoutes } from './office/org.tsx';
import { auditRoutes } from './office/audit.tsx';
import { calendarRoutes } from './office/calendar.tsx';
import { portalRoutes } from './public/portal.tsx';
import { annualReportRoutes } from './office/annual-reports.tsx';
import { annualReportPortalRoutes } from './public/annual-reports.tsx';
import { requestRoutes } from './office/requests.tsx';
import { requestAdminRoutes } from './office/requests-admin.tsx';
import { applyRoutes } from './public/apply.tsx';
import { requestsApiRoutes } from './api/requests.ts';
import { publicationOfficeRoutes } from './office/publications.tsx';
import { publicationAdminRoutes } from './office/publication-admin.tsx';
import { publicationSettingsRoutes } from './office/publication-settings.tsx';
import { publicationPortalRoutes } from './public/publications.tsx';
import { reportCheckRoutes } from './office/report-check.tsx';
import { villageOfficeRoutes } from './office/villages-office.tsx';
import { villageItemRoutes } from './office/villages-items.tsx';
import { villagePortalRoutes } from './public/villages.tsx';

const officeGuard: RouteModule = (app) => {
  app.use('/office', requireUser);
  app.use('/office/*', requireUser);
};

export const routeModules: RouteModule[] = [
  officeGuard,
  authRoutes,
  dashboardRoutes,
  notificationRoutes,
  orgRoutes,
  auditRoutes,
  calendarRoutes,
  reportCheckRoutes,
  publicationOfficeRoutes,
  publicationAdminRoutes,
  publicationSettingsRoutes,
  publicationPortalRoutes,
  requestRoutes,
  requestAdminRoutes,
  requestsApiRoutes,
  applyRoutes,
  annualReportRoutes,
  annualReportPortalRoutes,
  villageOfficeRoutes,
  villageItemRoutes,
  villagePortalRoutes,
  portalRoutes,
];
