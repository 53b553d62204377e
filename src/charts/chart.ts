/**
 * The chart kit's data model: a chart is a plain value (no functions), so use cases can build it, tests can compare
 * it, and the same value renders as SVG on a page, in an HTML export and in a PDF.
 */
import type { ValueFormat } from './format.ts';

/** One category (bar, slice, heatmap row or column); `href` links to the list the number summarises. */
export interface Category {
  label: string;
  href?: string;
}

export interface Series {
  label: string;
  /** One value per category; `null` = no data (a gap, not a zero). */
  values: (number | null)[];
}

interface ChartBase {
  /** Unique on the page: prefixes the ids inside the SVG. */
  id: string;
  title: string;
  format?: ValueFormat;
  /** A plain-language sentence put before the generated summary (what the chart is about, or what to notice). */
  lead?: string;
  /** Link to the whole list the chart summarises ("查看明细"). */
  href?: string;
  hrefLabel?: string;
  /** Source or footnote, shown under the chart. */
  note?: string;
  /** Width of the drawing in SVG units (default 360, so a 360 px phone shows it at full size). */
  width?: number;
  /**
   * The id of a table of the page that carries the chart's numbers beside the drawing (and more): the figure links to
   * it instead of repeating the numbers in a table of its own.
   */
  tableId?: string;
}

export interface BarChartSpec extends ChartBase {
  kind: 'bar';
  categories: Category[];
  values: (number | null)[];
  /** Name of the measured quantity, the table's column head (default: the title). */
  valueLabel?: string;
  orientation?: 'vertical' | 'horizontal';
}

export interface StackedBarChartSpec extends ChartBase {
  kind: 'stacked-bar';
  categories: Category[];
  series: Series[];
  orientation?: 'vertical' | 'horizontal';
}

export interface LineChartSpec extends ChartBase {
  kind: 'line';
  categories: Category[];
  series: Series[];
}

export interface HeatmapChartSpec extends ChartBase {
  kind: 'heatmap';
  rows: Category[];
  columns: Category[];
  /** values[row][column]. */
  values: (number | null)[][];
  /** Optional link per cell, same shape as values. */
  hrefs?: (string | undefined)[][];
}

export interface DonutChartSpec extends ChartBase {
  kind: 'donut';
  slices: Category[];
  values: number[];
  /** Label under the total in the middle (default 合计). */
  totalLabel?: string;
}

export type ChartSpec =
  BarChartSpec | StackedBarChartSpec | LineChartSpec | HeatmapChartSpec | DonutChartSpec;
