/**
 * The monthly figures: per-office tables, and the trend drawn with the shared chart kit (src/charts/, server-rendered
 * SVG with its own data table and summary).
 */
import type { MonthFigures } from '../../inquiries/figures.queries.ts';
import type { OfficeFigures } from '../../inquiries/figures.ts';
import { Chart, type ChartSpec } from '../../charts/index.ts';

const pct = (v: number | null) => (v == null ? '—' : `${v.toFixed(1)}%`);
const num = (v: number | null) => (v == null ? '—' : v.toFixed(1));

export function officeLabel(names: Map<number, string>, id: number | null): string {
  return id == null ? '未分办' : (names.get(id) ?? '（已删除的单位）');
}

/** One month's table: per office and the total. */
export function FiguresTable({ month, names }: { month: MonthFigures; names: Map<number, string> }) {
  const [y, m] = month.month.split('-');
  const rows: [string, OfficeFigures][] = [
    ...month.offices.map((o): [string, OfficeFigures] => [officeLabel(names, o.officeId), o]),
    ['合计', month.total],
  ];
  return (
    <section class="card" id={`m-${month.month}`} aria-label={`${Number(y)}年${Number(m)}月`}>
      <h2>
        {Number(y)}年{Number(m)}月
      </h2>
      <div class="table-scroll" tabindex={0}>
        <table class="data" data-figures={month.month}>
          <thead>
            <tr>
              <th scope="col">承办单位</th>
              <th scope="col">收到</th>
              <th scope="col">已办结</th>
              <th scope="col">回复率</th>
              <th scope="col">按期答复率</th>
              <th scope="col">解决率</th>
              <th scope="col">满意率</th>
              <th scope="col">平均办理（工作日）</th>
              <th scope="col">超期</th>
              <th scope="col">合并重复</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, f]) => (
              <tr>
                <th scope="row">{label}</th>
                <td>{f.received}</td>
                <td>{f.answered}</td>
                <td>{pct(f.replyRate)}</td>
                <td>{pct(f.onTimeRate)}</td>
                <td>{pct(f.resolvedRate)}</td>
                <td>
                  {pct(f.satisfactionRate)}
                  {f.rated ? <span class="muted">（{f.rated}人评价）</span> : null}
                </td>
                <td>{num(f.averageDays)}</td>
                <td>{f.overdue}</td>
                <td>{f.merged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The trend spec of a run of months: 回复率, 按期答复率, 解决率, 满意率 of the totals (ratios 0…1, null = no data). */
export function trendSpec(months: MonthFigures[], id = 'inquiry-rates'): ChartSpec {
  const ratio = (v: number | null) => (v == null ? null : v / 100);
  const t = months.map((m) => m.total);
  return {
    kind: 'line',
    id,
    title: '各月留言回复率、按期答复率、解决率、满意率',
    lead: '按收到月份统计；解决率以留言人评价为准，未评价的不计为解决。',
    format: 'percent',
    categories: months.map((m) => ({
      label: `${Number(m.month.slice(5))}月`,
      href: `/office/inquiries/figures#m-${m.month}`,
    })),
    series: [
      { label: '回复率', values: t.map((x) => ratio(x.replyRate)) },
      { label: '按期答复率', values: t.map((x) => ratio(x.onTimeRate)) },
      { label: '解决率', values: t.map((x) => ratio(x.resolvedRate)) },
      { label: '满意率', values: t.map((x) => ratio(x.satisfactionRate)) },
    ],
    href: '/office/inquiries/figures',
  };
}

/** The trend chart (the shared chart kit, src/charts/). */
export function TrendChart({ months, id }: { months: MonthFigures[]; id?: string }) {
  return <Chart spec={trendSpec(months, id)} />;
}
