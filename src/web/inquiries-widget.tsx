/**
 * The dashboard card of 互动交流: what waits for this user (routing, answers, approvals, transfers), the 3-month
 * alarm, and this year's figures as an SVG chart with its table.
 */
import type { DashboardWidget } from './dashboard-widgets.ts';
import { agencyScope } from '../org/org.queries.ts';
import { inquiryPolicy } from '../inquiries/inquiry.policy.ts';
import { threeMonthAlarms } from '../inquiries/send-inquiry-alerts.ts';
import { computeMonth } from '../inquiries/figures.queries.ts';
import { monthsBetween } from '../inquiries/figures.ts';
import { officeNames } from '../inquiries/inquiries.queries.ts';
import { listOpenInquiries } from '../inquiries/index.ts';
import { TrendChart, FiguresTable } from './views/inquiry-charts.tsx';
import { cnDate } from '../requests/letters.ts';
import { addDays } from '../calendar/dates.ts';

export const inquiriesWidget: DashboardWidget = async (ctx, user) => {
  const scope = { ...(await agencyScope(ctx.db, user.agencyId)), officeId: user.officeId };
  if (!inquiryPolicy.view(ctx.actor, scope)) return null;
  const today = ctx.clock.today();
  const rows = await listOpenInquiries(ctx.db, user.agencyId);
  const mine = rows.filter((r) =>
    r.status === 'pending_routing'
      ? user.roles.includes('clerk')
      : r.officeId != null &&
        r.officeId === user.officeId &&
        (r.status === 'in_progress' ? true : user.roles.includes('office_head')),
  );
  const overdue = rows.filter((r) => today > r.dueOn);
  const alarms = await threeMonthAlarms(ctx.db, user.agencyId, today);
  const months = monthsBetween(addDays(`${today.slice(0, 7)}-01`, -170).slice(0, 7), today.slice(0, 7));
  const figures = [];
  for (const m of months) figures.push(await computeMonth(ctx.db, user.agencyId, m, today));
  const names = await officeNames(ctx.db, user.agencyId);
  const last = figures[figures.length - 2] ?? figures[figures.length - 1]!;
  return (
    <section class="card" aria-labelledby="inquiries-h" style="grid-column:1/-1">
      <h2 id="inquiries-h">
        <a href="/office/inquiries">互动交流</a>
      </h2>
      <p>
        办理中 {rows.length} 条 · 待我办理 {mine.length} 条 ·{' '}
        <span class={overdue.length ? 'badge err' : undefined}>超期 {overdue.length} 条</span>
      </p>
      {alarms.length ? (
        <p class="form-error" role="alert">
          临近三个月未答复：
          {alarms.map((a) => (
            <>
              <a href={`/office/inquiries/${a.id}`}>{a.reference}</a>（{cnDate(a.receivedOn)}收到）{' '}
            </>
          ))}
        </p>
      ) : null}
      {mine.length ? (
        <ul>
          {mine.slice(0, 8).map((r) => (
            <li>
              <a href={`/office/inquiries/${r.id}`}>{r.reference}</a>{' '}
              {r.status === 'pending_routing'
                ? '待分办'
                : r.status === 'pending_approval'
                  ? '答复待审核'
                  : '待答复'}
              （期限{r.dueOn}）
            </li>
          ))}
        </ul>
      ) : null}
      <TrendChart months={figures} />
      <FiguresTable month={last} names={names} />
      <p>
        <a href="/office/inquiries/figures">全部统计 →</a>
      </p>
    </section>
  );
};
