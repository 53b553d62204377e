/**
 * The village feature's charts, drawn with the shared chart kit (src/charts/): the township's villages × months
 * heatmap of on-time disclosure, and a finance item's largest expenses as bars. Every chart carries its data table.
 */
import { Chart, type BarChartSpec, type HeatmapChartSpec } from '../../charts/index.ts';
import type { HeatCell } from '../disclosure-calendar.ts';
import { cellShare } from '../disclosure-calendar.ts';

/**
 * Villages × months: the share of due items disclosed on time (— where nothing was due). `tableId`: the page's own
 * table of the same cells (share, on time and due), which the figure then links to instead of repeating it.
 */
export function heatmapSpec(
  rows: { villageId: number; name: string; cells: HeatCell[] }[],
  opts: { year: number; title: string; hrefOf?: (villageId: number) => string; tableId?: string },
): HeatmapChartSpec {
  return {
    kind: 'heatmap',
    id: 'village-heatmap',
    title: opts.title,
    ...(opts.tableId ? { tableId: opts.tableId } : {}),
    format: 'percent',
    lead: '每格为该村当月到期事项中按时公开的比例；“—”为当月无到期事项。',
    rows: rows.map((r) => ({ label: r.name, href: opts.hrefOf?.(r.villageId) })),
    columns: Array.from({ length: 12 }, (_, m) => ({ label: `${m + 1}月` })),
    values: rows.map((r) => r.cells.map((c) => cellShare(c))),
    note: `${opts.year}年；按月公开的事项计入当月，按季度公开的事项计入该季度的三个月（村民委员会组织法第三十条）。`,
  };
}

export function VillageHeatmap(props: {
  rows: { villageId: number; name: string; cells: HeatCell[] }[];
  year: number;
  title: string;
  hrefOf?: (villageId: number) => string;
  tableId?: string;
}) {
  return <Chart spec={heatmapSpec(props.rows, props)} />;
}

/** A finance item's largest expenses. */
export function ExpenseBars({ items }: { items: { label: string; yuan: number }[] }) {
  const spec: BarChartSpec = {
    kind: 'bar',
    id: 'finance-expenses',
    title: '支出最多的项目',
    format: 'yuan',
    orientation: 'horizontal',
    valueLabel: '金额（元）',
    categories: items.map((i) => ({ label: i.label })),
    values: items.map((i) => i.yuan),
  };
  return <Chart spec={spec} />;
}
