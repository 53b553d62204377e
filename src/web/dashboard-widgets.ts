import type { VNode } from 'preact';
import type { Ctx } from '../context.ts';
import type { User } from '../org/org.ts';

/**
 * Dashboard cards contributed by features (due-soon requests, overdue publications, …). Each returns null
 * when it has nothing to show for this user. A feature lists its cards in its manifest (`widgets`).
 */
export type DashboardWidget = (ctx: Ctx, user: User) => Promise<VNode | null>;
