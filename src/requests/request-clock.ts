/**
 * The clock of a stored request: gathers its receipt, 补正, consultations, extension and fee from the database,
 * runs the pure deadline rule (deadline.ts) and returns the columns to store.
 */
import type { DbOrTrx } from '../db/database.ts';
import { fromBool } from '../db/values.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import { computeDeadline, type DeadlineInput, type DeadlineResult } from './deadline.ts';
import type { InfoRequest } from './request.ts';

export interface ClockColumns {
  due_on: string | null;
  original_due_on: string | null;
  due_provisional: number;
  correction_notice_due_on: string | null;
  calendar_version: string | null;
  fee_due_on: string | null;
}

/** The deadline input of a request from its stored steps; null while it is not received yet. */
export async function deadlineInputOf(
  db: DbOrTrx,
  r: Pick<InfoRequest, 'id' | 'receivedOn' | 'extensionDays' | 'feeNoticeOn' | 'feePaidOn' | 'laterReplyOn'>,
  feePausesReplyClock: boolean,
): Promise<DeadlineInput | null> {
  if (!r.receivedOn) return null;
  const [corrections, consultations] = await Promise.all([
    db
      .selectFrom('request_corrections')
      .select(['received_on'])
      .where('request_id', '=', r.id)
      .where('received_on', 'is not', null)
      .orderBy('received_on', 'desc')
      .execute(),
    db
      .selectFrom('request_consultations')
      .select(['kind', 'sent_on', 'delivered_on', 'answered_on'])
      .where('request_id', '=', r.id)
      .orderBy('sent_on')
      .execute(),
  ]);
  return {
    receivedOn: r.receivedOn,
    correctedOn: corrections[0]?.received_on ?? null,
    pauses: consultations.map((c) => ({
      kind: c.kind === 'co_agency' ? 'co_agency' : 'third_party',
      sentOn: c.sent_on,
      deliveredOn: c.delivered_on,
      answeredOn: c.answered_on,
    })),
    extensionDays: r.extensionDays,
    fee: r.feeNoticeOn ? { noticeReceivedOn: r.feeNoticeOn, paidOn: r.feePaidOn } : null,
    feePausesReplyClock,
    laterReplyOn: r.laterReplyOn,
  };
}

/** The stored clock columns for a deadline result (or empty ones while waiting for receipt or 补正). */
export function clockColumns(result: DeadlineResult | null, waitingForCorrection: boolean): ClockColumns {
  if (!result)
    return {
      due_on: null,
      original_due_on: null,
      due_provisional: 0,
      correction_notice_due_on: null,
      calendar_version: null,
      fee_due_on: null,
    };
  return {
    // While waiting for the 补正 no reply period runs (条例第三十条): it restarts when the 补正 arrives.
    due_on: waitingForCorrection ? null : result.due,
    original_due_on: waitingForCorrection ? null : result.originalDue,
    due_provisional: fromBool(!waitingForCorrection && result.provisional),
    correction_notice_due_on: result.correctionNoticeDue,
    calendar_version: result.calendarVersion,
    fee_due_on: result.feePaymentDue,
  };
}

/** Compute a request's clock as it stands (after a change written in the same transaction). */
export async function computeRequestClock(
  db: DbOrTrx,
  cal: WorkCalendar,
  r: Pick<
    InfoRequest,
    'id' | 'receivedOn' | 'extensionDays' | 'feeNoticeOn' | 'feePaidOn' | 'status' | 'laterReplyOn'
  >,
  feePausesReplyClock: boolean,
): Promise<{ columns: ClockColumns; result: DeadlineResult | null }> {
  const input = await deadlineInputOf(db, r, feePausesReplyClock);
  const result = input ? computeDeadline(cal, input) : null;
  return { columns: clockColumns(result, r.status === 'awaiting_correction'), result };
}
