/**
 * The one writer of notifications (提醒): every feature tells the persons who can act through this function, inside
 * the transaction of the change that makes them the ones to act. It writes the in-app reminder; e-mail and SMS are
 * sent by jobs the caller queues in the same transaction.
 */
import type { DbOrTrx } from '../db/database.ts';

export interface NotificationInput {
  /** Machine kind, e.g. 'request.due_soon' (never shown: the title and body are the Chinese text). */
  kind: string;
  title: string;
  body: string;
  /** Where the person acts (an office page), or null. */
  link: string | null;
}

/**
 * Write a reminder to each user (duplicates in `userIds` once). With `unlessSince` (an ISO time), a user who has had
 * a reminder of the same kind and link since then is skipped (daily jobs remind once a day). Returns how many were
 * written.
 */
export async function notify(
  db: DbOrTrx,
  now: Date,
  userIds: Iterable<number>,
  n: NotificationInput,
  opts: { unlessSince?: string } = {},
): Promise<number> {
  let written = 0;
  for (const userId of new Set(userIds)) {
    if (opts.unlessSince) {
      let q = db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', userId)
        .where('kind', '=', n.kind)
        .where('created_at', '>=', opts.unlessSince);
      q = n.link === null ? q.where('link', 'is', null) : q.where('link', '=', n.link);
      if (await q.executeTakeFirst()) continue;
    }
    await db
      .insertInto('notifications')
      .values({
        user_id: userId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        created_at: now.toISOString(),
        read_at: null,
      })
      .execute();
    written++;
  }
  return written;
}
