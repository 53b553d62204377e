/**
 * When a calendar year is loaded or edited, every open request whose clock the change may touch is recomputed
 * inside the calendar change's transaction; each changed due date is audited and its handler notified
 * (disclosure-rules.md §4 point 5, §4.1).
 */
import { notify } from '../notifications/notify.ts';
import type { Ctx } from '../context.ts';
import type { Trx } from '../db/database.ts';
import { nowIso } from '../db/values.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { CalendarChange } from '../calendar/calendar-hooks.ts';
import { OPEN_STATES } from './request.ts';
import { toRequest } from './requests.queries.ts';
import { computeRequestClock } from './request-clock.ts';
import { getRequestSettings } from './settings.ts';

/** Recompute open deadlines after a calendar change; returns how many due dates changed. */
export async function recomputeOpenDeadlines(trx: Trx, ctx: Ctx, change: CalendarChange): Promise<number> {
  let q = trx
    .selectFrom('info_requests')
    .selectAll()
    .where('status', 'in', [...OPEN_STATES])
    .where('received_on', 'is not', null);
  if (change.agencyId != null) q = q.where('agency_id', '=', change.agencyId);
  const rows = await q.execute();
  const years = new Set(change.years);
  let changed = 0;
  const cals = new Map<number, Awaited<ReturnType<CalendarChange['calendar']>>>();
  const feePause = new Map<number, boolean>();
  for (const row of rows) {
    const r = toRequest(row);
    // Only clocks that run through a changed year can move.
    const from = Number(r.receivedOn!.slice(0, 4));
    const to = Number((r.dueOn ?? r.receivedOn!).slice(0, 4)) + 1;
    if (![...years].some((y) => y >= from && y <= to)) continue;
    if (!cals.has(r.agencyId)) cals.set(r.agencyId, await change.calendar(r.agencyId));
    if (!feePause.has(r.agencyId))
      feePause.set(r.agencyId, (await getRequestSettings(trx, r.agencyId)).feePausesReplyClock);
    const { columns } = await computeRequestClock(trx, cals.get(r.agencyId)!, r, feePause.get(r.agencyId)!);
    if (
      columns.due_on === r.dueOn &&
      columns.calendar_version === r.calendarVersion &&
      Boolean(columns.due_provisional) === r.dueProvisional
    )
      continue;
    await trx
      .updateTable('info_requests')
      .set({ ...columns, updated_at: nowIso(ctx.clock.now()) })
      .where('id', '=', r.id)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'request.deadline_recomputed',
      objectType: 'info_request',
      objectId: r.id,
      agencyId: r.agencyId,
      before: { dueOn: r.dueOn, provisional: r.dueProvisional, calendar: r.calendarVersion },
      after: {
        dueOn: columns.due_on,
        provisional: Boolean(columns.due_provisional),
        calendar: columns.calendar_version,
      },
      note: `工作日历变更（${change.reason}，${change.years.join('、')}年）`,
    });
    if (columns.due_on !== r.dueOn && r.handlerId != null) {
      await notify(trx, ctx.clock.now(), [r.handlerId], {
        kind: 'request.deadline_recomputed',
        title: `申请${r.reference}的答复期限已重新计算：${r.dueOn ?? '—'} → ${columns.due_on ?? '—'}`,
        body: '工作日历（放假安排）已更新，答复期限随之重新计算。',
        link: `/office/requests/${r.id}`,
      });
    }
    changed++;
  }
  return changed;
}
