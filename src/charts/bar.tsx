/** Bar and stacked bar charts, vertical (months along the bottom) or horizontal (long Chinese labels on the left). */
import type { VNode } from 'preact';
import type { BarChartSpec, Category, Series, StackedBarChartSpec } from './chart.ts';
import { fitLabel, formatValue, textWidth, type ValueFormat } from './format.ts';
import { niceTicks } from './scale.ts';
import { GRID, INK } from './palette.ts';
import {
  FONT,
  HatchDefs,
  Rect,
  SMALL,
  Svg,
  ValueText,
  XLabels,
  YAxis,
  legend,
  r2,
  safeId,
} from './svg-parts.tsx';

interface Band {
  id: string;
  title: string;
  width: number;
  categories: Category[];
  series: Series[];
  format?: ValueFormat;
  orientation: 'vertical' | 'horizontal';
}

const PLOT_H = 150;
const ROW_H = 26;
const BAR_H = 16;

function totals(b: Band): number[] {
  return b.categories.map((_, i) => b.series.reduce((a, s) => a + Math.max(0, s.values[i] ?? 0), 0));
}

function markLabel(b: Band, si: number, ci: number, v: number): string {
  const name =
    b.series.length > 1 ? `${b.categories[ci].label} · ${b.series[si].label}` : b.categories[ci].label;
  return `${name}：${formatValue(v, b.format)}`;
}

function vertical(b: Band): VNode {
  const W = b.width;
  const lg = legend(
    b.id,
    b.series.map((s) => s.label),
    W,
    0,
  );
  const sums = totals(b);
  const ticks = niceTicks(Math.max(...sums, 0), 4, b.format === 'percent' ? 'percent' : undefined);
  const top = Math.max(...ticks);
  const left = Math.max(...ticks.map((t) => textWidth(String(t), SMALL))) + (b.format === 'percent' ? 14 : 8);
  const plotTop = lg.height + 16;
  const n = Math.max(1, b.categories.length);
  const slot = (W - left - 4) / n;
  const barW = Math.min(40, slot * 0.7);
  const H = plotTop + PLOT_H + 22;
  const marks: VNode[] = [];
  b.categories.forEach((c, ci) => {
    let acc = 0;
    const x = left + slot * ci + (slot - barW) / 2;
    b.series.forEach((s, si) => {
      const v = s.values[ci];
      if (v === null || v === undefined) return;
      const h = top > 0 ? (Math.max(0, v) / top) * PLOT_H : 0;
      const y = plotTop + PLOT_H - acc - h;
      acc += h;
      marks.push(
        <Rect
          chartId={b.id}
          series={si}
          category={ci}
          value={v}
          x={x}
          y={y}
          w={barW}
          h={h}
          href={c.href}
          label={markLabel(b, si, ci, v)}
        />,
      );
    });
    const shown = b.series.length > 1 ? sums[ci] : b.series[0].values[ci];
    if (textWidth(formatValue(shown ?? null, b.format), SMALL) <= slot + 2)
      marks.push(
        <ValueText
          x={x + barW / 2}
          y={plotTop + PLOT_H - acc - 4}
          value={shown ?? null}
          format={b.format}
          total={b.series.length > 1}
        />,
      );
  });
  return (
    <Svg id={b.id} width={W} height={H} title={b.title}>
      <HatchDefs id={b.id} count={b.series.length} />
      {lg.node}
      <YAxis ticks={ticks} left={left} right={W - 2} top={plotTop} height={PLOT_H} format={b.format} />
      <g class="gk-marks">{marks}</g>
      <line
        class="gk-baseline"
        x1={left}
        x2={W - 2}
        y1={plotTop + PLOT_H}
        y2={plotTop + PLOT_H}
        stroke={INK}
        stroke-width="1"
      />
      <XLabels labels={b.categories.map((c) => c.label)} left={left} slot={slot} y={plotTop + PLOT_H + 16} />
    </Svg>
  );
}

function horizontal(b: Band): VNode {
  const W = b.width;
  const lg = legend(
    b.id,
    b.series.map((s) => s.label),
    W,
    0,
  );
  const sums = totals(b);
  const max = Math.max(...sums, 0) || 1;
  const top = b.format === 'percent' ? Math.max(1, max) : max;
  const labelW = Math.min(Math.max(...b.categories.map((c) => textWidth(c.label, FONT)), 0), W * 0.38);
  const valueW = Math.max(...sums.map((t) => textWidth(formatValue(t, b.format), SMALL)), 0) + 8;
  const left = labelW + 8;
  const plotW = W - left - valueW;
  const startY = lg.height + 4;
  const H = startY + b.categories.length * ROW_H + 4;
  const rows: VNode[] = [];
  b.categories.forEach((c, ci) => {
    const y = startY + ci * ROW_H + (ROW_H - BAR_H) / 2;
    rows.push(
      <text class="gk-text" x={labelW} y={r2(y + BAR_H - 3)} text-anchor="end" font-size={FONT} fill={INK}>
        {fitLabel(c.label, labelW, FONT)}
      </text>,
    );
    let acc = 0;
    b.series.forEach((s, si) => {
      const v = s.values[ci];
      if (v === null || v === undefined) return;
      const w = (Math.max(0, v) / top) * plotW;
      rows.push(
        <Rect
          chartId={b.id}
          series={si}
          category={ci}
          value={v}
          x={left + acc}
          y={y}
          w={w}
          h={BAR_H}
          href={c.href}
          label={markLabel(b, si, ci, v)}
        />,
      );
      acc += w;
    });
    const shown = b.series.length > 1 ? sums[ci] : (b.series[0].values[ci] ?? null);
    rows.push(
      <ValueText
        x={left + acc + 4}
        y={y + BAR_H - 3}
        value={shown}
        format={b.format}
        anchor="start"
        total={b.series.length > 1}
      />,
    );
  });
  return (
    <Svg id={b.id} width={W} height={H} title={b.title}>
      <HatchDefs id={b.id} count={b.series.length} />
      {lg.node}
      <g class="gk-marks">{rows}</g>
      <line class="gk-baseline" x1={left} x2={left} y1={startY} y2={H - 4} stroke={GRID} stroke-width="1" />
    </Svg>
  );
}

function band(b: Band): VNode {
  return b.orientation === 'horizontal' ? horizontal(b) : vertical(b);
}

/** A single-series bar chart. */
export function barSvg(spec: BarChartSpec): VNode {
  return band({
    id: safeId(spec.id),
    title: spec.title,
    width: spec.width ?? 360,
    categories: spec.categories,
    series: [{ label: spec.valueLabel ?? spec.title, values: spec.values }],
    format: spec.format,
    orientation: spec.orientation ?? 'vertical',
  });
}

/** A stacked bar chart: one bar per category, one segment per series, the total printed at the end. */
export function stackedBarSvg(spec: StackedBarChartSpec): VNode {
  return band({
    id: safeId(spec.id),
    title: spec.title,
    width: spec.width ?? 360,
    categories: spec.categories,
    series: spec.series,
    format: spec.format,
    orientation: spec.orientation ?? 'vertical',
  });
}
