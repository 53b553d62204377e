/** The county overview of 年度报告: every agency below with its status, the deadline form, the consolidated tables. Pure. */
import type { CellAddress } from '../../../annual-report/index.ts';
import type { reportOverview } from '../../../annual-report/generator/report-overview.ts';
import { reportDocument, tableA, tableB, tableC } from '../../../annual-report/generator/report-document.ts';
import { ReportArticle, REPORT_CSS } from '../../../annual-report/generator/render-html.tsx';
import {
  OVERVIEW_STATUS_LABELS,
  REPORT_STATUS_LABELS,
  type OverviewStatus,
} from '../../../annual-report/generator/report.ts';
import { Csrf, Field, FormError, emptyForm, type FormState } from '../forms.tsx';
import { str } from '../../form.ts';
import { FindingList } from './findings.tsx';

const STATUS_BADGE: Record<OverviewStatus, string> = {
  not_started: 'badge',
  draft: 'badge warn',
  finalised: 'badge ok',
  published: 'badge ok',
  overdue: 'badge err',
};

export function CountyOverview(props: {
  o: Awaited<ReturnType<typeof reportOverview>>;
  year: number;
  today: string;
  csrf: string;
  deadlineForm?: FormState;
}) {
  const { o, year, csrf } = props;
  const cons = o.consolidated;
  const highlight = new Set<CellAddress>(
    cons.findings.filter((f) => f.severity !== 'info').flatMap((f) => f.cells),
  );
  const dl = props.deadlineForm ?? emptyForm({ monthDay: '01-31' });
  const summary = reportDocument({
    agencyName: `${o.parent.name}（汇总）`,
    year,
    cells: cons.cells,
    texts: {
      overview: '',
      proactive_disclosure: '',
      requests: '',
      review_litigation: '',
      problems_improvements: '',
      other_matters: '',
    },
    date: props.today,
  });
  return (
    <>
      <style>{REPORT_CSS}</style>
      <p>
        <a href="/office/annual-reports">← 年度报告</a>
      </p>
      <h1>
        {o.parent.name} · {year}年度政府信息公开工作年度报告情况
      </h1>
      <nav class="pager" aria-label="年份">
        <a href={`/office/annual-reports/county?year=${year - 1}`}>← {year - 1}年度</a>
        <a href={`/office/annual-reports/county?year=${year + 1}`}>{year + 1}年度 →</a>
      </nav>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">状态</th>
            <th scope="col">发布期限</th>
            <th scope="col">检查</th>
            <th scope="col">报告</th>
          </tr>
        </thead>
        <tbody>
          {o.rows.map((r) => (
            <tr>
              <th scope="row" style={`padding-left:${0.5 + r.depth * 1.2}rem`}>
                {r.agency.name}
              </th>
              <td>
                <span class={STATUS_BADGE[r.status]}>{OVERVIEW_STATUS_LABELS[r.status]}</span>
                {r.status === 'overdue' && r.report ? `（${REPORT_STATUS_LABELS[r.report.status]}）` : ''}
              </td>
              <td>{r.deadline}</td>
              <td>{r.report ? `错误 ${r.errors} 项，警告 ${r.warnings} 项` : ''}</td>
              <td>
                {r.report ? (
                  <a href={`/office/annual-reports/${r.report.id}`}>
                    查看{r.report.origin === 'imported' ? '（导入）' : ''}
                  </a>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="dl-h">
        <h2 id="dl-h">设置发布期限</h2>
        <p class="hint">乡镇的发布期限由县政府信息公开工作主管部门通知确定，默认次年1月31日。</p>
        <form
          method="post"
          action={`/office/annual-reports/county/deadline?year=${year}`}
          class="filters"
          novalidate
        >
          <Csrf token={csrf} />
          <FormError form={dl} />
          <div class="field">
            <label for="f-agencyId">机关</label>
            <select id="f-agencyId" name="agencyId">
              {o.rows.map((r) => (
                <option
                  value={String(r.agency.id)}
                  selected={str(dl.values.agencyId) === String(r.agency.id)}
                >
                  {r.agency.name}
                </option>
              ))}
            </select>
          </div>
          <Field form={dl} name="monthDay" label="次年月日（如 01-31）" required />
          <button type="submit">保存</button>
        </form>
      </section>

      <section aria-labelledby="sum-h">
        <h2 id="sum-h">汇总表</h2>
        <p>
          已计入{cons.included.length}个机关（已定稿或已发布）：
          {cons.included.map((a) => a.shortName).join('、') || '无'}。
          {cons.missing.length ? `未计入：${cons.missing.map((a) => a.shortName).join('、')}。` : ''}
        </p>
        <FindingList findings={cons.findings} acked={new Map()} />
        <div class="annual-report">
          {[tableA(cons.cells), tableB(cons.cells), tableC(cons.cells)].map((t) => (
            <section aria-label={t.caption}>
              <h3>{summary.sections.find((s) => s.table?.id === t.id)?.heading}</h3>
              <ReportTableOnly doc={summary} id={t.id} highlight={highlight} />
            </section>
          ))}
        </div>
      </section>
    </>
  );
}

/** One table of a document, rendered like the report's. */
function ReportTableOnly(p: {
  doc: ReturnType<typeof reportDocument>;
  id: 'A' | 'B' | 'C';
  highlight: Set<CellAddress>;
}) {
  const only = {
    ...p.doc,
    sections: p.doc.sections.filter((s) => s.table?.id === p.id).map((s) => ({ ...s, paragraphs: [] })),
  };
  return <ReportArticle doc={only} highlight={p.highlight} bare />;
}
