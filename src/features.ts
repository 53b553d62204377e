/**
 * The one list of features. The web app (routes, menu, dashboard cards, audit labels), the CLI (commands), set-up
 * (seeds, calendar listeners), the demo loader and the job worker (handlers, schedules) all read it; a new feature
 * adds its manifest (`src/<feature>/feature.ts`) here and nowhere else. Everything below is computed on call, never
 * at import time, so import cycles through the composition root cannot see a half-built list.
 */
import type { Feature, Seed, DemoExtension } from './feature.ts';
import type { JobHandler } from './jobs/queue.ts';
import type { Schedule } from './jobs/schedules.ts';
import type { NavItem } from './web/views/nav.ts';
import type { DashboardWidget } from './web/dashboard-widgets.ts';
import type { RouteModule } from './web/app-env.ts';
import type { CliCommand } from './cli/command.ts';
import type { CalendarChangeListener } from './calendar/calendar-hooks.ts';
import type { WaitingSource } from './notifications/waiting-item.ts';
import { FOUNDATION_AUDIT_LABELS } from './audit/audit-event.ts';
import { installCalendarListeners } from './calendar/calendar-hooks.ts';
import { orgFeature } from './org/feature.ts';
import { calendarFeature } from './calendar/feature.ts';
import { auditFeature } from './audit/feature.ts';
import { notificationsFeature } from './notifications/feature.ts';
import { annualReportFeature } from './annual-report/feature.ts';
import { publicationsFeature } from './publications/feature.ts';
import { requestsFeature } from './requests/feature.ts';
import { dashboardsFeature } from './dashboards/feature.ts';
import { reportGraphicFeature } from './annual-report/graphic/feature.ts';
import { openDataFeature } from './open-data/feature.ts';
import { feedsFeature } from './feeds/feature.ts';
import { supervisionFeature } from './supervision/feature.ts';
import { inquiriesFeature } from './inquiries/feature.ts';
import { villagesFeature } from './villages/feature.ts';
import { countyFeature } from './county/feature.ts';
import { uploadsFeature } from './uploads/feature.ts';

/**
 * A manifest, or a function returning it (features inside an import cycle with the CLI or set-up). A function
 * also type-checks as a `Feature` (it has a `name`), so entries are told apart at run time, not by the type.
 */
type FeatureEntry = Feature | (() => Feature);

const entries: () => FeatureEntry[] = () => [
  orgFeature,
  auditFeature,
  notificationsFeature,
  calendarFeature,
  annualReportFeature,
  publicationsFeature,
  requestsFeature,
  dashboardsFeature,
  reportGraphicFeature,
  openDataFeature,
  feedsFeature,
  supervisionFeature,
  inquiriesFeature,
  villagesFeature,
  countyFeature,
  uploadsFeature,
];

export function features(): readonly Feature[] {
  return entries().map((e) => (typeof e === 'function' ? e() : e));
}

const all = <T>(pick: (f: Feature) => readonly T[] | undefined): T[] =>
  features().flatMap((f) => pick(f) ?? []);

export const featureRoutes = (): RouteModule[] => all((f) => f.routes);
export const featureNav = (): NavItem[] => all((f) => f.nav);
export const featureWidgets = (): { order: number; widget: DashboardWidget }[] => all((f) => f.widgets);
export const featureSeeds = (): Seed[] => all((f) => f.seeds);
export const featureDemo = (): DemoExtension[] => all((f) => f.demo);
export const featureSchedules = (): Schedule[] => all((f) => f.schedules);
export const featureCommands = (): CliCommand[] => all((f) => f.commands);
export const featureWaiting = (): WaitingSource[] => all((f) => (f.waiting ? [f.waiting] : []));
export const featureCalendarListeners = (): CalendarChangeListener[] => all((f) => f.calendarListeners);

/** Job handlers of every feature, by kind; a kind declared twice is a wiring error. */
export function featureJobHandlers(): Map<string, JobHandler> {
  const m = new Map<string, JobHandler>();
  for (const f of features())
    for (const [kind, h] of Object.entries(f.jobs ?? {})) {
      if (m.has(kind)) throw new Error(`job kind ${kind} is declared by two features`);
      m.set(kind, h);
    }
  return m;
}

/** Chinese labels of every audit action: the foundation's and each feature's. */
export function auditLabels(): Record<string, string> {
  return Object.assign({}, FOUNDATION_AUDIT_LABELS, ...features().map((f) => f.auditLabels ?? {}));
}

/**
 * Install what must be in place before any use case runs (the features' calendar listeners). Called explicitly by
 * every entry point (set-up, the web app, the test database); idempotent.
 */
export function wireFeatures(): void {
  installCalendarListeners(featureCalendarListeners());
}
