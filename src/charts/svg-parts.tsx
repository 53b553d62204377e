/** Pieces shared by every chart kind: the <svg> element, hatch patterns, marks, legend, axis. */
import type { ComponentChildren, VNode } from 'preact';
import { fitLabel, formatTick, formatValue, textWidth, type ValueFormat } from './format.ts';
import { GRID, INK, MUTED_INK, hatchPath, lineDash, lineMarker, seriesColour } from './palette.ts';

export const FONT = 13;
export const SMALL = 12;
const FONT_FAMILY = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";

/** An id safe inside SVG/HTML (the caller's id, restricted to [A-Za-z0-9_-]). */
export function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}

/**
 * The drawing. It is `aria-hidden`: the figure's caption, summary and data table carry the same information for
 * assistive technology, so the picture is for sighted readers only. `viewBox` + `width="100%"` scale it to the
 * container (a 360 px phone shows the default 360-unit drawing at full size).
 */
export function Svg(props: {
  id: string;
  width: number;
  height: number;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="gk-chart-svg"
      viewBox={`0 0 ${props.width} ${props.height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      aria-hidden="true"
      focusable="false"
      font-family={FONT_FAMILY}
      font-size={FONT}
      data-chart={props.id}
    >
      <title>{props.title}</title>
      {props.children}
    </svg>
  );
}

/** Hatch patterns for series 1…n-1 (series 0 is solid). */
export function HatchDefs({ id, count }: { id: string; count: number }): VNode | null {
  const pats: VNode[] = [];
  for (let i = 1; i < count; i++) {
    const d = hatchPath(i);
    if (!d) continue;
    pats.push(
      <pattern id={`${id}-h${i}`} width="6" height="6" patternUnits="userSpaceOnUse">
        <path d={d} stroke="#ffffff" stroke-width="1.4" stroke-linecap="round" fill="none" />
      </pattern>,
    );
  }
  return pats.length ? <defs>{pats}</defs> : null;
}

/** A link around a mark for mouse users; kept out of the tab order because the data table carries the same links. */
export function MaybeLink({ href, children }: { href?: string; children: ComponentChildren }) {
  return href ? (
    <a href={href} tabindex={-1}>
      {children}
    </a>
  ) : (
    <>{children}</>
  );
}

export interface MarkProps {
  chartId: string;
  series: number;
  category: number;
  value: number;
  x: number;
  y: number;
  w: number;
  h: number;
  href?: string;
  label: string;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** One bar or bar segment: colour, then the series' hatching on top; the number it draws is in data-value. */
export function Rect(p: MarkProps) {
  const hatch = p.series > 0 && hatchPath(p.series) ? `url(#${p.chartId}-h${p.series})` : null;
  const geom = { x: r2(p.x), y: r2(p.y), width: r2(Math.max(0, p.w)), height: r2(Math.max(0, p.h)) };
  return (
    <MaybeLink href={p.href}>
      <g class="gk-mark-group">
        <rect
          class={`gk-mark gk-s${p.series}`}
          {...geom}
          fill={seriesColour(p.series)}
          stroke="#ffffff"
          stroke-width="1"
          data-series={p.series}
          data-category={p.category}
          data-value={p.value}
        >
          <title>{p.label}</title>
        </rect>
        {hatch ? <rect class="gk-hatch" {...geom} fill={hatch} pointer-events="none" /> : null}
      </g>
    </MaybeLink>
  );
}

/** Legend swatches, wrapped onto as many rows as the width needs. Returns the node and its height. */
export function legend(
  chartId: string,
  labels: string[],
  width: number,
  y: number,
  swatch: 'box' | 'line' = 'box',
): { node: VNode | null; height: number } {
  if (labels.length < 2) return { node: null, height: 0 };
  const items: VNode[] = [];
  let x = 0;
  let row = 0;
  const rowH = 18;
  labels.forEach((label, i) => {
    const text = fitLabel(label, width - 24, SMALL);
    const w = 18 + textWidth(text, SMALL) + 12;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    const ty = y + row * rowH;
    items.push(
      <g class="gk-legend-item" transform={`translate(${r2(x)},${ty})`}>
        {swatch === 'box' ? (
          <>
            <rect class={`gk-mark gk-s${i}`} x="0" y="2" width="12" height="12" fill={seriesColour(i)} />
            {i > 0 && hatchPath(i) ? (
              <rect class="gk-hatch" x="0" y="2" width="12" height="12" fill={`url(#${chartId}-h${i})`} />
            ) : null}
          </>
        ) : (
          <LineSwatch i={i} />
        )}
        <text x="17" y="12.5" font-size={SMALL} fill={INK} class="gk-text">
          {text}
        </text>
      </g>,
    );
    x += w;
  });
  return { node: <g class="gk-legend">{items}</g>, height: (row + 1) * rowH + 4 };
}

function LineSwatch({ i }: { i: number }) {
  return (
    <>
      <line
        class={`gk-line gk-s${i}`}
        x1="0"
        y1="8"
        x2="14"
        y2="8"
        stroke={seriesColour(i)}
        stroke-width="2"
        stroke-dasharray={lineDash(i)}
      />
      <Marker i={i} x={7} y={8} />
    </>
  );
}

/** The i-th series' point marker (circle, square, triangle, diamond). */
export function Marker({
  i,
  x,
  y,
  value,
  category,
  label,
}: {
  i: number;
  x: number;
  y: number;
  value?: number;
  category?: number;
  label?: string;
}) {
  const c = seriesColour(i);
  const data =
    value === undefined
      ? {}
      : { 'data-series': i, 'data-category': category, 'data-value': value, class: `gk-point gk-s${i}` };
  const t = label ? <title>{label}</title> : null;
  const cls = value === undefined ? `gk-point gk-s${i}` : undefined;
  switch (lineMarker(i)) {
    case 'circle':
      return (
        <circle
          class={cls}
          cx={r2(x)}
          cy={r2(y)}
          r="3.5"
          fill={c}
          stroke="#ffffff"
          stroke-width="1"
          {...data}
        >
          {t}
        </circle>
      );
    case 'square':
      return (
        <rect
          class={cls}
          x={r2(x - 3.5)}
          y={r2(y - 3.5)}
          width="7"
          height="7"
          fill={c}
          stroke="#ffffff"
          {...data}
        >
          {t}
        </rect>
      );
    case 'triangle':
      return (
        <path class={cls} d={`M${r2(x)},${r2(y - 4.5)} l4.5,8 h-9 z`} fill={c} stroke="#ffffff" {...data}>
          {t}
        </path>
      );
    case 'diamond':
      return (
        <path
          class={cls}
          d={`M${r2(x)},${r2(y - 5)} l5,5 l-5,5 l-5,-5 z`}
          fill={c}
          stroke="#ffffff"
          {...data}
        >
          {t}
        </path>
      );
  }
}

/** Horizontal grid lines and their tick labels for a vertical value axis. */
export function YAxis(props: {
  ticks: number[];
  left: number;
  right: number;
  top: number;
  height: number;
  format?: ValueFormat;
}) {
  const max = props.ticks[props.ticks.length - 1] || 1;
  return (
    <g class="gk-axis">
      {props.ticks.map((t) => {
        const y = r2(props.top + props.height - (t / max) * props.height);
        return (
          <>
            <line
              class="gk-grid"
              x1={props.left}
              x2={props.right}
              y1={y}
              y2={y}
              stroke={GRID}
              stroke-width="1"
            />
            <text
              class="gk-text"
              x={props.left - 4}
              y={y + 4}
              text-anchor="end"
              font-size={SMALL}
              fill={MUTED_INK}
            >
              {formatTick(t, props.format)}
            </text>
          </>
        );
      })}
    </g>
  );
}

/** Category labels under slots; labels that do not fit are shortened, or thinned to every k-th one. */
export function XLabels(props: { labels: string[]; left: number; slot: number; y: number }) {
  const widest = Math.max(...props.labels.map((l) => textWidth(l, SMALL)), 1);
  const every = widest <= props.slot ? 1 : Math.ceil(Math.min(widest, 3 * SMALL) / (props.slot - 2));
  return (
    <g class="gk-xlabels">
      {props.labels.map((l, i) =>
        i % every === 0 ? (
          <text
            class="gk-text"
            x={r2(props.left + props.slot * (i + 0.5))}
            y={props.y}
            text-anchor="middle"
            font-size={SMALL}
            fill={INK}
          >
            {fitLabel(l, props.slot * every, SMALL)}
          </text>
        ) : null,
      )}
    </g>
  );
}

/** A value label (the number printed by a bar). */
export function ValueText(props: {
  x: number;
  y: number;
  value: number | null;
  format?: ValueFormat;
  anchor?: 'start' | 'middle' | 'end';
  total?: boolean;
}) {
  return (
    <text
      class={props.total ? 'gk-text gk-value gk-total' : 'gk-text gk-value'}
      x={r2(props.x)}
      y={r2(props.y)}
      text-anchor={props.anchor ?? 'middle'}
      font-size={SMALL}
      fill={INK}
    >
      {formatValue(props.value, props.format)}
    </text>
  );
}

export { r2 };
