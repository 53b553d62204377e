/** Donut: shares of a whole, the total in the middle, a legend with number and share beside it. */
import type { VNode } from 'preact';
import type { DonutChartSpec } from './chart.ts';
import { fitLabel, formatValue, textWidth } from './format.ts';
import { GRID, INK, MUTED_INK, hatchPath, seriesColour } from './palette.ts';
import { FONT, HatchDefs, MaybeLink, SMALL, Svg, r2, safeId } from './svg-parts.tsx';

const R = 74;
const INNER = 46;
const ROW_H = 20;

function point(cx: number, cy: number, r: number, a: number): string {
  return `${r2(cx + r * Math.sin(a))},${r2(cy - r * Math.cos(a))}`;
}

/** Annular sector from angle a0 to a1 (radians, clockwise from 12 o'clock). */
function sector(cx: number, cy: number, a0: number, a1: number): string {
  const large = a1 - a0 > Math.PI ? 1 : 0;
  return (
    `M${point(cx, cy, R, a0)} A${R},${R} 0 ${large} 1 ${point(cx, cy, R, a1)} ` +
    `L${point(cx, cy, INNER, a1)} A${INNER},${INNER} 0 ${large} 0 ${point(cx, cy, INNER, a0)} Z`
  );
}

export function donutSvg(spec: DonutChartSpec): VNode {
  const id = safeId(spec.id);
  const W = spec.width ?? 360;
  const f = spec.format;
  const total = spec.values.reduce((a, v) => a + Math.max(0, v), 0);
  const cx = R + 4;
  const cy = R + 4;
  const legendX = 2 * R + 20;
  const legendW = W - legendX;
  const H = Math.max(2 * R + 8, spec.slices.length * ROW_H + 8);
  const slices: VNode[] = [];
  let a = 0;
  spec.values.forEach((v, i) => {
    if (!(v > 0) || total === 0) return;
    // A single 100% slice is drawn as two halves: an SVG arc cannot start and end at the same point.
    const span = (v / total) * 2 * Math.PI;
    const parts =
      span >= 2 * Math.PI - 1e-9
        ? [
            [a, a + Math.PI],
            [a + Math.PI, a + 2 * Math.PI],
          ]
        : [[a, a + span]];
    const d = parts.map(([s, e]) => sector(cx, cy, s, e)).join(' ');
    const hatch = i > 0 && hatchPath(i) ? `url(#${id}-h${i})` : null;
    slices.push(
      <MaybeLink href={spec.slices[i].href}>
        <g class="gk-mark-group">
          <path
            class={`gk-mark gk-s${i}`}
            d={d}
            fill={seriesColour(i)}
            stroke="#ffffff"
            stroke-width="1.5"
            data-series={i}
            data-value={v}
          >
            <title>{`${spec.slices[i].label}：${formatValue(v, f)}（${formatValue(v / total, 'percent')}）`}</title>
          </path>
          {hatch ? <path class="gk-hatch" d={d} fill={hatch} pointer-events="none" /> : null}
        </g>
      </MaybeLink>,
    );
    a += span;
  });
  const legendRows = spec.slices.map((s, i) => {
    const v = spec.values[i] ?? 0;
    const tail = ` ${formatValue(v, f)}（${total > 0 ? formatValue(v / total, 'percent') : '—'}）`;
    const label = fitLabel(s.label, legendW - 18 - textWidth(tail, SMALL), SMALL);
    const y = 4 + i * ROW_H;
    return (
      <g class="gk-legend-item" transform={`translate(${legendX},${y})`}>
        <rect class={`gk-mark gk-s${i}`} x="0" y="2" width="12" height="12" fill={seriesColour(i)} />
        {i > 0 && hatchPath(i) ? (
          <rect class="gk-hatch" x="0" y="2" width="12" height="12" fill={`url(#${id}-h${i})`} />
        ) : null}
        <text class="gk-text" x="17" y="12.5" font-size={SMALL} fill={INK}>
          {label}
          <tspan class="gk-value" fill={MUTED_INK}>
            {tail}
          </tspan>
        </text>
      </g>
    );
  });
  return (
    <Svg id={id} width={W} height={H} title={spec.title}>
      <HatchDefs id={id} count={spec.slices.length} />
      {total === 0 ? (
        <circle
          class="gk-empty"
          cx={cx}
          cy={cy}
          r={(R + INNER) / 2}
          fill="none"
          stroke={GRID}
          stroke-width={R - INNER}
        />
      ) : null}
      <g class="gk-marks">{slices}</g>
      <text
        class="gk-text gk-total"
        x={cx}
        y={cy + 2}
        text-anchor="middle"
        font-size={18}
        font-weight="700"
        fill={INK}
      >
        {total === 0 ? '暂无' : formatValue(total, f)}
      </text>
      <text class="gk-text" x={cx} y={cy + 20} text-anchor="middle" font-size={SMALL} fill={MUTED_INK}>
        {total === 0 ? '数据' : (spec.totalLabel ?? '合计')}
      </text>
      <g class="gk-legend" font-size={FONT}>
        {legendRows}
      </g>
    </Svg>
  );
}
