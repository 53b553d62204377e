/**
 * Monthly figures of 互动交流 per office (国办秘函〔2019〕19号 expects them published). Pure: computed from the
 * messages received in the month. Definitions (docs/inquiries.md):
 *
 * - 收到 (received): messages received in the month that are threads of their own (a duplicate merged into another
 *   message counts in 合并 instead, since it is answered with that thread).
 * - 已办结 (answered): of those, the citizen has been given an answer (答复, 信访告知, 转办, 转为申请, 不予受理).
 * - 回复率 = answered / received; 按期答复率 = answered by the due date (the one extension included) / answered.
 * - 解决率 = resolved / answered, where resolved means the citizen's latest rating is 满意 or 基本满意 — a message
 *   without a rating is not resolved, however it was answered.
 * - 满意率 = (满意 + 基本满意) / rated.
 * - 平均办理时间: mean working days from receipt to the first answer.
 * - 超期: answered after the due date, or still open after it on the reference day.
 */
import type { WorkCalendar } from '../calendar/calendar.ts';
import { DONE_STATES, isResolvedRating, type InquiryState } from './inquiry.ts';

export interface FigureRow {
  officeId: number | null;
  receivedOn: string;
  status: InquiryState;
  mergedIntoId: number | null;
  dueOn: string;
  firstRepliedOn: string | null;
  firstOnTime: boolean | null;
  rating: string | null;
}

export interface OfficeFigures {
  officeId: number | null;
  received: number;
  merged: number;
  answered: number;
  onTime: number;
  resolved: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  overdue: number;
  /** Sum of working days to the first answer (for the mean). */
  handlingDays: number;
  /** Ratios in per cent with one decimal, null when the denominator is 0. */
  replyRate: number | null;
  onTimeRate: number | null;
  resolvedRate: number | null;
  satisfactionRate: number | null;
  averageDays: number | null;
}

const pct = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

function empty(officeId: number | null): OfficeFigures {
  return {
    officeId,
    received: 0,
    merged: 0,
    answered: 0,
    onTime: 0,
    resolved: 0,
    rated: 0,
    satisfied: 0,
    basicallySatisfied: 0,
    dissatisfied: 0,
    overdue: 0,
    handlingDays: 0,
    replyRate: null,
    onTimeRate: null,
    resolvedRate: null,
    satisfactionRate: null,
    averageDays: null,
  };
}

function finish(f: OfficeFigures): OfficeFigures {
  return {
    ...f,
    replyRate: pct(f.answered, f.received),
    onTimeRate: pct(f.onTime, f.answered),
    resolvedRate: pct(f.resolved, f.answered),
    satisfactionRate: pct(f.satisfied + f.basicallySatisfied, f.rated),
    averageDays: f.answered === 0 ? null : Math.round((f.handlingDays / f.answered) * 10) / 10,
  };
}

/** Figures of one month ('YYYY-MM') per office, plus the total (officeId null in `total`), as of `today`. */
export function monthlyFigures(
  rows: readonly FigureRow[],
  month: string,
  today: string,
  cal: WorkCalendar,
): { offices: OfficeFigures[]; total: OfficeFigures } {
  const by = new Map<number | null, OfficeFigures>();
  const total = empty(null);
  for (const r of rows) {
    if (r.receivedOn.slice(0, 7) !== month) continue;
    const f = by.get(r.officeId) ?? empty(r.officeId);
    by.set(r.officeId, f);
    for (const x of [f, total]) {
      if (r.mergedIntoId != null) {
        x.merged++;
        continue;
      }
      x.received++;
      const done = DONE_STATES.includes(r.status) && r.firstRepliedOn != null;
      if (done) {
        x.answered++;
        if (r.firstOnTime) x.onTime++;
        else x.overdue++;
        if (isResolvedRating(r.rating)) x.resolved++;
        x.handlingDays += Math.max(0, cal.workdaysBetween(r.receivedOn, r.firstRepliedOn!));
      } else if (today > r.dueOn) x.overdue++;
      if (r.rating) {
        x.rated++;
        if (r.rating === 'satisfied') x.satisfied++;
        else if (r.rating === 'basically_satisfied') x.basicallySatisfied++;
        else if (r.rating === 'dissatisfied') x.dissatisfied++;
      }
    }
  }
  const offices = [...by.values()].map(finish).sort((a, b) => (a.officeId ?? 0) - (b.officeId ?? 0));
  return { offices, total: finish(total) };
}

/** The months 'YYYY-MM' from `from` to `to` inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const ty = Number(to.slice(0, 4));
  const tm = Number(to.slice(5, 7));
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The month before a 'YYYY-MM-DD' date. */
export function previousMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
