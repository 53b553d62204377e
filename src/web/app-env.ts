import type { Hono, Context } from 'hono';
import type { Db } from '../db/database.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Ctx } from '../context.ts';
import type { SessionInfo } from '../auth/session.ts';
import type { PortalWatch } from '../portal/portal-watch.ts';
import type { NavItem } from './views/nav.ts';
import type { DashboardWidget } from './dashboard-widgets.ts';

/** What the features contribute to the office shell, computed once when the app is built (src/features.ts). */
export interface Shell {
  nav: readonly NavItem[];
  widgets: readonly { order: number; widget: DashboardWidget }[];
  auditLabels: Readonly<Record<string, string>>;
}

/** What the web layer is built from. */
export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
  logger: Logger;
  /** Hears of portal changes made by any node (PostgreSQL); without it the page cache reads the version per request. */
  portalWatch?: PortalWatch;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    shell: Shell;
    ctx: Ctx;
    session: SessionInfo | null;
    /** CSRF token to embed in forms: the session's, or the anonymous double-submit cookie's. */
    csrf: string;
    largeFont: boolean;
    /** 适老化 mode (portal): high contrast, wider spacing, read-aloud, large font. */
    care: boolean;
    /** A one-shot message carried over a redirect. */
    flash: string | null;
  };
}

export type App = Hono<AppEnv>;
export type C = Context<AppEnv>;

/** A feature's web routes: it receives the app and adds its handlers. */
export type RouteModule = (app: App) => void;
