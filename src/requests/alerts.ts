/**
 * Deadline alerts (disclosure-rules.md §3.4, interpretation): due-soon while at most N working days are left
 * (N: the agency's longest alert, default 5 — the same horizon as the ledger's 即将到期 filter), due today, overdue.
 * Pure.
 */
import type { WorkCalendar } from '../calendar/calendar.ts';

export type AlertLevel = 'overdue' | 'due_today' | 'due_soon';

export interface Alert {
  level: AlertLevel;
  /** Working days left (0 today; negative: working days overdue). */
  workdaysLeft: number;
}

/** The alert for a due date today, or null when none is due (not an alert day). */
export function alertFor(cal: WorkCalendar, today: string, dueOn: string, soonDays: number): Alert | null {
  // `|| 0`: overdue with no working day since (a holiday) is 0, not -0.
  if (dueOn < today) return { level: 'overdue', workdaysLeft: -cal.workdaysBetween(dueOn, today) || 0 };
  if (dueOn === today) return { level: 'due_today', workdaysLeft: 0 };
  const left = cal.workdaysBetween(today, dueOn);
  return left <= soonDays ? { level: 'due_soon', workdaysLeft: left } : null;
}

/** The alert wording a handler reads. */
export function alertText(a: Alert, reference: string, dueOn: string): string {
  if (a.level === 'overdue')
    return `申请${reference}已超过答复期限（${dueOn}）${a.workdaysLeft ? `${-a.workdaysLeft}个工作日` : ''}`;
  if (a.level === 'due_today') return `申请${reference}今天（${dueOn}）到期`;
  return `申请${reference}还有${a.workdaysLeft}个工作日到期（${dueOn}）`;
}

// The quiet-hours rule lives with the notifications' delivery; re-exported for the daily alert run.
export { smsSendTime } from '../notifications/quiet-hours.ts';
