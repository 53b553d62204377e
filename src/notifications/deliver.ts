/**
 * The delivery jobs of a reminder (queued by notify() in the transaction that wrote it): `notifications.send_email`
 * sends it to the user's address, `notifications.send_sms` to the user's phone — and, should a retry fall inside the
 * quiet hours, holds it again until they end instead of waking anybody.
 */
import type { Ctx } from '../context.ts';
import { enqueue } from '../jobs/queue.ts';
import { senders } from './senders.ts';
import { deliverySettings } from './delivery-settings.ts';
import { inQuietHours, smsSendTime } from './quiet-hours.ts';

async function load(ctx: Ctx, notificationId: number) {
  return ctx.db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select([
      'notifications.title',
      'notifications.body',
      'notifications.link',
      'users.email',
      'users.phone',
      'users.agency_id',
      'users.is_active',
    ])
    .where('notifications.id', '=', notificationId)
    .executeTakeFirst();
}

/** The e-mail of a reminder: its title as the subject, its text and where to act. */
export async function sendNotificationEmail(ctx: Ctx, payload: { notificationId: number }): Promise<void> {
  const n = await load(ctx, payload.notificationId);
  if (!n?.email || Number(n.is_active) !== 1) return;
  const lines = [n.title];
  if (n.body && n.body !== n.title) lines.push(n.body);
  if (n.link) lines.push(`办理地址：${senders.absolute(n.link)}`);
  lines.push('', '（本邮件由政务公开工作平台自动发送。不想接收此类邮件，可在平台“提醒设置”中关闭。）');
  await senders.email().send({ to: n.email, subject: `【政务公开】${n.title}`, text: lines.join('\n') });
}

/** The SMS of a reminder (its title only: a text message is short and may be read by anyone nearby). */
export async function sendNotificationSms(ctx: Ctx, payload: { notificationId: number }): Promise<void> {
  const n = await load(ctx, payload.notificationId);
  if (!n?.phone || Number(n.is_active) !== 1) return;
  const s = await deliverySettings(ctx.db, n.agency_id);
  const now = ctx.clock.now();
  if (inQuietHours(now, s.smsQuietStart, s.smsQuietEnd)) {
    await enqueue(ctx.db, 'notifications.send_sms', payload, {
      runAt: smsSendTime(now, s.smsQuietStart, s.smsQuietEnd),
    });
    return;
  }
  await senders.sms().send({ phone: n.phone, text: `【政务公开】${n.title}` });
}
