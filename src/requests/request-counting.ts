/**
 * How a request counts in the 依申请公开 figures (the dashboards and their per-month summary share these rules, so the
 * summary and a count over the rows cannot disagree):
 * a request counts in the month it was received (条例第三十一条 收到申请之日) and, once closed, in the month it was
 * closed under the outcome group of its report row; a reply is on time when it was closed on or before its due
 * date, extension included (条例第三十三条); withdrawals and 视为放弃 are closings without a reply and count in neither
 * the on-time share nor the median of working days.
 */
import type { WorkCalendar } from '../calendar/calendar.ts';
import { OPEN_STATES, type RequestState } from './request.ts';

/** What of a request the figures read. */
export interface CountedRequest {
  agencyId: number;
  status: string;
  receivedOn: string | null;
  closedOn: string | null;
  dueOn: string | null;
  reportRow: string | null;
}

/** Outcome groups of table B (the second part of the report row: result.granted, result.withheld.*, …). */
export const OUTCOME_GROUPS = [
  'granted',
  'partially_granted',
  'withheld',
  'unable',
  'not_processed',
  'other',
] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];

const REPLIED = new Set(['replied', 'delivered', 'archived']);

export const isOpenStatus = (status: string): boolean => OPEN_STATES.includes(status as RequestState);

export function outcomeGroupOf(reportRow: string | null): OutcomeGroup {
  const g = reportRow?.split('.')[1];
  return (OUTCOME_GROUPS as readonly string[]).includes(g ?? '') ? (g as OutcomeGroup) : 'other';
}

/** Was the request closed with a reply (not withdrawn, not 视为放弃)? */
export function isReply(r: CountedRequest): boolean {
  return REPLIED.has(r.status) && r.closedOn !== null && r.receivedOn !== null;
}

/** Is the request closed (it counts in its closing month)? */
export const isCountedClosed = (r: CountedRequest): boolean => r.closedOn !== null && !isOpenStatus(r.status);

/** A reply's working days from receipt to reply (0 when replied the day it was received). */
export function replyWorkdays(r: CountedRequest, cal: WorkCalendar): number {
  return r.closedOn === r.receivedOn ? 0 : cal.workdaysBetween(r.receivedOn!, r.closedOn!);
}

/** A reply closed on or before its due date. */
export const isOnTime = (r: CountedRequest): boolean => r.dueOn !== null && r.closedOn! <= r.dueOn;
