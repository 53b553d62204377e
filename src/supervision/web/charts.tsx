/**
 * Minimal server-rendered SVG charts for the supervision dashboard, each with its data table beside it (the table is
 * the accessible form; the SVG is aria-hidden). Kept in this one file until the shared chart kit (src/charts/)
 * reaches main.
 */
export interface Series {
  name: string;
  color: string;
  /** null: no data for that label (no bar, “—” in the table). */
  values: (number | null)[];
}

const W = 560;
const H = 220;
const PAD = { l: 36, r: 8, t: 12, b: 40 };

/** Grouped bars: one group per label, one bar per series. */
export function BarChart({
  title,
  labels,
  series,
  unit = '',
}: {
  title: string;
  labels: string[];
  series: Series[];
  unit?: string;
}) {
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const plotW = W - PAD.l - PAD.r;
  const plotH = H - PAD.t - PAD.b;
  const groupW = plotW / Math.max(1, labels.length);
  const barW = Math.max(2, (groupW * 0.8) / Math.max(1, series.length));
  const y = (v: number) => PAD.t + plotH - (v / max) * plotH;
  const ticks = [0, Math.round(max / 2), max];
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div class="chart-pair">
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-hidden="true" style="max-width:560px">
          {ticks.map((t) => (
            <g>
              <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} stroke="#ddd" />
              <text x={PAD.l - 4} y={y(t) + 4} font-size="11" text-anchor="end">
                {t}
              </text>
            </g>
          ))}
          {labels.map((l, i) => (
            <g>
              {series.map((s, k) => {
                const v = s.values[i];
                if (v == null) return null;
                const x = PAD.l + i * groupW + groupW * 0.1 + k * barW;
                return <rect x={x} y={y(v)} width={barW - 1} height={PAD.t + plotH - y(v)} fill={s.color} />;
              })}
              <text
                x={PAD.l + i * groupW + groupW / 2}
                y={H - PAD.b + 14}
                font-size="11"
                text-anchor="middle"
              >
                {l}
              </text>
            </g>
          ))}
          {series.map((s, k) => (
            <g>
              <rect x={PAD.l + k * 110} y={H - 16} width="10" height="10" fill={s.color} />
              <text x={PAD.l + k * 110 + 14} y={H - 7} font-size="11">
                {s.name}
              </text>
            </g>
          ))}
        </svg>
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{'　'}</th>
                {series.map((s) => (
                  <th scope="col">{s.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels.map((l, i) => (
                <tr>
                  <th scope="row">{l}</th>
                  {series.map((s) => (
                    <td>{s.values[i] == null ? '—' : `${s.values[i]}${unit}`}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </figure>
  );
}
