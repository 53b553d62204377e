/**
 * 统计图表: the 依申请公开 and 主动公开 dashboards of an agency for a year (charts from src/charts, each linking to
 * the filtered ledger or list), with the same per agency below for an inspector. Thin: parse → use case → present.
 */
import type { App, C } from '../../app-env.ts';
import { currentUser, officePage } from '../../office-page.tsx';
import { Chart, ChartGrid, type ChartSpec } from '../../../charts/index.ts';
import { canSeeRequestDashboard, requestDashboard } from '../../../dashboards/request-dashboard.ts';
import { countyRequestCharts, requestCharts } from '../../../dashboards/request-charts.ts';
import { publicationDashboard } from '../../../dashboards/publication-dashboard.ts';
import { countyPublicationCharts, publicationCharts } from '../../../dashboards/publication-charts.ts';
import { getAgency } from '../../../org/org.queries.ts';

const FIRST_YEAR = 2019;

function yearOf(c: C): number {
  const current = Number(c.get('ctx').clock.today().slice(0, 4));
  const y = Number(c.req.query('year'));
  return Number.isInteger(y) && y >= FIRST_YEAR && y <= current ? y : current;
}

function agencyOf(c: C): number {
  const chosen = Number(c.req.query('agency'));
  return Number.isInteger(chosen) && chosen > 0 ? chosen : currentUser(c).agencyId;
}

function YearForm({
  action,
  year,
  current,
  agency,
}: {
  action: string;
  year: number;
  current: number;
  agency?: number;
}) {
  const years = Array.from({ length: current - FIRST_YEAR + 1 }, (_, i) => current - i);
  return (
    <form method="get" action={action} class="filters">
      {agency ? <input type="hidden" name="agency" value={String(agency)} /> : null}
      <label for="stats-year">年度</label>{' '}
      <select id="stats-year" name="year">
        {years.map((y) => (
          <option value={String(y)} selected={y === year}>
            {y}年
          </option>
        ))}
      </select>{' '}
      <button type="submit">查看</button>
    </form>
  );
}

function StatsNav({
  current,
  requests = true,
}: {
  current: 'requests' | 'publications';
  requests?: boolean;
}) {
  if (!requests) return null;
  return (
    <nav class="filters" aria-label="统计图表">
      {current === 'requests' ? (
        <strong aria-current="page">依申请公开</strong>
      ) : (
        <a href="/office/stats/requests">依申请公开</a>
      )}
      {' · '}
      {current === 'publications' ? (
        <strong aria-current="page">主动公开</strong>
      ) : (
        <a href="/office/stats/publications">主动公开</a>
      )}
    </nav>
  );
}

function Charts({ specs }: { specs: ChartSpec[] }) {
  return (
    <ChartGrid>
      {specs.map((s) => (
        <Chart spec={s} />
      ))}
    </ChartGrid>
  );
}

export function statsRoutes(app: App): void {
  app.get('/office/stats', async (c) => {
    const user = currentUser(c);
    const ok = await canSeeRequestDashboard(c.get('ctx'), user.agencyId);
    return c.redirect(ok ? '/office/stats/requests' : '/office/stats/publications', 302);
  });

  app.get('/office/stats/requests', async (c) => {
    const year = yearOf(c);
    const agencyId = agencyOf(c);
    const d = await requestDashboard(c.get('ctx'), agencyId, year);
    const agency = await getAgency(c.get('deps').db, agencyId);
    const param = agencyId === currentUser(c).agencyId ? undefined : agencyId;
    const current = Number(c.get('ctx').clock.today().slice(0, 4));
    return officePage(
      c,
      '依申请公开统计',
      <>
        <h1>依申请公开统计 · {agency.name}</h1>
        <StatsNav current="requests" />
        <YearForm action="/office/stats/requests" year={year} current={current} agency={param} />
        {d.own ? (
          <>
            <p>
              {year}年收到申请 {d.own.totals.received} 件，办结 {d.own.totals.closed} 件，其中答复{' '}
              {d.own.totals.replies} 件、按时答复 {d.own.totals.onTime}{' '}
              件。图中的每个柱、点都链接到对应的申请台账。
            </p>
            <Charts specs={requestCharts(d.own, param)} />
          </>
        ) : null}
        {d.below.length ? (
          <section aria-labelledby="below-h">
            <h2 id="below-h">下级各单位</h2>
            <Charts specs={countyRequestCharts(year, d.below)} />
          </section>
        ) : null}
      </>,
    );
  });

  app.get('/office/stats/publications', async (c) => {
    const year = yearOf(c);
    const agencyId = agencyOf(c);
    const d = await publicationDashboard(c.get('ctx'), agencyId, year);
    const requests = await canSeeRequestDashboard(c.get('ctx'), agencyId);
    const agency = await getAgency(c.get('deps').db, agencyId);
    const param = agencyId === currentUser(c).agencyId ? undefined : agencyId;
    const current = Number(c.get('ctx').clock.today().slice(0, 4));
    return officePage(
      c,
      '主动公开统计',
      <>
        <h1>主动公开统计 · {agency.name}</h1>
        <StatsNav current="publications" requests={requests} />
        <YearForm action="/office/stats/publications" year={year} current={current} agency={param} />
        <p>
          {year}年主动公开信息 {d.own.totals.published} 条，其中按期发布 {d.own.totals.onTime} 条、超期发布{' '}
          {d.own.totals.late} 条。
        </p>
        <Charts specs={publicationCharts(d.own, param)} />
        {d.below.length ? (
          <section aria-labelledby="below-h">
            <h2 id="below-h">下级各单位</h2>
            <Charts specs={countyPublicationCharts(d)} />
          </section>
        ) : null}
      </>,
    );
  });
}
