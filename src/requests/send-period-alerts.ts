/**
 * Reminders when a period of the procedure ends, to the persons who can act (the handler, or the clerks when the
 * request is unassigned), once per period, from the daily alert run:
 * - 第三十二条: the third party's waiting period after the 决定公开告知书 has passed — the information may now be
 *   provided (unless the third party sought relief);
 * - 第三十五条: the period for the applicant to state the reasons has passed without an answer — the agency decides
 *   (不予处理 under 第三十六条第（五）项 or a reply).
 * Written through the one notification writer inside the caller's transaction.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { notify } from '../notifications/notify.ts';
import { addDays } from '../calendar/dates.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import { cnDate } from './letters.ts';

/** Reminders are once per period: any earlier one of the same kind and link counts. */
const EVER = '1970-01-01';
const DONE_STATES = ['delivered', 'archived', 'withdrawn', 'abandoned'];

export interface PeriodAlert {
  kind: 'request.third_party_wait_over' | 'request.reasons_period_over';
  requestId: number;
  handlerId: number | null;
  text: string;
  link: string;
}

/** The periods of one agency that have ended by `today` (pure over the rows read here). */
export async function endedPeriods(
  trx: Transaction<DB>,
  agencyId: number,
  cal: WorkCalendar,
  today: string,
  thirdPartyWaitDays: number,
): Promise<PeriodAlert[]> {
  const alerts: PeriodAlert[] = [];
  const waits = await trx
    .selectFrom('request_consultations as c')
    .innerJoin('info_requests as r', 'r.id', 'c.request_id')
    .select([
      'c.id',
      'c.party',
      'c.decision_notice_delivered_on',
      'r.id as requestId',
      'r.reference',
      'r.handler_id',
    ])
    .where('r.agency_id', '=', agencyId)
    .where('r.status', 'not in', DONE_STATES)
    .where('c.kind', '=', 'third_party')
    .where('c.decision_notice_delivered_on', 'is not', null)
    .execute();
  for (const w of waits) {
    const last = cal.addWorkdays(w.decision_notice_delivered_on!, thirdPartyWaitDays);
    if (today <= last) continue;
    alerts.push({
      kind: 'request.third_party_wait_over',
      requestId: w.requestId,
      handlerId: w.handler_id,
      link: `/office/requests/${w.requestId}#consultation-${w.id}`,
      text:
        `申请${w.reference}：第三方“${w.party}”收到决定公开告知书后的等待期已于${cnDate(last)}届满，` +
        `自${cnDate(addDays(last, 1))}起可以向申请人提供信息；第三方已申请行政复议或提起诉讼的，请先登记并暂缓提供（条例第三十二条）`,
    });
  }
  const reasons = await trx
    .selectFrom('request_reason_requests as q')
    .innerJoin('info_requests as r', 'r.id', 'q.request_id')
    .select(['q.id', 'q.period_end_on', 'r.id as requestId', 'r.reference', 'r.handler_id'])
    .where('r.agency_id', '=', agencyId)
    .where('r.status', 'not in', [...DONE_STATES, 'replied'])
    .where('q.answered_on', 'is', null)
    .where('q.period_end_on', 'is not', null)
    .where('q.period_end_on', '<', today)
    .execute();
  for (const q of reasons) {
    alerts.push({
      kind: 'request.reasons_period_over',
      requestId: q.requestId,
      handlerId: q.handler_id,
      link: `/office/requests/${q.requestId}#reasons-${q.id}`,
      text:
        `申请${q.reference}：申请人说明理由的期限已于${cnDate(q.period_end_on!)}届满，未收到理由。` +
        `请作出决定：认为理由不合理的告知不予处理（条例第三十五条、第三十六条第（五）项），否则按期答复`,
    });
  }
  return alerts;
}

/** Write the reminders of ended periods (once each); returns how many notifications were written. */
export async function sendPeriodEndAlerts(
  trx: Transaction<DB>,
  now: Date,
  alerts: readonly PeriodAlert[],
  clerkIds: readonly number[],
): Promise<number> {
  let written = 0;
  for (const a of alerts) {
    const to = a.handlerId != null ? [a.handlerId] : clerkIds;
    written += await notify(
      trx,
      now,
      to,
      { kind: a.kind, title: a.text, body: a.text, link: a.link },
      { unlessSince: EVER },
    );
  }
  return written;
}
