/**
 * The statutory clock of a disclosure request (pure). 条例 = 《中华人民共和国政府信息公开条例》(2019).
 *
 * - Reply due on the 20th working day after receipt (条例第三十三条第二款); the receipt day is not counted
 *   (disclosure-rules.md §4 rule 1).
 * - 补正: the notice is due within 7 working days of receipt, and once the corrected request arrives the 20 days
 *   restart from zero on that day (条例第三十条).
 * - Consultation of a third party (第三十二条) or a co-producing agency (第三十四条): the time is not counted
 *   (第三十三条第三款). Default reading (§4.4, interpretation): working days after the day the letter is sent, up to
 *   and including the day the answer arrives or the 15-working-day answer window closes, whichever is earlier.
 * - One extension of at most 20 working days (第三十三条第二款): the due date is the (20 + k)-th counted working
 *   day after the trigger, paused days not counted wherever they fall (§4.3).
 * - 信息处理费: payment within 20 working days from the day after the applicant receives the fee notice (§5.5);
 *   whether the reply clock pauses meanwhile is an agency setting, default off (§9 fee_pauses_reply_clock).
 */
import { ValidationError } from '../errors.ts';
import { describeReason, type SkipReason, type WorkCalendar } from '../calendar/calendar.ts';
import { isDateString } from '../calendar/dates.ts';

/** 条例第三十三条第二款: 20 working days. */
export const REPLY_PERIOD = 20;
/** 条例第三十条: the 补正 notice within 7 working days of receipt. */
export const CORRECTION_NOTICE_PERIOD = 7;
/** 条例第三十三条第二款: an extension of at most 20 working days. */
export const MAX_EXTENSION = 20;
/** 条例第三十二条、第三十四条: the consulted party answers within 15 working days of receipt. */
export const CONSULTATION_WINDOW = 15;
/** 20 working days to pay from the day after the notice is received: 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号), wording as restated by the 四川 notice of 2021-01-18 (docs/requests.md, 信息处理费). */
export const FEE_PAYMENT_PERIOD = 20;

export type PauseKind = 'third_party' | 'co_agency';

export interface DeadlinePause {
  kind?: PauseKind;
  /** The day the consultation letter is sent (still counted). */
  sentOn: string;
  /** The day the consulted party received the letter; its 15-working-day window runs from it (default sentOn). */
  deliveredOn?: string | null;
  /** The day the answer arrived (the last paused day); absent while waiting, or if no answer came. */
  answeredOn?: string | null;
}

export interface DeadlineFee {
  /** The day the applicant received the fee notice. */
  noticeReceivedOn: string;
  /** The day the fee was paid, if it was. */
  paidOn?: string | null;
}

export interface DeadlineInput {
  /** 收到申请之日 (条例第三十一条). */
  receivedOn: string;
  /** The day the corrected (补正后的) request was received. */
  correctedOn?: string | null;
  pauses?: readonly DeadlinePause[];
  /** Extension k in working days (1–20), once. */
  extensionDays?: number | null;
  fee?: DeadlineFee | null;
  /** Agency setting `fee_pauses_reply_clock` (default true): the fee window pauses the reply clock. */
  feePausesReplyClock?: boolean;
  /** 条例第三十五条: a later reply date the agency set after asking for reasons (replaces a nearer due date). */
  laterReplyOn?: string | null;
}

export type DeadlineEvent =
  | 'received'
  | 'correction_notice_due'
  | 'corrected'
  | 'pause_start'
  | 'pause_end'
  | 'fee_notice'
  | 'fee_paid'
  | 'fee_payment_due'
  | 'original_due'
  | 'later_due'
  | 'due';

/** Why a day between the trigger and the due date was not counted. */
export type DeadlineSkipReason = SkipReason | `paused:${string}`;

export interface DeadlineSkippedDay {
  date: string;
  reason: DeadlineSkipReason;
}

export interface DeadlineStep {
  date: string;
  event: DeadlineEvent;
  note: string;
}

export interface DeadlineResult {
  /** The reply due date (extended when an extension is given). */
  due: string;
  /** Whether the due date rests on a provisional calendar year. */
  provisional: boolean;
  steps: DeadlineStep[];
  /** The 20-day due date, before any extension. */
  originalDue: string;
  /** The day the 补正 notice must go out by. */
  correctionNoticeDue: string;
  /** The fee payment deadline, when a fee notice was received. */
  feePaymentDue: string | null;
  /** Every day between the trigger and the due date that was not counted, with why. */
  skipped: DeadlineSkippedDay[];
  /** The calendar version(s) used (store it; recompute when it changes). */
  calendarVersion: string;
}

interface Interval {
  /** Last counted day before the pause. */
  from: string;
  /** Last paused day. */
  to: string;
  label: string;
}

function requireDate(v: string, field: string): void {
  if (!isDateString(v))
    throw new ValidationError(`日期格式不正确：${v}（应为 YYYY-MM-DD）`, { [field]: '日期格式不正确' });
}

function validate(input: DeadlineInput): void {
  requireDate(input.receivedOn, 'receivedOn');
  if (input.correctedOn != null) {
    requireDate(input.correctedOn, 'correctedOn');
    if (input.correctedOn < input.receivedOn) {
      throw new ValidationError('收到补正的日期不能早于收到申请的日期', { correctedOn: '早于收到申请日期' });
    }
  }
  for (const p of input.pauses ?? []) {
    requireDate(p.sentOn, 'pauses');
    if (p.deliveredOn != null) requireDate(p.deliveredOn, 'pauses');
    if (p.answeredOn != null) {
      requireDate(p.answeredOn, 'pauses');
      if (p.answeredOn < p.sentOn)
        throw new ValidationError(`收到意见的日期（${p.answeredOn}）早于发出征求意见书的日期`);
    }
    if (p.sentOn < input.receivedOn)
      throw new ValidationError(`征求意见书发出日期（${p.sentOn}）早于收到申请的日期`);
  }
  const k = input.extensionDays;
  if (k != null && (!Number.isInteger(k) || k < 1 || k > MAX_EXTENSION)) {
    throw new ValidationError(`延长答复期限应为1至${MAX_EXTENSION}个工作日（条例第三十三条第二款）`, {
      extensionDays: '超出范围',
    });
  }
  if (input.fee) {
    requireDate(input.fee.noticeReceivedOn, 'fee');
    if (input.fee.paidOn != null) requireDate(input.fee.paidOn, 'fee');
  }
}

/** The paused intervals, clamped to the trigger, merged, ascending. */
function pauseIntervals(
  cal: WorkCalendar,
  input: DeadlineInput,
  trigger: string,
  feePaymentDue: string | null,
) {
  const raw: Interval[] = [];
  for (const p of input.pauses ?? []) {
    // The window closes 15 working days after the consulted party received the letter (第三十二条).
    const windowEnd = cal.addWorkdays(p.deliveredOn ?? p.sentOn, CONSULTATION_WINDOW);
    const end = p.answeredOn != null && p.answeredOn < windowEnd ? p.answeredOn : windowEnd;
    raw.push({
      from: p.sentOn,
      to: end,
      label: p.kind === 'co_agency' ? '征求其他机关意见' : '征求第三方意见',
    });
  }
  if (input.fee && input.feePausesReplyClock && feePaymentDue) {
    const paid = input.fee.paidOn;
    raw.push({
      from: input.fee.noticeReceivedOn,
      to: paid && paid < feePaymentDue ? paid : feePaymentDue,
      label: '等待缴费',
    });
  }
  raw.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: Interval[] = [];
  for (const r of raw) {
    const from = r.from < trigger ? trigger : r.from;
    if (r.to <= from) continue;
    const last = merged[merged.length - 1];
    if (last && from <= last.to) {
      if (r.to > last.to) last.to = r.to;
    } else merged.push({ from, to: r.to, label: r.label });
  }
  return merged;
}

/** The n-th counted working day after the trigger, paused working days not counted. */
function countedDue(cal: WorkCalendar, trigger: string, n: number, pauses: readonly Interval[]): string {
  let due = cal.addWorkdays(trigger, n);
  for (const p of pauses) {
    if (p.from >= due) break;
    // Working days still to count after the pause starts, counted on from its last paused day.
    due = cal.addWorkdays(p.to, cal.workdaysBetween(p.from, due));
  }
  return due;
}

/** The reply due date only (the fast path for bulk recomputation). */
export function computeDueDate(
  cal: WorkCalendar,
  input: DeadlineInput,
): { due: string; provisional: boolean } {
  validate(input);
  const trigger = input.correctedOn ?? input.receivedOn;
  const feeDue = input.fee ? cal.addWorkdays(input.fee.noticeReceivedOn, FEE_PAYMENT_PERIOD) : null;
  const pauses = pauseIntervals(cal, input, trigger, feeDue);
  const due = countedDue(cal, trigger, REPLY_PERIOD + (input.extensionDays ?? 0), pauses);
  return { due, provisional: cal.touchesProvisional(input.receivedOn, due) };
}

/** The reply due date of a request, with every step of how it was computed. */
export function computeDeadline(cal: WorkCalendar, input: DeadlineInput): DeadlineResult {
  validate(input);
  const trigger = input.correctedOn ?? input.receivedOn;
  const k = input.extensionDays ?? 0;
  const correction = cal.addWorkdaysChecked(input.receivedOn, CORRECTION_NOTICE_PERIOD);
  const fee = input.fee ? cal.addWorkdaysChecked(input.fee.noticeReceivedOn, FEE_PAYMENT_PERIOD) : null;
  const pauses = pauseIntervals(cal, input, trigger, fee?.date ?? null);
  const originalDue = countedDue(cal, trigger, REPLY_PERIOD, pauses);
  const statutoryDue = k ? countedDue(cal, trigger, REPLY_PERIOD + k, pauses) : originalDue;
  const later = input.laterReplyOn && input.laterReplyOn > statutoryDue ? input.laterReplyOn : null;
  const due = later ?? statutoryDue;
  const provisional = cal.touchesProvisional(input.receivedOn, due);
  const tentative = (p: boolean) => (p ? '（暂定：涉及尚未载入放假安排的年度）' : '');

  const steps: DeadlineStep[] = [
    { date: input.receivedOn, event: 'received', note: '收到申请（条例第三十一条），收到当日不计入期限' },
  ];
  steps.push({
    date: correction.date,
    event: 'correction_notice_due',
    note: `如需补正，应在收到申请之日起${CORRECTION_NOTICE_PERIOD}个工作日内一次性告知（条例第三十条）${tentative(correction.provisional)}`,
  });
  if (input.correctedOn != null) {
    steps.push({
      date: input.correctedOn,
      event: 'corrected',
      note: '收到补正后的申请，答复期限自当日起重新计算（条例第三十条），当日不计入',
    });
  }
  for (const p of pauses) {
    const days = cal.workdaysBetween(p.from, p.to);
    steps.push({
      date: p.from,
      event: 'pause_start',
      note:
        p.label === '等待缴费'
          ? '收费通知送达：按本机关设置，等待缴费期间不计入答复期限'
          : `发出征求意见书（${p.label}），当日计入，次日起暂停计算（条例第三十三条第三款）`,
    });
    steps.push({
      date: p.to,
      event: 'pause_end',
      note: `${p.label}期间结束，共${days}个工作日不计入答复期限；次一工作日起继续计算`,
    });
  }
  if (input.fee && fee) {
    steps.push({
      date: input.fee.noticeReceivedOn,
      event: 'fee_notice',
      note: '申请人收到收费通知；应自次日起20个工作日内缴费，逾期视为放弃申请',
    });
    if (input.fee.paidOn != null)
      steps.push({ date: input.fee.paidOn, event: 'fee_paid', note: '申请人缴纳信息处理费' });
    steps.push({
      date: fee.date,
      event: 'fee_payment_due',
      note: `缴费期限届满（收到收费通知次日起第${FEE_PAYMENT_PERIOD}个工作日）${tentative(fee.provisional)}`,
    });
  }
  const skipped = pausedOrSkipped(cal, trigger, due, pauses);
  const summary = summarise(skipped);
  if (k) {
    steps.push({
      date: originalDue,
      event: 'original_due',
      note: `原答复期限：第${REPLY_PERIOD}个计入的工作日（条例第三十三条第二款）${tentative(cal.touchesProvisional(input.receivedOn, originalDue))}`,
    });
  }
  if (later)
    steps.push({
      date: statutoryDue,
      event: 'later_due',
      note: `按条例第三十三条计算的答复期限；本机关已要求申请人说明理由，认为理由合理但无法在此期限内答复，依条例第三十五条确定延迟答复的期限为${later}并告知申请人`,
    });
  steps.push({
    date: due,
    event: 'due',
    note: later
      ? `延迟答复的合理期限（条例第三十五条），由本机关确定并告知申请人`
      : k
        ? `经政府信息公开工作机构负责人同意延长${k}个工作日（条例第三十三条第二款）：自${trigger}起第${REPLY_PERIOD + k}个计入的工作日${summary}${tentative(provisional)}`
        : `答复期限：自${trigger}起第${REPLY_PERIOD}个计入的工作日（条例第三十三条第二款）${summary}${tentative(provisional)}`,
  });
  steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    due,
    provisional,
    steps,
    originalDue,
    correctionNoticeDue: correction.date,
    feePaymentDue: fee?.date ?? null,
    skipped,
    calendarVersion: cal.versionTag(input.receivedOn, due),
  };
}

/** Every day after the trigger up to the due date that was not counted: non-working days and paused days. */
function pausedOrSkipped(
  cal: WorkCalendar,
  trigger: string,
  due: string,
  pauses: readonly Interval[],
): DeadlineSkippedDay[] {
  const out: DeadlineSkippedDay[] = cal.skippedBetween(trigger, due);
  for (const p of pauses) {
    if (p.from >= due) continue;
    const to = p.to < due ? p.to : due;
    const n = cal.workdaysBetween(p.from, to);
    for (let i = 1; i <= n; i++) out.push({ date: cal.addWorkdays(p.from, i), reason: `paused:${p.label}` });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}

function summarise(skipped: readonly DeadlineSkippedDay[]): string {
  let weekend = 0;
  let paused = 0;
  const holidays = new Map<string, number>();
  for (const s of skipped) {
    if (s.reason === 'weekend') weekend++;
    else if (s.reason.startsWith('paused:')) paused++;
    else {
      const label = describeReason(s.reason as SkipReason);
      holidays.set(label, (holidays.get(label) ?? 0) + 1);
    }
  }
  const parts: string[] = [];
  if (weekend) parts.push(`周末${weekend}天`);
  for (const [label, n] of holidays) parts.push(`${label}${n}天`);
  if (paused) parts.push(`暂停计算的工作日${paused}天`);
  return parts.length ? `，跳过${parts.join('、')}` : '';
}
