import type { DashboardWidget } from './dashboard-widgets.ts';
import { calendarPolicy } from '../calendar/calendar.policy.ts';
import { findCalendarYearSummary } from '../calendar/calendar.queries.ts';

/**
 * From 1 November the administrator is reminded, on the dashboard, to load next year's State Council notice until it
 * is loaded: December requests have January deadlines, which stay provisional until then (disclosure-rules.md §4).
 */
export const calendarReminderWidget: DashboardWidget = async (ctx, user) => {
  if (!calendarPolicy.manage(ctx.actor) || !user.roles.includes('platform_admin')) return null;
  const today = ctx.clock.today();
  if (today.slice(5) < '11-01') return null;
  const next = Number(today.slice(0, 4)) + 1;
  if (await findCalendarYearSummary(ctx.db, next)) return null;
  return (
    <section class="card" aria-labelledby="cal-remind-h">
      <h2 id="cal-remind-h">请载入{next}年放假安排</h2>
      <p>
        {next}年的国务院办公厅放假安排通知尚未载入，涉及{next}
        年的期限目前按暂定日历计算并标注“暂定”。通知发布后请及时载入。
      </p>
      <p>
        <a href={`/office/calendar?year=${next}`}>前往工作日历 →</a>
      </p>
    </section>
  );
};
