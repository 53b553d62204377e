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
import {
  isCountedClosed,
  isOnTime,
  isOpenStatus,
  isReply,
  outcomeGroupOf,
  replyWorkdays,
  OUTCOME_GROUPS,
  type CountedRequest,
  type MonthSummary,
  type OutcomeGroup,
} from '../requests/index.ts';

export { OUTCOME_GROUPS, outcomeGroupOf, isReply, type OutcomeGroup };

export type RequestFigureRow = CountedRequest;

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
    if (cm !== null && isCountedClosed(r)) {
      closed[outcomeGroupOf(r.reportRow)][cm]++;
      if (isReply(r)) {
        replies[cm]++;
        if (isOnTime(r)) onTime[cm]++;
        days[cm].push(replyWorkdays(r, cal));
      }
    }
    if (isOpenStatus(r.status) && r.dueOn !== null) {
      openByBucket[r.dueOn < today ? 'overdue' : r.dueOn <= soonUntil ? 'soon' : 'later']++;
    }
  }
  return assemble(year, receivedByMonth, closed, replies, onTime, days.map(median), openByBucket);
}

function assemble(
  year: number,
  receivedByMonth: number[],
  closed: Record<OutcomeGroup, number[]>,
  replies: number[],
  onTime: number[],
  medianDaysByMonth: (number | null)[],
  openByBucket: Record<DueBucket, number>,
): RequestFigures {
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  return {
    year,
    receivedByMonth,
    closedByMonthAndGroup: closed,
    repliesByMonth: replies,
    onTimeByMonth: onTime,
    onTimeRateByMonth: replies.map((n, i) => (n ? onTime[i]! / n : null)),
    medianDaysByMonth,
    openByBucket,
    totals: {
      received: sum(receivedByMonth),
      closed: sum(OUTCOME_GROUPS.map((g) => sum(closed[g]))),
      replies: sum(replies),
      onTime: sum(onTime),
    },
  };
}

/**
 * The same figures from an agency's per-month summary (the months of `year`) and its open requests by bucket:
 * what requestFigures gives over the agency's rows.
 */
export function figuresFromSummary(
  months: readonly MonthSummary[],
  year: number,
  openByBucket: Record<DueBucket, number>,
): RequestFigures {
  const zeros = () => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const received = zeros();
  const closed: Record<OutcomeGroup, number[]> = {
    granted: zeros(),
    partially_granted: zeros(),
    withheld: zeros(),
    unable: zeros(),
    not_processed: zeros(),
    other: zeros(),
  };
  const replies = zeros();
  const onTime = zeros();
  const medians: (number | null)[] = [null, null, null, null, null, null, null, null, null, null, null, null];
  const prefix = `${year}-`;
  for (const m of months) {
    if (!m.month.startsWith(prefix)) continue;
    const i = Number(m.month.slice(5, 7)) - 1;
    received[i] = m.received;
    for (const g of OUTCOME_GROUPS) closed[g][i] = m.closed[g];
    replies[i] = m.replies;
    onTime[i] = m.onTime;
    medians[i] = m.medianDays;
  }
  return assemble(year, received, closed, replies, onTime, medians, { ...openByBucket });
}
