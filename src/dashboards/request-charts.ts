/** Chart specs of the 依申请公开 dashboard (pure: figures in, charts out; every chart links to the ledger). */
import type { ChartSpec } from '../charts/index.ts';
import type { AgencyRequestFigures } from './request-dashboard.ts';
import { OUTCOME_GROUPS, OUTCOME_GROUP_LABELS, type RequestFigures } from './request-figures.ts';
import { monthCategories, monthKey, withQuery } from './month-labels.ts';

const LEDGER = '/office/requests';

/** The agency's own charts; `agencyParam` keeps an inspector's chosen agency in the links. */
export function requestCharts(f: RequestFigures, agencyParam?: number): ChartSpec[] {
  const y = f.year;
  const link = (p: Record<string, string | number>) => withQuery(LEDGER, { agency: agencyParam, ...p });
  return [
    {
      kind: 'bar',
      id: 'req-received',
      title: `${y}年每月收到申请`,
      valueLabel: '收到申请（件）',
      categories: monthCategories(y, (m) => link({ received: m })),
      values: f.receivedByMonth,
      href: link({ year: y }),
      hrefLabel: `查看${y}年申请台账`,
    },
    {
      kind: 'stacked-bar',
      id: 'req-outcomes',
      title: `${y}年每月办结申请（按办理结果）`,
      categories: monthCategories(y, (m) => link({ closed: m })),
      series: OUTCOME_GROUPS.map((g) => ({
        label: OUTCOME_GROUP_LABELS[g],
        values: f.closedByMonthAndGroup[g],
      })),
      note: '办理结果按年度报告表二的分组统计。',
      href: link({ year: y }),
      hrefLabel: `查看${y}年申请台账`,
    },
    {
      kind: 'line',
      id: 'req-ontime',
      title: `${y}年每月按时答复率`,
      format: 'percent',
      categories: monthCategories(y, (m) => link({ closed: m })),
      series: [{ label: '按时答复率', values: f.onTimeRateByMonth }],
      lead:
        f.totals.replies > 0
          ? `全年答复 ${f.totals.replies} 件，按时 ${f.totals.onTime} 件`
          : '本年度尚无答复',
      note: '按时：在答复期限（含依法延长）内答复。撤回、视为放弃的申请不计。没有答复的月份不画点。',
      href: link({ year: y }),
    },
    {
      kind: 'line',
      id: 'req-median-days',
      title: `${y}年每月答复用时中位数（工作日）`,
      format: 'days',
      categories: monthCategories(y, (m) => link({ closed: m })),
      series: [{ label: '答复用时中位数', values: f.medianDaysByMonth }],
      note: '自收到申请之日起至答复之日的工作日数（条例第三十三条：20个工作日，延长不超过20个工作日）。',
      href: link({ year: y }),
    },
    {
      kind: 'bar',
      id: 'req-open-due',
      title: '办理中申请的答复期限',
      orientation: 'horizontal',
      valueLabel: '办理中（件）',
      categories: [
        { label: '已超期', href: link({ due: 'overdue' }) },
        { label: '即将到期', href: link({ due: 'soon' }) },
        { label: '更晚到期', href: link({ due: 'later' }) },
      ],
      values: [f.openByBucket.overdue, f.openByBucket.soon, f.openByBucket.later],
      note: '即将到期：按本机关设置的提醒天数（工作日）计算，与台账“即将到期”筛选一致。',
      href: link({ due: 'open' }),
      hrefLabel: '查看全部办理中的申请',
    },
  ];
}

/** The county's charts: the same figures side by side for every agency below. */
export function countyRequestCharts(year: number, list: AgencyRequestFigures[]): ChartSpec[] {
  if (list.length === 0) return [];
  const rows = list.map((a) => ({
    label: a.agencyName,
    href: withQuery(LEDGER, { agency: a.agencyId, year }),
  }));
  return [
    {
      kind: 'heatmap',
      id: 'county-received',
      title: `${year}年各单位每月收到申请`,
      rows,
      columns: monthCategories(year),
      values: list.map((a) => a.figures.receivedByMonth),
      hrefs: list.map((a) =>
        a.figures.receivedByMonth.map((_, i) =>
          withQuery(LEDGER, { agency: a.agencyId, received: monthKey(year, i) }),
        ),
      ),
    },
    {
      kind: 'stacked-bar',
      id: 'county-ontime',
      title: `${year}年各单位答复是否按时`,
      orientation: 'horizontal',
      categories: rows,
      series: [
        { label: '按时答复', values: list.map((a) => a.figures.totals.onTime) },
        { label: '超期答复', values: list.map((a) => a.figures.totals.replies - a.figures.totals.onTime) },
      ],
    },
    {
      kind: 'bar',
      id: 'county-overdue',
      title: '各单位已超期未答复的申请',
      orientation: 'horizontal',
      valueLabel: '已超期（件）',
      categories: list.map((a) => ({
        label: a.agencyName,
        href: withQuery(LEDGER, { agency: a.agencyId, due: 'overdue' }),
      })),
      values: list.map((a) => a.figures.openByBucket.overdue),
    },
  ];
}
