/** Heatmap grid: rows × columns (e.g. agency × month), shade by value, the number printed in each cell. */
import type { VNode } from 'preact';
import type { HeatmapChartSpec } from './chart.ts';
import { fitLabel, formatValue, textWidth } from './format.ts';
import { GRID, HEAT_STEPS, INK, heatStep } from './palette.ts';
import { FONT, SMALL, Svg, r2, safeId } from './svg-parts.tsx';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '"': '&quot;' };
/** Text or a quoted attribute value as markup (what preact's renderer escapes, so the output is the same). */
const esc = (s: string) => s.replace(/[&<"]/g, (ch) => ESCAPES[ch]!);

const CELL_H = 24;
const HEAD_H = 20;

export function heatmapSvg(spec: HeatmapChartSpec): VNode {
  const id = safeId(spec.id);
  const W = spec.width ?? 360;
  const f = spec.format;
  const labelW = Math.min(Math.max(...spec.rows.map((r) => textWidth(r.label, FONT)), 0), W * 0.3);
  const left = labelW + 6;
  const cols = Math.max(1, spec.columns.length);
  const cellW = (W - left) / cols;
  const max = Math.max(...spec.values.flat().filter((v): v is number => v !== null), 0);
  // Column heads shrink (down to 8) before they are shortened: "10月" must stay "10月".
  const widestHead = Math.max(...spec.columns.map((c) => textWidth(c.label, 1)), 1);
  const headSize = Math.min(SMALL, Math.max(8, (cellW - 1) / widestHead));
  const gridH = spec.rows.length * CELL_H;
  const legendY = HEAD_H + gridH + 8;
  const H = legendY + 18;
  // The grid is built as markup text: 13 villages × 12 months are some 600 elements, which as preact vnodes were the
  // heatmap page's largest rendering cost (docs/scale.md). The same elements and attributes, every value escaped.
  let cells = '';
  spec.rows.forEach((row, ri) => {
    const y = HEAD_H + ri * CELL_H;
    cells += `<text class="gk-text" x="${labelW}" y="${y + 16}" text-anchor="end" font-size="${FONT}" fill="${INK}">${esc(fitLabel(row.label, labelW, FONT))}</text>`;
    spec.columns.forEach((col, ci) => {
      const v = spec.values[ri]?.[ci] ?? null;
      const step = heatStep(v ?? 0, max);
      const x = left + ci * cellW;
      const text = formatValue(v, f);
      const href = spec.hrefs?.[ri]?.[ci];
      let cell =
        `<g class="gk-cell"><rect class="gk-heat" x="${r2(x)}" y="${y}" width="${r2(cellW)}" height="${CELL_H}"` +
        ` fill="${step.fill}" stroke="#ffffff" stroke-width="1" data-row="${ri}" data-column="${ci}"` +
        ` data-value${v === null ? '' : `="${v}"`}><title>${esc(`${row.label} · ${col.label}：${text}`)}</title></rect>`;
      if (textWidth(text, SMALL) <= cellW - 2)
        cell +=
          `<text class="gk-text gk-value" x="${r2(x + cellW / 2)}" y="${y + 16}" text-anchor="middle"` +
          ` font-size="${SMALL}" fill="${step.text}">${esc(text)}</text>`;
      cell += '</g>';
      // A link for mouse users, out of the tab order (the data table carries the same links): MaybeLink's markup.
      cells += href ? `<a href="${esc(href)}" tabindex="-1">${cell}</a>` : cell;
    });
  });
  const heads = spec.columns.map((c, ci) => (
    <text
      class="gk-text"
      x={r2(left + (ci + 0.5) * cellW)}
      y={14}
      text-anchor="middle"
      font-size={headSize}
      fill={INK}
    >
      {fitLabel(c.label, cellW - 1, headSize)}
    </text>
  ));
  // Scale legend: 少 □□□□□ 多
  const legendItems = HEAT_STEPS.map((s, i) => (
    <rect
      class="gk-heat"
      x={r2(left + 16 + i * 16)}
      y={legendY + 2}
      width="14"
      height="12"
      fill={s.fill}
      stroke={GRID}
      stroke-width="0.5"
    />
  ));
  return (
    <Svg id={id} width={W} height={H} title={spec.title}>
      <g class="gk-heads">{heads}</g>
      <g class="gk-marks" dangerouslySetInnerHTML={{ __html: cells }} />
      <g class="gk-legend">
        <text class="gk-text" x={left} y={legendY + 12} font-size={SMALL} fill={INK}>
          少
        </text>
        {legendItems}
        <text
          class="gk-text"
          x={left + 18 + HEAT_STEPS.length * 16}
          y={legendY + 12}
          font-size={SMALL}
          fill={INK}
        >
          多
        </text>
      </g>
    </Svg>
  );
}
