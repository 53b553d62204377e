/**
 * 每日巡查 for 主动公开: notify the drafter, the office head and the disclosure office's clerks of items due within
 * DUE_SOON_WORKDAYS working days or overdue (art. 26), at most once per item and day. Also recomputes due dates
 * after a calendar change (the calendar's recompute hook).
 */
import { notify } from '../notifications/notify.ts';
import type { Ctx } from '../context.ts';
import type { Trx } from '../db/database.ts';
import type { CalendarChange } from '../calendar/calendar-hooks.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { recordEvent } from '../audit/record-event.ts';
import { usersWithRole } from '../org/org.queries.ts';
import { listDueUnpublished, toPublication } from './publications.queries.ts';
import { DUE_SOON_WORKDAYS, proactiveDueOn } from './timeliness.ts';

export const SWEEP_JOB = 'publications.daily_sweep';

/** Run the sweep; returns how many notifications were written. */
export async function sweepPublications(ctx: Ctx): Promise<number> {
  const today = ctx.clock.today();
  const national = await getCalendar(ctx.db, null);
  const horizon = national.addWorkdays(today, DUE_SOON_WORKDAYS);
  const items = await listDueUnpublished(ctx.db, null, horizon);
  let written = 0;
  const byAgency = new Map<number, typeof items>();
  for (const p of items) byAgency.set(p.agencyId, [...(byAgency.get(p.agencyId) ?? []), p]);
  for (const [agencyId, list] of byAgency) {
    const [clerks, heads] = await Promise.all([
      usersWithRole(ctx.db, agencyId, 'clerk'),
      usersWithRole(ctx.db, agencyId, 'office_head'),
    ]);
    await ctx.db.transaction().execute(async (trx) => {
      for (const p of list) {
        const overdue = p.dueOn < today;
        const title = overdue
          ? `主动公开已超期：${p.title}（应于${p.dueOn}前公开）`
          : `主动公开即将到期：${p.title}（${p.dueOn}前须公开）`;
        const link = `/office/publications/${p.id}`;
        const recipients = new Set<number>([p.createdBy, ...clerks.map((u) => u.id)]);
        for (const h of heads) if (p.officeId != null && h.officeId === p.officeId) recipients.add(h.id);
        written += await notify(
          trx,
          ctx.clock.now(),
          recipients,
          {
            kind: 'publication.due',
            title,
            body: `条例第二十六条：属于主动公开范围的政府信息，应当自形成或者变更之日（${p.formedOn}）起20个工作日内公开。`,
            link,
          },
          { unlessSince: `${today}T00:00:00` },
        );
      }
    });
  }
  return written;
}

/** Recompute the due dates of unpublished items after a calendar change (inside the change's transaction). */
export async function recomputeDueDates(trx: Trx, ctx: Ctx, change: CalendarChange): Promise<void> {
  let q = trx
    .selectFrom('publications')
    .selectAll()
    .where('status', 'in', ['draft', 'in_review', 'returned', 'approved']);
  if (change.agencyId != null) q = q.where('agency_id', '=', change.agencyId);
  const rows = (await q.execute()).map(toPublication);
  const cals = new Map<number, Awaited<ReturnType<CalendarChange['calendar']>>>();
  for (const p of rows) {
    let cal = cals.get(p.agencyId);
    if (!cal) {
      cal = await change.calendar(p.agencyId);
      cals.set(p.agencyId, cal);
    }
    const due = proactiveDueOn(cal, p.formedOn, p.periodOverrideDays);
    if (due === p.dueOn) continue;
    await trx.updateTable('publications').set({ due_on: due }).where('id', '=', p.id).execute();
    await recordEvent(trx, ctx, {
      action: 'publication.updated',
      objectType: 'publication',
      objectId: p.id,
      agencyId: p.agencyId,
      before: { dueOn: p.dueOn },
      after: { dueOn: due },
      note: '工作日历变更，重新计算公开期限',
    });
  }
}
