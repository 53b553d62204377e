/** The dashboard card of 依申请公开: requests awaiting confirmation, due soon (5/3/1 working days), overdue. */
import type { DashboardWidget } from './dashboard-widgets.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { alertFor, alertText } from '../requests/alerts.ts';
import { KeepTogether } from './views/keep-together.tsx';
import { dueSoonDays, getRequestSettings } from '../requests/settings.ts';
import { requestPolicy } from '../requests/request.policy.ts';
import { listOpenRequestHeads, requestScope } from '../requests/index.ts';

export const requestsWidget: DashboardWidget = async (ctx, user) => {
  const scope = await requestScope(ctx.db, user.agencyId);
  if (!requestPolicy.view(ctx.actor, scope)) return null;
  const today = ctx.clock.today();
  const [settings, cal, rows] = await Promise.all([
    getRequestSettings(ctx.db, user.agencyId),
    getCalendar(ctx.db, user.agencyId),
    listOpenRequestHeads(ctx.db, user.agencyId),
  ]);
  const pending = rows.filter((r) => r.status === 'pending_confirmation');
  const alerts = rows
    .filter((r) => r.due_on)
    .map((r) => ({ r, a: alertFor(cal, today, r.due_on!, dueSoonDays(settings)) }))
    .filter((x) => x.a);
  const overdue = alerts.filter((x) => x.a!.level === 'overdue');
  const soon = alerts.filter((x) => x.a!.level !== 'overdue');
  const open = rows.length - pending.length;
  return (
    <section class="card" aria-labelledby="requests-h">
      <h2 id="requests-h">
        <a href="/office/requests">依申请公开</a>
      </h2>
      <p>
        办理中 {open} 件 · 待确认 {pending.length} 件 ·{' '}
        <a href="/office/requests?due=overdue" class={overdue.length ? 'badge err' : undefined}>
          逾期 {overdue.length} 件
        </a>
      </p>
      {pending.length || alerts.length ? (
        <ul>
          {pending.slice(0, 5).map((r) => (
            <li>
              <a href={`/office/requests/${r.id}`}>{r.reference}</a> 待确认收到
            </li>
          ))}
          {[...overdue, ...soon].slice(0, 10).map(({ r, a }) => (
            <li>
              <a href={`/office/requests/${r.id}`}>
                <KeepTogether text={alertText(a!, r.reference, r.due_on!)} />
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">暂无即将到期的申请</p>
      )}
    </section>
  );
};
