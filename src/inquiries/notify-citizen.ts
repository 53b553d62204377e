/**
 * The citizen's SMS / e-mail (receipt with the tracking code, answer, referral …), sent by a job written in the
 * transaction of the step, after the SMS quiet hours. Senders are the installation's (src/requests/senders.ts).
 */
import type { Ctx } from '../context.ts';
import { senders } from '../requests/index.ts';

export const CITIZEN_JOB = 'inquiries.notify_citizen';

export async function notifyCitizenJob(
  ctx: Ctx,
  payload: { inquiryId: number; text: string },
): Promise<void> {
  const q = await ctx.db
    .selectFrom('inquiries')
    .select(['contact_phone', 'contact_email'])
    .where('id', '=', payload.inquiryId)
    .executeTakeFirst();
  if (!q) return;
  if (q.contact_phone) await senders.sms().send({ phone: q.contact_phone, text: payload.text });
  if (q.contact_email)
    await senders.email().send({ to: q.contact_email, subject: '留言办理情况', text: payload.text });
}
