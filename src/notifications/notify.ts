/**
 * The one writer of notifications (提醒): every feature tells the persons who can act through this function, inside
 * the transaction of the change that makes them the ones to act. It writes the in-app reminder at once and, with
 * `deliver`, queues in the same transaction an e-mail job (when the user has an address and wants e-mail for this
 * kind) and an SMS job (for kinds that warrant one, held until the quiet hours end): deliver.ts sends them.
 */
import type { DbOrTrx } from '../db/database.ts';
import { enqueue } from '../jobs/queue.ts';
import { kindInfo } from './kinds.ts';
import { wantsEmail } from './prefs.ts';
import { deliverySettings } from './delivery-settings.ts';
import { smsSendTime } from './quiet-hours.ts';

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
  opts: { unlessSince?: string; deliver?: boolean } = {},
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
    const row = await db
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
      .returning('id')
      .executeTakeFirstOrThrow();
    written++;
    if (opts.deliver) await queueDelivery(db, now, userId, row.id, n.kind);
  }
  return written;
}

/** Queue the e-mail and SMS of one written reminder (the jobs read the reminder itself when they run). */
async function queueDelivery(db: DbOrTrx, now: Date, userId: number, notificationId: number, kind: string) {
  const user = await db
    .selectFrom('users')
    .select(['email', 'phone', 'agency_id', 'is_active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || Number(user.is_active) !== 1) return;
  if (user.email && (await wantsEmail(db, userId, kind)))
    await enqueue(db, 'notifications.send_email', { notificationId }, { runAt: now });
  if (user.phone && kindInfo(kind)?.sms) {
    const s = await deliverySettings(db, user.agency_id);
    await enqueue(
      db,
      'notifications.send_sms',
      { notificationId },
      { runAt: smsSendTime(now, s.smsQuietStart, s.smsQuietEnd) },
    );
  }
}
