/**
 * The web app's routes: the shell's own (office guard, sign-in, dashboard, reminders), then every feature's from
 * the features list (src/features.ts), then the portal's catch-all pages last.
 */
import type { RouteModule } from '../app-env.ts';
import { requireUser } from '../office-page.tsx';
import { authRoutes } from './office/auth.tsx';
import { dashboardRoutes } from './office/dashboard.tsx';
import { notificationRoutes } from './office/notifications.tsx';
import { portalRoutes } from './public/portal.tsx';
import { featureRoutes } from '../../features.ts';

const officeGuard: RouteModule = (app) => {
  app.use('/office', requireUser);
  app.use('/office/*', requireUser);
};

export function routeModules(): RouteModule[] {
  return [officeGuard, authRoutes, dashboardRoutes, notificationRoutes, ...featureRoutes(), portalRoutes];
}
