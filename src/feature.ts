/**
 * What a feature plugs into the application. Each feature exports one `Feature` from `src/<feature>/feature.ts`;
 * `src/features.ts` lists them, and the web app, the CLI, set-up and the job worker read that one list. Nothing is
 * registered as a side effect of importing a module.
 */
import type { Ctx } from './context.ts';
import type { RouteModule } from './web/app-env.ts';
import type { NavItem } from './web/views/nav.ts';
import type { DashboardWidget } from './web/dashboard-widgets.ts';
import type { JobHandler } from './jobs/queue.ts';
import type { Schedule } from './jobs/schedules.ts';
import type { CalendarChangeListener } from './calendar/calendar-hooks.ts';
import type { CliCommand } from './cli/command.ts';
import type { WaitingSource } from './notifications/waiting-item.ts';

export interface Seed {
  name: string;
  run(ctx: Ctx): Promise<void>;
}

export interface DemoExtension {
  name: string;
  run(ctx: Ctx, townshipId: number): Promise<void>;
}

export interface Feature {
  /** Short English name, e.g. 'requests'. */
  name: string;
  /** Web route modules, registered in the order of the features list. */
  routes?: RouteModule[];
  /** Back-office menu entries. */
  nav?: NavItem[];
  /** Dashboard cards. */
  widgets?: { order: number; widget: DashboardWidget }[];
  /** Job handlers by kind. */
  jobs?: Record<string, JobHandler>;
  /** Recurring jobs (use `periodKey` for exactly-once per day / week / month). */
  schedules?: Schedule[];
  /** Idempotent steps run at every start, after migrations. */
  seeds?: Seed[];
  /** Demo records, loaded into the demo township after the core demo. */
  demo?: DemoExtension[];
  /** Called inside every calendar change's transaction. */
  calendarListeners?: CalendarChangeListener[];
  /** Chinese labels of the feature's audit actions. */
  auditLabels?: Record<string, string>;
  /** CLI commands. */
  commands?: CliCommand[];
  /** What the feature's items wait for, on whom (the 待我处理 inbox reads every feature's). */
  waiting?: WaitingSource;
}
