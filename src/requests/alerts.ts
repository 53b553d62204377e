/**
 * Deadline alerts (disclosure-rules.md §3.4, interpretation): due-soon at the configured working days before the
 * due date (default 5, 3, 1), due today, overdue. Pure.
 */
import type { WorkCalendar } from '../calendar/calendar.ts';

export type AlertLevel = 'overdue' | 'due_today' | 'due_soon';

export interface Alert {
  level: AlertLevel;
  /** Working days left (0 today; negative: working days overdue). */
  workdaysLeft: number;
}

/** The alert for a due date today, or null when none is due (not an alert day). */
export function alertFor(
  cal: WorkCalendar,
  today: string,
  dueOn: string,
  alertDays: readonly number[],
): Alert | null {
  if (dueOn < today) return { level: 'overdue', workdaysLeft: -cal.workdaysBetween(dueOn, today) };
  if (dueOn === today) return { level: 'due_today', workdaysLeft: 0 };
  const left = cal.workdaysBetween(today, dueOn);
  return alertDays.includes(left) ? { level: 'due_soon', workdaysLeft: left } : null;
}

/** The alert wording a handler reads. */
export function alertText(a: Alert, reference: string, dueOn: string): string {
  if (a.level === 'overdue')
    return `申请${reference}已超过答复期限（${dueOn}）${a.workdaysLeft ? `${-a.workdaysLeft}个工作日` : ''}`;
  if (a.level === 'due_today') return `申请${reference}今天（${dueOn}）到期`;
  return `申请${reference}还有${a.workdaysLeft}个工作日到期（${dueOn}）`;
}

const SHANGHAI_OFFSET_MIN = 8 * 60;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * When an SMS may be sent: now, or the end of the quiet hours (Asia/Shanghai) if now falls inside them. The quiet
 * window may run over midnight (21:00–08:00).
 */
export function smsSendTime(now: Date, quietStart: string, quietEnd: string): Date {
  const local = (now.getUTCHours() * 60 + now.getUTCMinutes() + SHANGHAI_OFFSET_MIN) % 1440;
  const s = minutes(quietStart);
  const e = minutes(quietEnd);
  const quiet = s === e ? false : s < e ? local >= s && local < e : local >= s || local < e;
  if (!quiet) return now;
  const wait = (e - local + 1440) % 1440;
  const t = new Date(now.getTime() + wait * 60_000);
  t.setUTCSeconds(0, 0);
  return t;
}
