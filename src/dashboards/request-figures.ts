/**
 * Figures of 依申请公开 for a year, computed from request rows (pure, so each rule is table-tested):
 * received per month, closed per month by outcome group, on-time share of replies per month, median working days
 * from receipt to reply per month, and open requests by due-date bucket on `today`.
 *
 * Rules: a request counts in the month it was received (条例第三十一条 收到申请之日) and in the month it was closed;
 * a reply is on time when it was closed on or before its due date, extension included (条例第三十三条);
 * withdrawals and 视为放弃 are closings without a reply and count in neither the on-time share nor the median.
 */
import type { WorkCalendar } from '../calendar/calendar.ts';

export interface RequestFigureRow {
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
export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  granted: '予以公开',
  partially_granted: '部分公开',
  withheld: '不予公开',
  unable: '无法提供',
  not_processed: '不予处理',
  other: '其他处理',
};

export const DUE_BUCKETS = ['overdue', 'soon', 'later'] as const;
export type DueBucket = (typeof DUE_BUCKETS)[number];

const OPEN = new Set([
  'accepted',
  'awaiting_correction',
  'consulting',
  'awaiting_fee',
  'extended',
  'pending_approval',
]);
const REPLIED = new Set(['replied', 'delivered', 'archived']);

export function outcomeGroupOf(reportRow: string | null): OutcomeGroup {
  const g = reportRow?.split('.')[1];
  return (OUTCOME_GROUPS as readonly string[]).includes(g ?? '') ? (g as OutcomeGroup) : 'other';
}

/** Was the request closed with a reply (not withdrawn, not 视为放弃)? */
export function isReply(r: RequestFigureRow): boolean {
  return REPLIED.has(r.status) && r.closedOn !== null && r.receivedOn !== null;
}

export interface RequestFigures {
  year: number;
  /** Index 0 = January. */
  receivedByMonth: number[];
  closedByMonthAndGroup: Record<OutcomeGroup, number[]>;
  repliesByMonth: number[];
  onTimeByMonth: number[];
  /** On-time share per month (null: no reply that month). */
  onTimeRateByMonth: (number | null)[];
  /** Median working days from receipt to reply (null: no reply that month). */
  medianDaysByMonth: (number | null)[];
  openByBucket: Record<DueBucket, number>;
  totals: { received: number; closed: number; replies: number; onTime: number };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const monthOf = (date: string | null, year: number): number | null =>
  date && date.startsWith(`${year}-`) ? Number(date.slice(5, 7)) - 1 : null;

/**
 * @param soonUntil last due date that counts as "due soon" (the agency's alert horizon, as the ledger's 即将到期)
 */
export function requestFigures(
  rows: RequestFigureRow[],
  year: number,
  today: string,
  soonUntil: string,
  cal: WorkCalendar,
): RequestFigures {
  const zeros = () => Array.from({ length: 12 }, () => 0);
  const receivedByMonth = zeros();
  const closed = Object.fromEntries(OUTCOME_GROUPS.map((g) => [g, zeros()])) as Record<
    OutcomeGroup,
    number[]
  >;
  const replies = zeros();
  const onTime = zeros();
  const days: number[][] = Array.from({ length: 12 }, () => []);
  const openByBucket: Record<DueBucket, number> = { overdue: 0, soon: 0, later: 0 };
  for (const r of rows) {
    const rm = monthOf(r.receivedOn, year);
    if (rm !== null) receivedByMonth[rm]++;
    const cm = monthOf(r.closedOn, year);
    if (cm !== null && !OPEN.has(r.status)) {
      closed[outcomeGroupOf(r.reportRow)][cm]++;
      if (isReply(r)) {
        replies[cm]++;
        if (r.dueOn !== null && r.closedOn! <= r.dueOn) onTime[cm]++;
        days[cm].push(r.closedOn === r.receivedOn ? 0 : cal.workdaysBetween(r.receivedOn!, r.closedOn!));
      }
    }
    if (OPEN.has(r.status) && r.dueOn !== null) {
      openByBucket[r.dueOn < today ? 'overdue' : r.dueOn <= soonUntil ? 'soon' : 'later']++;
    }
  }
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  return {
    year,
    receivedByMonth,
    closedByMonthAndGroup: closed,
    repliesByMonth: replies,
    onTimeByMonth: onTime,
    onTimeRateByMonth: replies.map((n, i) => (n ? onTime[i] / n : null)),
    medianDaysByMonth: days.map(median),
    openByBucket,
    totals: {
      received: sum(receivedByMonth),
      closed: sum(OUTCOME_GROUPS.map((g) => sum(closed[g]))),
      replies: sum(replies),
      onTime: sum(onTime),
    },
  };
}
