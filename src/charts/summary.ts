/** The plain-language summary of a chart, read by screen readers and shown under the title. */
import type { Category, ChartSpec, Series } from './chart.ts';
import { formatValue, type ValueFormat } from './format.ts';
import { isAdditive } from './data-table.ts';

function extremes(labels: Category[], values: (number | null)[]) {
  let hi = -1;
  let lo = -1;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    if (hi < 0 || v > (values[hi] as number)) hi = i;
    if (lo < 0 || v < (values[lo] as number)) lo = i;
  });
  return hi < 0
    ? null
    : { hi: labels[hi].label, hiV: values[hi] as number, lo: labels[lo].label, loV: values[lo] as number };
}

function total(values: (number | null)[]): number {
  return values.reduce<number>((a, v) => a + (v ?? 0), 0);
}

function extremesSentence(labels: Category[], values: (number | null)[], f: ValueFormat | undefined): string {
  const e = extremes(labels, values);
  if (!e) return '暂无数据。';
  if (e.hi === e.lo || e.hiV === e.loV) return `各项均为 ${formatValue(e.hiV, f)}。`;
  return `最多的是「${e.hi}」，${formatValue(e.hiV, f)}；最少的是「${e.lo}」，${formatValue(e.loV, f)}。`;
}

function rateSentence(labels: Category[], values: (number | null)[], f: ValueFormat | undefined): string {
  const e = extremes(labels, values);
  if (!e) return '暂无数据。';
  if (e.hiV === e.loV) return `各项均为 ${formatValue(e.hiV, f)}。`;
  return `最高为「${e.hi}」${formatValue(e.hiV, f)}，最低为「${e.lo}」${formatValue(e.loV, f)}。`;
}

function seriesShares(series: Series[], f: ValueFormat | undefined): string {
  const all = total(series.flatMap((s) => s.values));
  if (all === 0) return '暂无数据。';
  const parts = series.map((s) => {
    const t = total(s.values);
    return `${s.label} ${formatValue(t, f)}（${formatValue(t / all, 'percent')}）`;
  });
  return `合计 ${formatValue(all, f)}，其中${parts.join('，')}。`;
}

/** Generate the summary; the spec's `lead` sentence, if any, comes first. */
export function chartSummary(spec: ChartSpec): string {
  const f = spec.format;
  const lead = spec.lead ? `${spec.lead.replace(/[。.]?$/u, '。')}` : '';
  let body: string;
  switch (spec.kind) {
    case 'bar':
      body = isAdditive(f)
        ? `共 ${spec.categories.length} 项，合计 ${formatValue(total(spec.values), f)}。` +
          extremesSentence(spec.categories, spec.values, f)
        : `共 ${spec.categories.length} 项。` + rateSentence(spec.categories, spec.values, f);
      break;
    case 'stacked-bar': {
      const sums = spec.categories.map((_, i) => total(spec.series.map((s) => s.values[i] ?? null)));
      body =
        seriesShares(spec.series, f) +
        (total(sums) > 0 ? `合计${extremesSentence(spec.categories, sums, f)}` : '');
      break;
    }
    case 'line':
      body = spec.series
        .map((s) => {
          const lastIdx = s.values.findLastIndex((v) => v !== null);
          const last =
            lastIdx >= 0
              ? `；最近一期「${spec.categories[lastIdx].label}」${formatValue(s.values[lastIdx], f)}`
              : '';
          const e = extremes(spec.categories, s.values);
          return e
            ? `${s.label}：最高「${e.hi}」${formatValue(e.hiV, f)}，最低「${e.lo}」${formatValue(e.loV, f)}${last}。`
            : `${s.label}：暂无数据。`;
        })
        .join('');
      break;
    case 'heatmap': {
      let best: { r: number; c: number; v: number } | null = null;
      spec.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && (best === null || v > best.v)) best = { r, c, v };
        }),
      );
      const b = best as { r: number; c: number; v: number } | null;
      body =
        `共 ${spec.rows.length} 行、${spec.columns.length} 列` +
        (isAdditive(f) ? `，合计 ${formatValue(total(spec.values.flat()), f)}` : '') +
        '。' +
        (b && b.v > 0
          ? `最大的是「${spec.rows[b.r].label}」「${spec.columns[b.c].label}」，${formatValue(b.v, f)}。`
          : '暂无数据。');
      break;
    }
    case 'donut': {
      const t = total(spec.values);
      if (t === 0) {
        body = '暂无数据。';
        break;
      }
      const order = spec.values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
      body =
        `合计 ${formatValue(t, f)}，其中` +
        order
          .map(
            ({ v, i }) => `${spec.slices[i].label} ${formatValue(v, f)}（${formatValue(v / t, 'percent')}）`,
          )
          .join('，') +
        '。';
      break;
    }
  }
  return lead + body;
}
