/**
 * 补正 (条例第三十条), pure:
 *
 * > 政府信息公开申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起7个工作日内一次性告知申请人作出补正，
 * > 说明需要补正的事项和合理的补正期限。答复期限自行政机关收到补正的申请之日起计算。申请人无正当理由逾期不补正的，
 * > 视为放弃申请，行政机关不再处理该政府信息公开申请。
 *
 * - one notice per request (一次性告知), listing every item: a second notice is refused — it would restart the 20 days;
 * - within 7 working days of receipt: a late notice is refused (no override: it would move the due date);
 * - the correction period runs from the day the applicant receives the notice (its delivery date);
 * - 视为放弃 only after that period has ended;
 * - （四）3 「补正后申请内容仍不明确」 only after a 补正 that was answered.
 */
import { InvalidStateError } from '../errors.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';

export interface CorrectionNoticeCheck {
  /** 补正 notices already issued for the request. */
  earlierNotices: number;
  /** The day the notice would be issued. */
  today: string;
  /** The last day for the notice (7th working day after receipt). */
  noticeDue: string | null;
}

/** Refuse a second or a late 补正 notice (第三十条); returns nothing when the notice may go out. */
export function checkCorrectionNotice(c: CorrectionNoticeCheck): void {
  if (c.earlierNotices > 0)
    throw new InvalidStateError(
      '补正应当一次性告知（条例第三十条），本申请已经告知过补正，不能再次告知：再次告知会使答复期限重新起算',
    );
  if (c.noticeDue && c.today > c.noticeDue)
    throw new InvalidStateError(
      `补正告知应在收到申请之日起7个工作日内（${c.noticeDue}前）发出（条例第三十条），现已超过，不能再告知补正；请按申请内容作出答复`,
    );
}

/** How a 补正 notice reaches the applicant, and which day counts as received by default. */
export const NOTICE_DELIVERY = ['online', 'email', 'in_person', 'post'] as const;
export type NoticeDelivery = (typeof NOTICE_DELIVERY)[number];
export const NOTICE_DELIVERY_LABELS: Record<NoticeDelivery, string> = {
  online: '网上送达（申请人凭查询码查看）',
  email: '电子邮件',
  in_person: '当面交付',
  post: '邮寄（以签收之日为准）',
};

/**
 * The default delivery day of a notice sent today: online, e-mail and in person the send day; by post unknown until
 * the signed-for day is recorded (null).
 */
export function defaultDeliveredOn(method: NoticeDelivery, sentOn: string): string | null {
  return method === 'post' ? null : sentOn;
}

/** The last day of the correction period: `days` working days after the applicant received the notice. */
export function correctionPeriodEnd(
  cal: WorkCalendar,
  deliveredOn: string | null,
  days: number,
): { date: string; provisional: boolean } | null {
  if (!deliveredOn) return null;
  return cal.addWorkdaysChecked(deliveredOn, days);
}

/** 视为放弃 (第三十条) only once the period, counted from delivery, has ended. */
export function checkAbandonNoCorrection(c: {
  deliveredOn: string | null;
  periodEnd: string | null;
  today: string;
}): void {
  if (!c.deliveredOn || !c.periodEnd)
    throw new InvalidStateError(
      '尚未登记申请人收到补正告知书的日期，补正期限尚未开始计算，不能按视为放弃处理（条例第三十条）',
    );
  if (c.today <= c.periodEnd)
    throw new InvalidStateError(`补正期限尚未届满（至${c.periodEnd}），不能按视为放弃处理（条例第三十条）`);
}

/** （四）3 「补正后申请内容仍不明确」 requires a 补正 notice that the applicant answered (第三十条). */
export function checkUnclearAfterCorrection(corrections: readonly { receivedOn: string | null }[]): void {
  if (!corrections.some((c) => c.receivedOn))
    throw new InvalidStateError(
      '“补正后申请内容仍不明确”须以告知补正并收到补正为前提（条例第三十条）；本申请没有收到过补正',
    );
}
