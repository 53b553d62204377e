/**
 * The daily run (job `inquiries.daily_alerts`, once per business day under a unique key): every waiting state
 * resolves to persons, who are reminded — messages waiting for routing (clerks), answers due within 2 working days
 * or overdue (the responsible office), drafts waiting for approval (the head), transfers waiting for acceptance (the
 * receiving head), messages near the 3-month mark (clerks and the office head: 19号文 fails a site for a valid
 * message unanswered for more than 3 months), and 意见征集 whose 采纳情况 is late (clerks). All in one transaction.
 */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { clerksOf, handlersOf, headsOf, notifyUsers, officeLink, addEvent } from './inquiries.queries.ts';
import { getInquirySettings } from './settings.ts';
import { isNearThreeMonths, threeMonthMark } from './deadline.ts';
import { OPEN_STATES } from './inquiry.ts';

export const DAILY_ALERTS_JOB = 'inquiries.daily_alerts';
export const MONTHLY_FIGURES_JOB = 'inquiries.monthly_figures';

export interface Alarm {
  id: number;
  reference: string;
  receivedOn: string;
  mark: string;
  officeId: number | null;
}

/** Unanswered messages near (or past) the 3-month mark — the dashboard alarm and the supervision check. */
export async function threeMonthAlarms(db: DbOrTrx, agencyId: number, today: string): Promise<Alarm[]> {
  const s = await getInquirySettings(db, agencyId);
  const rows = await db
    .selectFrom('inquiries')
    .select(['id', 'reference', 'received_on', 'office_id'])
    .where('agency_id', '=', agencyId)
    .where('status', 'in', [...OPEN_STATES])
    .orderBy('received_on')
    .execute();
  return rows
    .filter((r) => isNearThreeMonths(r.received_on, today, s.alarmDaysBefore))
    .map((r) => ({
      id: r.id,
      reference: r.reference,
      receivedOn: r.received_on,
      mark: threeMonthMark(r.received_on),
      officeId: r.office_id,
    }));
}

export async function sendInquiryAlerts(ctx: Ctx): Promise<{ notifications: number }> {
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  const agencies = await ctx.db.selectFrom('agencies').select('id').execute();
  let notifications = 0;
  for (const { id: agencyId } of agencies) {
    const cal = await getCalendar(ctx.db, agencyId);
    const open = await ctx.db
      .selectFrom('inquiries')
      .select(['id', 'reference', 'status', 'office_id', 'due_on', 'received_on'])
      .where('agency_id', '=', agencyId)
      .where('status', 'in', [...OPEN_STATES])
      .execute();
    const transfers = await ctx.db
      .selectFrom('inquiry_transfers')
      .innerJoin('inquiries', 'inquiries.id', 'inquiry_transfers.inquiry_id')
      .select(['inquiries.id', 'inquiries.reference', 'inquiry_transfers.to_office_id'])
      .where('inquiries.agency_id', '=', agencyId)
      .where('inquiry_transfers.status', '=', 'pending')
      .execute();
    const calls = await ctx.db
      .selectFrom('comment_calls')
      .select(['id', 'title', 'adoption_due_on'])
      .where('agency_id', '=', agencyId)
      .where('adoption_published_on', 'is', null)
      .where('adoption_due_on', '<', today)
      .execute();
    const alarms = await threeMonthAlarms(ctx.db, agencyId, today);
    if (!open.length && !transfers.length && !calls.length) continue;
    const clerks = await clerksOf(ctx.db, agencyId);
    const plan: { users: { id: number }[]; kind: string; title: string; link: string }[] = [];
    for (const q of open) {
      const link = officeLink(q.id);
      if (q.status === 'pending_routing')
        plan.push({
          users: clerks,
          kind: 'inquiry.routing',
          title: `留言${q.reference}待分办（答复期限${q.due_on}）`,
          link,
        });
      const left = cal.workdaysBetween(today, q.due_on);
      const late = today > q.due_on;
      if (late || left <= 2) {
        const who =
          q.status === 'pending_approval'
            ? await headsOf(ctx.db, agencyId, q.office_id)
            : q.status === 'pending_routing'
              ? clerks
              : await handlersOf(ctx.db, agencyId, q.office_id);
        plan.push({
          users: who,
          kind: late ? 'inquiry.overdue' : 'inquiry.due_soon',
          title: late
            ? `留言${q.reference}已超过答复期限（${q.due_on}）`
            : `留言${q.reference}将于${q.due_on}到期，请及时答复`,
          link,
        });
      } else if (q.status === 'pending_approval')
        plan.push({
          users: await headsOf(ctx.db, agencyId, q.office_id),
          kind: 'inquiry.approval',
          title: `留言${q.reference}的答复待您审核`,
          link,
        });
    }
    for (const t of transfers)
      plan.push({
        users: await headsOf(ctx.db, agencyId, t.to_office_id),
        kind: 'inquiry.transfer',
        title: `留言${t.reference}的移交等待您接受或说明理由`,
        link: officeLink(t.id),
      });
    for (const a of alarms)
      plan.push({
        users: [...clerks, ...(await headsOf(ctx.db, agencyId, a.officeId))],
        kind: 'inquiry.alarm',
        title: `预警：留言${a.reference}（${a.receivedOn}收到）将满三个月（${a.mark}）仍未答复`,
        link: officeLink(a.id),
      });
    for (const c of calls)
      plan.push({
        users: clerks,
        kind: 'comment_call.adoption_late',
        title: `意见征集“${c.title}”的采纳情况应于${c.adoption_due_on}前公布，已逾期`,
        link: `/office/comment-calls/${c.id}`,
      });
    await ctx.db.transaction().execute(async (trx) => {
      for (const p of plan) notifications += await notifyUsers(trx, p.users, p, now);
      for (const a of alarms) {
        const first = await trx
          .selectFrom('inquiries')
          .select('alarm_sent_on')
          .where('id', '=', a.id)
          .executeTakeFirst();
        if (first?.alarm_sent_on) continue;
        await trx.updateTable('inquiries').set({ alarm_sent_on: today }).where('id', '=', a.id).execute();
        await addEvent(trx, ctx, a.id, 'alarm', { note: `将于${a.mark}满三个月` });
      }
      await recordEvent(trx, ctx, {
        action: 'inquiry.alerts_sent',
        objectType: 'agency',
        objectId: agencyId,
        agencyId,
        after: { reminders: plan.length, alarms: alarms.length },
      });
    });
  }
  return { notifications };
}
