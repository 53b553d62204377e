import type { VNode } from 'preact';
import type { Ctx } from '../context.ts';
import type { User } from '../org/org.ts';
import { requestsWidget } from './requests-widget.tsx';
import { inquiriesWidget } from './inquiries-widget.tsx';

/**
 * Dashboard cards contributed by features (due-soon requests, overdue publications, …). Each returns null
 * when it has nothing to show for this user. A feature adds its widget to this list.
 */
export type DashboardWidget = (ctx: Ctx, user: User) => Promise<VNode | null>;

export const dashboardWidgets: { order: number; widget: DashboardWidget }[] = [
  { order: 10, widget: requestsWidget },
  { order: 30, widget: inquiriesWidget },
];
