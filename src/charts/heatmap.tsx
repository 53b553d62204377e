/** Heatmap grid: rows × columns (e.g. agency × month), shade by value, the number printed in each cell. */
import type { VNode } from 'preact';
import type { HeatmapChartSpec } from './chart.ts';
import { fitLabel, formatValue, textWidth } from './format.ts';
import { GRID, HEAT_STEPS, INK, heatStep } from './palette.ts';
import { FONT, SMALL, Svg, r2, safeId } from './svg-parts.tsx';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '"': '&quot;' };
/** Text or a quoted attribute value as markup (what preact's renderer escapes, so the output is the same). */
export const escapeMarkup = (s: string) => s.replace(/[&<"]/g, (ch) => ESCAPES[ch]!);
const esc = escapeMarkup;

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
  const w = r2(cellW);
  const max = Math.max(...spec.values.flat().filter((v): v is number => v !== null), 0);
  // Column heads shrink (down to 8) before they are shortened: "10月" must stay "10月".
  const widestHead = Math.max(...spec.columns.map((c) => textWidth(c.label, 1)), 1);
  const headSize = Math.min(SMALL, Math.max(8, (cellW - 1) / widestHead));
  const gridH = spec.rows.length * CELL_H;
  const legendY = HEAD_H + gridH + 8;
  const H = legendY + 18;
  // The grid is built as markup text: 13 villages × 12 months are some 600 elements, which as preact vnodes were the
  // heatmap page's largest rendering cost (docs/scale.md). Every value is escaped. What the cells share is said once,
  // on their layer: the row labels, the cells (white outline) and the printed values (centred, and transparent to
  // the pointer, so the cell under a number keeps its tooltip and its link) are three groups, in drawing order.
  let labels = '';
  let rects = '';
  let texts = '';
  // What repeats along a row or down a column is written once: positions, and the escaped labels of the tooltips
  // (a value as formatValue writes it has nothing to escape).
  const colX = spec.columns.map((_, ci) => String(r2(left + ci * cellW)));
  const textX = spec.columns.map((_, ci) => String(r2(left + ci * cellW + cellW / 2)));
  const colLabels = spec.columns.map((c) => esc(c.label));
  spec.rows.forEach((row, ri) => {
    const y = HEAD_H + ri * CELL_H;
    const rowLabel = esc(row.label);
    labels += `<text x="${r2(labelW)}" y="${y + 16}">${esc(fitLabel(row.label, labelW, FONT))}</text>`;
    spec.columns.forEach((_, ci) => {
      const v = spec.values[ri]?.[ci] ?? null;
      const step = heatStep(v ?? 0, max);
      const text = formatValue(v, f);
      const href = spec.hrefs?.[ri]?.[ci];
      const rect =
        `<rect class="gk-heat" x="${colX[ci]}" y="${y}" width="${w}" height="${CELL_H}" fill="${step.fill}"` +
        ` data-row="${ri}" data-column="${ci}" data-value${v === null ? '' : `="${v}"`}>` +
        `<title>${rowLabel} · ${colLabels[ci]}：${text}</title></rect>`;
      // A link for mouse users, out of the tab order (the data table carries the same links): MaybeLink's markup.
      rects += href ? `<a href="${esc(href)}" tabindex="-1">${rect}</a>` : rect;
      if (textWidth(text, SMALL) <= cellW - 2)
        texts += `<text x="${textX[ci]}" y="${y + 16}" fill="${step.text}">${text}</text>`;
    });
  });
  const cells =
    `<g class="gk-text gk-labels" text-anchor="end" font-size="${FONT}" fill="${INK}">${labels}</g>` +
    `<g class="gk-cells" stroke="#ffffff" stroke-width="1">${rects}</g>` +
    `<g class="gk-text gk-values" text-anchor="middle" font-size="${SMALL}" pointer-events="none">${texts}</g>`;
  let heads = '';
  spec.columns.forEach((c, ci) => {
    heads += `<text x="${r2(left + (ci + 0.5) * cellW)}" y="14">${esc(fitLabel(c.label, cellW - 1, headSize))}</text>`;
  });
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
      <g
        class="gk-text gk-heads"
        text-anchor="middle"
        font-size={r2(headSize)}
        fill={INK}
        dangerouslySetInnerHTML={{ __html: heads }}
      />
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
