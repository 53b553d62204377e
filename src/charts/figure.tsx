/** A chart as it appears on a page: caption, plain-language summary, drawing, data table and a link to the list. */
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { ChartSpec } from './chart.ts';
import { barSvg, stackedBarSvg } from './bar.tsx';
import { lineSvg } from './line.tsx';
import { heatmapSvg } from './heatmap.tsx';
import { donutSvg } from './donut.tsx';
import { chartTable } from './data-table.ts';
import { chartSummary } from './summary.ts';
import { safeId } from './svg-parts.tsx';

/** The drawing alone (a self-contained <svg>, colours as attributes, so it also works without the stylesheet). */
export function chartSvg(spec: ChartSpec): VNode {
  switch (spec.kind) {
    case 'bar':
      return barSvg(spec);
    case 'stacked-bar':
      return stackedBarSvg(spec);
    case 'line':
      return lineSvg(spec);
    case 'heatmap':
      return heatmapSvg(spec);
    case 'donut':
      return donutSvg(spec);
  }
}

/**
 * The drawing as an SVG document string (for pdfmake's `svg` node and file exports), with its width and height in
 * units instead of 100%, so a renderer without CSS layout knows its aspect ratio.
 */
export function chartSvgString(spec: ChartSpec): string {
  const svg = render(chartSvg(spec));
  const [, , w, h] = /viewBox="([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1);
  return svg.replace('width="100%"', `width="${w}" height="${h}"`);
}

/** The data table (same numbers as the drawing); cells link to the filtered list when the spec gives hrefs. */
export function ChartDataTable({ spec }: { spec: ChartSpec }) {
  const t = chartTable(spec);
  return (
    <table class="gk-chart-table">
      <caption>{spec.title}</caption>
      <thead>
        <tr>
          {t.head.map((h, i) => (
            <th scope="col" class={i > 0 ? 'num' : undefined}>
              {h || '项目'}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {t.rows.map((r) => (
          <tr>
            <th scope="row">{r.header.label}</th>
            {r.cells.map((c) => (
              <td class="num" data-value={c.value ?? ''}>
                {c.href ? <a href={c.href}>{c.text}</a> : c.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {t.total ? (
        <tfoot>
          <tr>
            <th scope="row">合计</th>
            {t.total.map((c) => (
              <td class="num" data-value={c.value ?? ''}>
                {c.text}
              </td>
            ))}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/**
 * One chart on a page. Screen readers get the caption, the summary and the table (the SVG is aria-hidden);
 * the table sits in a <details> so sighted readers can open it, and is always printed (see site.css) — or, when the
 * page has its own table of the numbers (`tableId`), a link leads to that one.
 */
export function Chart({ spec, open }: { spec: ChartSpec; open?: boolean }) {
  const id = safeId(spec.id);
  return (
    <figure class={`gk-chart gk-chart-${spec.kind}`} id={id} aria-labelledby={`${id}-title`}>
      <figcaption class="gk-chart-title" id={`${id}-title`}>
        {spec.title}
      </figcaption>
      <p class="gk-chart-summary">{chartSummary(spec)}</p>
      <div class="gk-chart-drawing">{chartSvg(spec)}</div>
      {spec.note ? <p class="gk-chart-note">{spec.note}</p> : null}
      {spec.tableId ? (
        <p class="gk-chart-data-link">
          <a href={`#${safeId(spec.tableId)}`}>查看数据表</a>
        </p>
      ) : (
        <details class="gk-chart-data" open={open}>
          <summary>查看数据表</summary>
          <ChartDataTable spec={spec} />
        </details>
      )}
      {spec.href ? (
        <p class="gk-chart-more">
          <a href={spec.href}>{spec.hrefLabel ?? `查看${spec.title}明细`}</a>
        </p>
      ) : null}
    </figure>
  );
}

/** A responsive grid of charts (one column on a phone, two or three on a desktop). */
export function ChartGrid({ children }: { children: VNode | VNode[] }) {
  return <div class="gk-chart-grid">{children}</div>;
}
