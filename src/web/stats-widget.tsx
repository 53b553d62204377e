/** The dashboard card of 统计图表: this year's requests by month, open requests by due date, items by month. */
import type { DashboardWidget } from './dashboard-widgets.ts';
import { Chart, ChartGrid, type ChartSpec } from '../charts/index.ts';
import { requestDashboard } from '../dashboards/request-dashboard.ts';
import { requestCharts } from '../dashboards/request-charts.ts';
import { publicationDashboard } from '../dashboards/publication-dashboard.ts';
import { publicationCharts } from '../dashboards/publication-charts.ts';
import { isDomainError } from '../errors.ts';

const pick = (specs: ChartSpec[], ids: string[]) => specs.filter((s) => ids.includes(s.id));

export const statsWidget: DashboardWidget = async (ctx, user) => {
  const year = Number(ctx.clock.today().slice(0, 4));
  const specs: ChartSpec[] = [];
  // Only users who may read the request ledger are shown its statistics (and the link to them).
  let requests = false;
  try {
    const r = await requestDashboard(ctx, user.agencyId, year);
    requests = true;
    if (r.own) specs.push(...pick(requestCharts(r.own), ['req-received', 'req-open-due']));
  } catch (e) {
    if (!isDomainError(e)) throw e;
  }
  // A village-only user reads neither ledger (canReadAgencyData): no card.
  try {
    const p = await publicationDashboard(ctx, user.agencyId, year);
    specs.push(...pick(publicationCharts(p.own), ['pub-by-month']));
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return null;
  }
  return (
    <section class="card wide" aria-labelledby="stats-h">
      <h2 id="stats-h">
        <a href={requests ? '/office/stats/requests' : '/office/stats/publications'}>统计图表</a>
      </h2>
      <ChartGrid>
        {specs.map((s) => (
          <Chart spec={s} />
        ))}
      </ChartGrid>
      <p>
        {requests && (
          <>
            <a href="/office/stats/requests">依申请公开统计 →</a> ·{' '}
          </>
        )}
        <a href="/office/stats/publications">主动公开统计 →</a>
      </p>
    </section>
  );
};
