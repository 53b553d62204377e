/** Chart specs of the 主动公开 dashboard (pure); every chart links to the office list filtered the same way. */
import type { ChartSpec } from '../charts/index.ts';
import { CHANNEL_LABELS, type Channel } from '../publications/index.ts';
import type { PublicationDashboard } from './publication-dashboard.ts';
import type { PublicationFigures } from './publication-figures.ts';
import { monthCategories, monthKey, withQuery } from './month-labels.ts';

const LIST = '/office/publications';

export function publicationCharts(f: PublicationFigures, agencyParam?: number): ChartSpec[] {
  const y = f.year;
  const link = (p: Record<string, string | number>) =>
    withQuery(LIST, { agency: agencyParam, status: 'published', ...p });
  const share = f.totals.published ? f.totals.onTime / f.totals.published : null;
  return [
    {
      kind: 'bar',
      id: 'pub-by-month',
      title: `${y}年每月主动公开信息`,
      valueLabel: '发布（条）',
      categories: monthCategories(y, (m) => link({ month: m })),
      values: f.publishedByMonth,
      href: link({ year: y }),
      hrefLabel: `查看${y}年已发布信息`,
    },
    {
      kind: 'bar',
      id: 'pub-by-category',
      title: `${y}年主动公开信息（按目录分类）`,
      orientation: 'horizontal',
      valueLabel: '发布（条）',
      categories: f.byCategory.map((c) => ({
        label: c.name,
        href: link({ year: y, category: c.categoryId }),
      })),
      values: f.byCategory.map((c) => c.count),
      note: '按一级目录归并统计，子目录计入其一级目录。',
      href: link({ year: y }),
      hrefLabel: `查看${y}年已发布信息`,
    },
    {
      kind: 'bar',
      id: 'pub-by-channel',
      title: `${y}年各渠道发布次数`,
      orientation: 'horizontal',
      valueLabel: '发布（次）',
      categories: f.byChannel.map((c) => ({
        label: CHANNEL_LABELS[c.channel as Channel] ?? '其他渠道',
        href: link({ year: y, channel: c.channel }),
      })),
      values: f.byChannel.map((c) => c.count),
      note: '门户网站按发布条数计；其他渠道按登记的使用次数计。',
    },
    {
      kind: 'donut',
      id: 'pub-timeliness',
      title: `${y}年在法定期限内发布的比例`,
      lead:
        share === null
          ? '本年度尚无发布'
          : `${f.totals.published} 条中 ${f.totals.onTime} 条在形成或变更之日起20个工作日内发布（条例第二十六条）`,
      slices: [
        { label: '按期发布', href: link({ year: y, timeliness: 'on_time' }) },
        { label: '超期发布', href: link({ year: y, timeliness: 'late' }) },
      ],
      values: [f.totals.onTime, f.totals.late],
      totalLabel: '条',
    },
    {
      kind: 'stacked-bar',
      id: 'pub-timeliness-month',
      title: `${y}年每月按期与超期发布`,
      categories: monthCategories(y, (m) => link({ month: m })),
      series: [
        { label: '按期发布', values: f.onTimeByMonth },
        { label: '超期发布', values: f.lateByMonth },
      ],
    },
  ];
}

export function countyPublicationCharts(d: PublicationDashboard): ChartSpec[] {
  if (d.below.length === 0) return [];
  const y = d.year;
  const rows = d.below.map((a) => ({
    label: a.agencyName,
    href: withQuery(LIST, { agency: a.agencyId, status: 'published', year: y }),
  }));
  return [
    {
      kind: 'heatmap',
      id: 'county-pub-month',
      title: `${y}年各单位每月主动公开信息`,
      rows,
      columns: monthCategories(y),
      values: d.below.map((a) => a.figures.publishedByMonth),
      hrefs: d.below.map((a) =>
        a.figures.publishedByMonth.map((_, i) =>
          withQuery(LIST, { agency: a.agencyId, status: 'published', month: monthKey(y, i) }),
        ),
      ),
    },
    {
      kind: 'stacked-bar',
      id: 'county-pub-timeliness',
      title: `${y}年各单位按期与超期发布`,
      orientation: 'horizontal',
      categories: rows,
      series: [
        { label: '按期发布', values: d.below.map((a) => a.figures.totals.onTime) },
        { label: '超期发布', values: d.below.map((a) => a.figures.totals.late) },
      ],
    },
  ];
}
