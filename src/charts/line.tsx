/** Line chart: one line per series over ordered categories (months); gaps where a value is null. */
import type { VNode } from 'preact';
import type { LineChartSpec } from './chart.ts';
import { formatValue, textWidth } from './format.ts';
import { INK, lineDash, seriesColour } from './palette.ts';
import { niceTicks } from './scale.ts';
import { Marker, SMALL, Svg, XLabels, YAxis, legend, r2, safeId } from './svg-parts.tsx';

const PLOT_H = 150;

export function lineSvg(spec: LineChartSpec): VNode {
  const id = safeId(spec.id);
  const W = spec.width ?? 360;
  const f = spec.format;
  const lg = legend(
    id,
    spec.series.map((s) => s.label),
    W,
    0,
    'line',
  );
  const all = spec.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const ticks = niceTicks(Math.max(...all, 0), 4, f === 'percent' ? 'percent' : undefined);
  const top = Math.max(...ticks);
  const left = Math.max(...ticks.map((t) => textWidth(String(t), SMALL))) + (f === 'percent' ? 14 : 8);
  const plotTop = lg.height + 10;
  const n = Math.max(1, spec.categories.length);
  const slot = (W - left - 4) / n;
  const xOf = (i: number) => left + slot * (i + 0.5);
  const yOf = (v: number) => plotTop + PLOT_H - (top > 0 ? (v / top) * PLOT_H : 0);
  const H = plotTop + PLOT_H + 22;
  const lines = spec.series.map((s, si) => {
    // Break the path at every null so a missing month is a gap, not a dip to zero.
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${r2(xOf(i))},${r2(yOf(v))}`;
      pen = true;
    });
    return (
      <g class={`gk-series gk-s${si}`}>
        {d ? (
          <path
            class={`gk-line gk-s${si}`}
            d={d}
            fill="none"
            stroke={seriesColour(si)}
            stroke-width="2"
            stroke-dasharray={lineDash(si)}
            stroke-linejoin="round"
          />
        ) : null}
        {s.values.map((v, i) =>
          v === null || v === undefined ? null : (
            <Marker
              i={si}
              x={xOf(i)}
              y={yOf(v)}
              value={v}
              category={i}
              label={`${spec.categories[i].label}${spec.series.length > 1 ? ` · ${s.label}` : ''}：${formatValue(v, f)}`}
            />
          ),
        )}
      </g>
    );
  });
  return (
    <Svg id={id} width={W} height={H} title={spec.title}>
      {lg.node}
      <YAxis ticks={ticks} left={left} right={W - 2} top={plotTop} height={PLOT_H} format={f} />
      <line
        class="gk-baseline"
        x1={left}
        x2={W - 2}
        y1={plotTop + PLOT_H}
        y2={plotTop + PLOT_H}
        stroke={INK}
        stroke-width="1"
      />
      <g class="gk-marks">{lines}</g>
      <XLabels
        labels={spec.categories.map((c) => c.label)}
        left={left}
        slot={slot}
        y={plotTop + PLOT_H + 16}
      />
    </Svg>
  );
}
