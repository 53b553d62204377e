/**
 * A user's reminders (提醒): written by the daily jobs and by deadline recomputation, read on the dashboard and the
 * reminders page, and marked read by their owner only.
 */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { DomainError } from '../errors.ts';

export interface Notification {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The newest reminders of a user (unread first when asked). */
export async function listNotifications(
  db: DbOrTrx,
  userId: number,
  opts: { unreadOnly?: boolean; limit?: number } = {},
): Promise<Notification[]> {
  let q = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

export async function countUnread(db: DbOrTrx, userId: number): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Mark the actor's own reminders read: the given ids, or all of them. Reading a reminder is not a change to any
 * record, so it is not audited. Ids of other users' reminders are ignored (never an error that reveals them).
 */
export async function markNotificationsRead(ctx: Ctx, ids: number[] | 'all'): Promise<number> {
  if (ctx.actor.kind !== 'user') throw new DomainError('unauthenticated', '请先登录');
  let q = ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock.now().toISOString() })
    .where('user_id', '=', ctx.actor.userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    q = q.where('id', 'in', ids);
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0);
}
