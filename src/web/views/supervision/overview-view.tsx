/** Pure view of the 监督保障 home: counts, the three charts with their tables, and the job runs with re-run. */
import { Csrf } from '../forms.tsx';
import { AgencyPicker, type Choice } from './agency-picker.tsx';
import { Chart, ChartGrid } from '../../../charts/index.ts';
import type { Run } from '../../../supervision/runs.ts';
import type { SupervisionOverview } from '../../../supervision/index.ts';
import { DAILY_JOB } from '../../../supervision/daily-checks.ts';
import { WEEKLY_JOB } from '../../../supervision/weekly-reminder.ts';
import { MONTHLY_JOB } from '../../../supervision/bulletin.ts';
import { beijingDateTime } from '../../../beijing-time.ts';

const BASE = '/office/supervision';
const RUN_LABELS: Record<string, string> = {
  [DAILY_JOB]: '每日巡查',
  [WEEKLY_JOB]: '每周提醒',
  [MONTHLY_JOB]: '每月通报',
};
const SECTIONS: [string, string][] = [
  ['problems', '整改台账'],
  ['inspections', '专项督查'],
  ['bulletins', '每月通报'],
  ['trainings', '业务培训'],
  ['evaluations', '社会评议'],
  ['assessment', '考核与责任追究'],
];

const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** A job run's result in words. */
export function runSummary(r: Run['result']): string {
  if (!r) return '—';
  const parts: string[] = [];
  const n = (k: string) => num(r[k]);
  if (n('problems') != null) parts.push(`新发现问题${n('problems')}个`);
  if (n('reminders') != null) parts.push(`提醒${n('reminders')}条`);
  if (n('escalated') != null) parts.push(`逾期升级${n('escalated')}个`);
  const fu = r.followUps as Record<string, unknown> | null | undefined;
  if (fu)
    parts.push(
      `回头看：未复发${String(fu.passed)}、复发${String(fu.reopened)}、待人工${String(fu.notified)}`,
    );
  if (n('digests') != null) parts.push(`发送周提醒${n('digests')}份`);
  if (n('bulletins') != null) parts.push(`起草通报${n('bulletins')}份`);
  return parts.join('，') || '完成';
}

export function OverviewView({
  d,
  csrf,
  choices,
}: {
  d: SupervisionOverview;
  csrf: string;
  choices: Choice[];
}) {
  const { agencyId, year } = d;
  const link = (p: string) => `${BASE}/${p}?agency=${agencyId}`;
  const monthLabel = (m: string) => `${Number(m)}月`;
  return (
    <>
      <h1>监督保障</h1>
      <AgencyPicker choices={choices} current={agencyId} action={BASE} />
      <nav class="filters" aria-label="监督保障">
        {SECTIONS.map(([p, label]) => (
          <a class="button" href={link(p)}>
            {label}
          </a>
        ))}
        {d.manage ? (
          <a class="button" href={`${BASE}/settings`}>
            设置
          </a>
        ) : null}
      </nav>
      <div class="cards">
        {Object.entries(d.byStatus).map(([k, v]) => (
          <div class="card stat">
            <strong>{v}</strong>
            <span>{k}</span>
          </div>
        ))}
        <div class="card stat">
          <strong>{d.onTimeRate}</strong>
          <span>{year}年按期整改率</span>
        </div>
      </div>
      <ChartGrid>
        <Chart
          open
          spec={{
            kind: 'stacked-bar',
            id: 'sv-problems-by-month',
            title: `${year}年各月发现的问题及其现状（个）`,
            lead: '按发现月份统计问题数，并按问题当前的整改状态分色。',
            categories: d.months.map((m) => ({ label: monthLabel(m), href: link('problems') })),
            series: d.foundByMonth,
            href: link('problems'),
            hrefLabel: '查看整改台账',
          }}
        />
        <Chart
          open
          spec={{
            kind: 'line',
            id: 'sv-timeliness',
            title: `${year}年各月公开时效`,
            format: 'percent',
            lead: '主动公开在20个工作日内公开的比例，依申请公开在法定期限内答复的比例；当月没有记录的为“—”。',
            categories: d.months.map((m) => ({ label: monthLabel(m) })),
            series: [
              {
                label: '主动公开按时率',
                values: d.timeliness.map((t) => (t.published ? t.publishedOnTime / t.published : null)),
              },
              {
                label: '申请按期答复率',
                values: d.timeliness.map((t) => (t.replied ? t.repliedOnTime / t.replied : null)),
              },
            ],
          }}
        />
        <Chart
          open
          spec={{
            kind: 'bar',
            id: 'sv-rectify-time',
            title: `${year}年销号问题的整改用时`,
            valueLabel: '问题数',
            lead: '从发现到销号的天数。',
            categories: d.rectifyTime.map((b) => ({ label: b.label })),
            values: d.rectifyTime.map((b) => b.count),
          }}
        />
      </ChartGrid>
      {d.manage ? (
        <section>
          <h2>定时任务</h2>
          <p class="muted">
            每日巡查每天6:30、每周提醒每周一8:00、每月通报每月1日7:00自动运行，多实例下只运行一次；也可为过去的日期、周或月份重新运行。
          </p>
          <form method="post" action={`${BASE}/rerun`} class="inline-form">
            <Csrf token={csrf} />
            <label for="f-kind">任务</label>
            <select id="f-kind" name="kind">
              <option value="daily">每日巡查</option>
              <option value="weekly">每周提醒</option>
              <option value="monthly">每月通报</option>
            </select>
            <label for="f-period">期间</label>
            <input id="f-period" name="period" placeholder="2026-11-30 / 2026-W48 / 2026-10" />
            <button type="submit">重新运行</button>
          </form>
          <table class="data" id="runs">
            <thead>
              <tr>
                <th scope="col">任务</th>
                <th scope="col">期间</th>
                <th scope="col">开始</th>
                <th scope="col">结果</th>
              </tr>
            </thead>
            <tbody>
              {d.runs.map((r) => (
                <tr>
                  <td>{RUN_LABELS[r.kind] ?? r.kind}</td>
                  <td>{r.period}</td>
                  <td>{beijingDateTime(r.startedAt)}</td>
                  <td>{r.finishedAt ? runSummary(r.result) : '运行中'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
