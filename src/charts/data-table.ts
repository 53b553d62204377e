/** The data table of a chart: the same numbers as the drawing, for screen readers, keyboard users and print. */
import type { Category, ChartSpec } from './chart.ts';
import { formatValue, type ValueFormat } from './format.ts';

export interface TableCell {
  value: number | null;
  text: string;
  href?: string;
}

export interface ChartTable {
  /** Head of the first column, then one per value column. */
  head: string[];
  rows: { header: Category; cells: TableCell[] }[];
  /** A 合计 row, when the numbers add up (counts, not rates). */
  total?: TableCell[];
}

function cell(value: number | null, format: ValueFormat | undefined, href?: string): TableCell {
  return { value, text: formatValue(value, format), ...(href ? { href } : {}) };
}

function sum(values: (number | null)[]): number {
  return values.reduce<number>((a, v) => a + (v ?? 0), 0);
}

/** Rates and averages do not add up; counts and money do. */
export function isAdditive(format: ValueFormat | undefined): boolean {
  return format === undefined || format === 'count' || format === 'yuan';
}

/** Build the table of any chart kind. */
export function chartTable(spec: ChartSpec): ChartTable {
  const f = spec.format;
  const additive = isAdditive(f);
  switch (spec.kind) {
    case 'bar':
      return {
        head: ['项目', spec.valueLabel ?? spec.title],
        rows: spec.categories.map((c, i) => ({
          header: c,
          cells: [cell(spec.values[i] ?? null, f, c.href)],
        })),
        ...(additive ? { total: [cell(sum(spec.values), f)] } : {}),
      };
    case 'stacked-bar':
      return {
        head: ['项目', ...spec.series.map((s) => s.label), ...(additive ? ['合计'] : [])],
        rows: spec.categories.map((c, i) => {
          const cells = spec.series.map((s) => cell(s.values[i] ?? null, f));
          if (additive) cells.push(cell(sum(spec.series.map((s) => s.values[i] ?? null)), f, c.href));
          return { header: c, cells };
        }),
        ...(additive
          ? {
              total: [
                ...spec.series.map((s) => cell(sum(s.values), f)),
                cell(sum(spec.series.flatMap((s) => s.values)), f),
              ],
            }
          : {}),
      };
    case 'line':
      return {
        head: ['项目', ...spec.series.map((s) => s.label)],
        rows: spec.categories.map((c, i) => ({
          header: c,
          cells: spec.series.map((s) =>
            cell(s.values[i] ?? null, f, s.values[i] === null ? undefined : c.href),
          ),
        })),
      };
    case 'heatmap':
      return {
        head: ['', ...spec.columns.map((c) => c.label), ...(additive ? ['合计'] : [])],
        rows: spec.rows.map((r, i) => {
          const cells = spec.columns.map((_, j) =>
            cell(spec.values[i]?.[j] ?? null, f, spec.hrefs?.[i]?.[j]),
          );
          if (additive) cells.push(cell(sum(spec.values[i] ?? []), f, r.href));
          return { header: r, cells };
        }),
        ...(additive
          ? {
              total: [
                ...spec.columns.map((_, j) =>
                  cell(sum(spec.rows.map((__, i) => spec.values[i]?.[j] ?? null)), f),
                ),
                cell(sum(spec.values.flat()), f),
              ],
            }
          : {}),
      };
    case 'donut': {
      const total = sum(spec.values);
      return {
        head: ['项目', '数量', '占比'],
        rows: spec.slices.map((s, i) => ({
          header: s,
          cells: [
            cell(spec.values[i] ?? 0, f, s.href),
            cell(total > 0 ? (spec.values[i] ?? 0) / total : null, 'percent'),
          ],
        })),
        total: [cell(total, f), cell(total > 0 ? 1 : null, 'percent')],
      };
    }
  }
}
