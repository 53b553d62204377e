/**
 * The monthly figures as server-rendered SVG bar charts with their tables (the table is the accessible version of
 * the chart). Kept minimal and in this one file until the shared chart kit (src/charts/) reaches main.
 */
import type { MonthFigures } from '../../inquiries/figures.queries.ts';
import type { OfficeFigures } from '../../inquiries/figures.ts';

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
    <section class="card" aria-label={`${Number(y)}年${Number(m)}月`}>
      <h2>
        {Number(y)}年{Number(m)}月
      </h2>
      <div class="table-scroll">
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

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
}

/** A grouped bar chart of percentages per month (0–100). */
export function RateChart({ title, months, series }: { title: string; months: string[]; series: Series[] }) {
  const w = 640;
  const h = 220;
  const left = 36;
  const bottom = 28;
  const plotW = w - left - 8;
  const plotH = h - bottom - 28;
  const group = plotW / Math.max(1, months.length);
  const bar = Math.max(2, (group - 6) / Math.max(1, series.length));
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={title} width="100%" style="max-width:640px">
        <title>{title}</title>
        {[0, 25, 50, 75, 100].map((t) => {
          const yy = 20 + plotH - (t / 100) * plotH;
          return (
            <g>
              <line x1={left} x2={w - 8} y1={yy} y2={yy} stroke="#ddd" />
              <text x={left - 4} y={yy + 4} font-size="10" text-anchor="end">
                {t}
              </text>
            </g>
          );
        })}
        {months.map((m, i) => (
          <g>
            {series.map((s, j) => {
              const v = s.values[i];
              if (v == null) return null;
              const bh = (v / 100) * plotH;
              return (
                <rect
                  x={left + i * group + 3 + j * bar}
                  y={20 + plotH - bh}
                  width={bar - 1}
                  height={bh}
                  fill={s.color}
                >
                  <title>{`${m} ${s.label} ${v.toFixed(1)}%`}</title>
                </rect>
              );
            })}
            <text x={left + i * group + group / 2} y={h - 10} font-size="10" text-anchor="middle">
              {i === 0 || m.endsWith('-01') ? `${m.slice(2, 4)}年` : ''}
              {Number(m.slice(5))}月
            </text>
          </g>
        ))}
        {series.map((s, j) => (
          <g>
            <rect x={left + j * 110} y={2} width={10} height={10} fill={s.color} />
            <text x={left + j * 110 + 14} y={11} font-size="11">
              {s.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption class="muted">{title}（数据见下表）</figcaption>
    </figure>
  );
}

/** The standard chart of a run of months: 回复率, 按期答复率, 解决率, 满意率 of the totals. */
export function TrendChart({ months }: { months: MonthFigures[] }) {
  const ms = months.map((m) => m.month);
  const t = months.map((m) => m.total);
  return (
    <RateChart
      title="各月留言回复率、按期答复率、解决率、满意率（%）"
      months={ms}
      series={[
        { label: '回复率', values: t.map((x) => x.replyRate), color: '#1f6fb2' },
        { label: '按期答复率', values: t.map((x) => x.onTimeRate), color: '#2e9d57' },
        { label: '解决率', values: t.map((x) => x.resolvedRate), color: '#d08a1e' },
        { label: '满意率', values: t.map((x) => x.satisfactionRate), color: '#b8322f' },
      ]}
    />
  );
}
