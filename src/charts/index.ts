/** The chart kit: pure functions from data to server-rendered SVG. See docs/charts.md. */
export type {
  BarChartSpec,
  Category,
  ChartSpec,
  DonutChartSpec,
  HeatmapChartSpec,
  LineChartSpec,
  Series,
  StackedBarChartSpec,
} from './chart.ts';
export { Chart, ChartDataTable, ChartGrid, chartSvg, chartSvgString } from './figure.tsx';
export { chartTable, type ChartTable, type TableCell } from './data-table.ts';
export { chartSummary } from './summary.ts';
export { formatValue, type ValueFormat } from './format.ts';
export { escapeMarkup } from './heatmap.tsx';
export { SERIES_COLOURS } from './palette.ts';
