/**
 * The daily alert run (job `requests.daily_alerts`, queued once per day under a unique key, so it runs exactly
 * once however many instances are up): notifications to each handler (or the clerks when unassigned), a digest
 * e-mail job per clerk and an SMS job for overdue requests — all written in one transaction, so a retry never
 * doubles them.
 */
import { notify } from '../notifications/notify.ts';
import { deliverySettings } from '../notifications/delivery-settings.ts';
import type { Ctx } from '../context.ts';

import { enqueue } from '../jobs/queue.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { usersWithRole } from '../org/org.queries.ts';
import { OPEN_STATES } from './request.ts';
import { alertFor, alertText, smsSendTime } from './alerts.ts';
import { dueSoonDays, getRequestSettings } from './settings.ts';
import { senders } from './senders.ts';
import { endedPeriods, sendPeriodEndAlerts } from './send-period-alerts.ts';

export async function sendDeadlineAlerts(ctx: Ctx): Promise<{ notifications: number; digests: number }> {
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  const agencies = await ctx.db
    .selectFrom('info_requests')
    .select('agency_id')
    .distinct()
    // 'replied': a reply may still wait for the third party's period (第三十二条, send-period-alerts.ts).
    .where((eb) =>
      eb.or([eb('status', 'in', [...OPEN_STATES]), eb('status', 'in', ['pending_confirmation', 'replied'])]),
    )
    .execute();
  let notifications = 0;
  let digests = 0;
  for (const { agency_id: agencyId } of agencies) {
    const settings = await getRequestSettings(ctx.db, agencyId);
    const delivery = await deliverySettings(ctx.db, agencyId);
    const cal = await getCalendar(ctx.db, agencyId);
    const open = await ctx.db
      .selectFrom('info_requests')
      .select(['id', 'reference', 'due_on', 'handler_id', 'status', 'submitted_on'])
      .where('agency_id', '=', agencyId)
      .where((eb) => eb.or([eb('status', 'in', [...OPEN_STATES]), eb('status', '=', 'pending_confirmation')]))
      .orderBy('due_on')
      .execute();
    const clerks = (await usersWithRole(ctx.db, agencyId, 'clerk')).filter((u) => u.isActive);
    const lines: string[] = [];
    await ctx.db.transaction().execute(async (trx) => {
      for (const r of open) {
        let text: string | null = null;
        let overdue = false;
        if (r.status === 'pending_confirmation') {
          // The confirmation step's own reminder: an online or unconfirmed request waits for 双方确认.
          text = `申请${r.reference}（${r.submitted_on}提交）尚待确认收到，请与申请人确认`;
        } else if (r.due_on) {
          const a = alertFor(cal, today, r.due_on, dueSoonDays(settings));
          if (a) {
            text = alertText(a, r.reference, r.due_on);
            overdue = a.level === 'overdue';
          }
        }
        if (!text) continue;
        lines.push(text);
        const to = r.handler_id != null ? [r.handler_id] : clerks.map((c) => c.id);
        notifications += await notify(trx, now, to, {
          kind: overdue ? 'request.overdue' : 'request.due_soon',
          title: text,
          body: text,
          link: `/office/requests/${r.id}`,
        });
        if (overdue && r.handler_id != null) {
          await enqueue(
            trx,
            'requests.send_sms',
            { userId: r.handler_id, text: `【政务公开】${text}` },
            {
              uniqueKey: `requests.sms:${today}:${r.id}`,
              runAt: smsSendTime(now, delivery.smsQuietStart, delivery.smsQuietEnd),
            },
          );
        }
      }
      // Periods that ended (third-party wait, 说明理由): once each, to the persons who can act.
      const ended = await endedPeriods(trx, agencyId, cal, today, settings.thirdPartyWaitDays);
      notifications += await sendPeriodEndAlerts(
        trx,
        now,
        ended,
        clerks.map((c) => c.id),
      );
      if (lines.length) {
        for (const c of clerks) {
          if (!c.email) continue;
          const queued = await enqueue(
            trx,
            'requests.send_digest',
            { to: c.email, subject: `依申请公开期限提醒（${today}）`, text: lines.join('\n') },
            { uniqueKey: `requests.digest:${today}:${c.id}` },
          );
          if (queued) digests++;
        }
        await recordEvent(trx, ctx, {
          action: 'request.alerts_sent',
          objectType: 'agency',
          objectId: agencyId,
          agencyId,
          after: { alerts: lines.length },
        });
      }
    });
  }
  return { notifications, digests };
}

/** Job handler: send one digest e-mail. */
export async function sendDigestJob(_ctx: Ctx, payload: { to: string; subject: string; text: string }) {
  await senders.email().send(payload);
}

/** Job handler: send one SMS to a user's phone (queued for after the quiet hours). */
export async function sendSmsJob(ctx: Ctx, payload: { userId: number; text: string }) {
  const u = await ctx.db
    .selectFrom('users')
    .select('phone')
    .where('id', '=', payload.userId)
    .executeTakeFirst();
  if (u?.phone) await senders.sms().send({ phone: u.phone, text: payload.text });
}
