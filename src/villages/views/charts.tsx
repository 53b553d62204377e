/**
 * The village feature's charts, kept in this one file until the shared chart kit (src/charts/) lands: a heatmap
 * grid and a horizontal bar chart, server-rendered SVG with a text alternative. Every figure drawn here is also in
 * a table beside it.
 */
import type { HeatCell } from '../disclosure-calendar.ts';
import { cellShare } from '../disclosure-calendar.ts';

/** Colour of a share of on-time disclosure (colour-blind-safe sequential scale; grey = nothing due). */
export function shareColour(share: number | null): string {
  if (share === null) return '#eeeeee';
  if (share >= 1) return '#1a9850';
  if (share >= 0.75) return '#91cf60';
  if (share >= 0.5) return '#fee08b';
  if (share > 0) return '#fc8d59';
  return '#d73027';
}

export function cellTitle(name: string, month: number, c: HeatCell): string {
  if (c.due === 0) return `${name} ${month}月：无到期事项，公开${c.published}次`;
  return `${name} ${month}月：到期${c.due}项，按时${c.onTime}项，逾期公开${c.late}项，未公开${c.overdue}项`;
}

/** Villages × months heatmap. */
export function Heatmap({ rows }: { rows: { name: string; cells: HeatCell[] }[] }) {
  const cw = 34;
  const ch = 26;
  const left = 96;
  const top = 22;
  const w = left + cw * 12 + 4;
  const h = top + ch * rows.length + 4;
  return (
    <svg
      class="heatmap"
      viewBox={`0 0 ${w} ${h}`}
      width={w}
      height={h}
      role="img"
      aria-label="各村各月按时公开情况热力图（数据见右侧表格）"
    >
      {Array.from({ length: 12 }, (_, m) => (
        <text x={left + m * cw + cw / 2} y={15} font-size="12" text-anchor="middle">
          {m + 1}月
        </text>
      ))}
      {rows.map((r, i) => (
        <g>
          <text x={left - 6} y={top + i * ch + ch / 2 + 4} font-size="12" text-anchor="end">
            {r.name}
          </text>
          {r.cells.map((c, m) => (
            <rect
              x={left + m * cw + 1}
              y={top + i * ch + 1}
              width={cw - 2}
              height={ch - 2}
              fill={shareColour(cellShare(c))}
              data-due={c.due}
              data-on-time={c.onTime}
            >
              <title>{cellTitle(r.name, m + 1, c)}</title>
            </rect>
          ))}
        </g>
      ))}
    </svg>
  );
}

/** A horizontal bar chart of labelled amounts. */
export function Bars({
  items,
  unit,
  label,
}: {
  items: { label: string; value: number; text: string }[];
  unit: string;
  label: string;
}) {
  const max = Math.max(1, ...items.map((i) => i.value));
  const bw = 220;
  const left = 130;
  const rh = 28;
  const h = rh * items.length + 6;
  return (
    <svg class="bars" viewBox={`0 0 ${left + bw + 120} ${h}`} width="100%" role="img" aria-label={label}>
      {items.map((it, k) => (
        <g>
          <text x={left - 6} y={k * rh + 19} font-size="14" text-anchor="end">
            {it.label.length > 9 ? it.label.slice(0, 9) + '…' : it.label}
          </text>
          <rect
            x={left}
            y={k * rh + 5}
            width={Math.max(2, (it.value / max) * bw)}
            height={rh - 10}
            fill="#2b6cb0"
          />
          <text x={left + Math.max(2, (it.value / max) * bw) + 6} y={k * rh + 19} font-size="14">
            {it.text}
            {unit}
          </text>
        </g>
      ))}
    </svg>
  );
}
