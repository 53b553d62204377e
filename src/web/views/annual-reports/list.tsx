/** The list page of 年度报告: the agency's reports, the generate form and the import form. Pure. */
import type { ReportListPage } from '../../../annual-report/generator/report-pages.ts';
import { REPORT_STATUS_LABELS } from '../../../annual-report/generator/report.ts';
import { beijingDateTime } from '../../../beijing-time.ts';
import { Csrf, Field, FormError, Submit, emptyForm, type FormState } from '../forms.tsx';
import { str } from '../../form.ts';

const localTime = (iso: string | null) => (iso ? beijingDateTime(iso) : '');

export function ReportList(props: {
  page: ReportListPage;
  csrf: string;
  year: number;
  forms: { generate?: FormState; import?: FormState };
}) {
  const { csrf, year } = props;
  const { agency, reports, canDraft, canOverview, targets } = props.page;
  const gen = props.forms.generate ?? emptyForm({ year: String(year - 1) });
  const imp = props.forms.import ?? emptyForm({ agencyId: String(agency.id) });
  return (
    <>
      <h1>政府信息公开工作年度报告</h1>
      <p class="muted">
        报告由本系统的依申请公开、主动公开、第二十条登记和复议诉讼记录生成，所有数字取自记录；正文初稿中标注“【待填写】”的内容须据实补充。
        县级以上人民政府部门和乡镇须于次年1月31日前、县级人民政府须于次年3月31日前公布（条例第四十九条）。
      </p>
      {canOverview ? (
        <p>
          <a class="button" href={`/office/annual-reports/county?year=${year - 1}`}>
            下级机关年报情况与汇总表
          </a>
        </p>
      ) : null}
      <h2>{agency.name}的年度报告</h2>
      {reports.length ? (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">状态</th>
              <th scope="col">来源</th>
              <th scope="col">生成/导入</th>
              <th scope="col">检查</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr>
                <td>
                  <a href={`/office/annual-reports/${r.id}`}>{r.year}年度</a>
                </td>
                <td>{REPORT_STATUS_LABELS[r.status]}</td>
                <td>{r.origin === 'imported' ? `导入（${r.sourceFile ?? ''}）` : '系统生成'}</td>
                <td>
                  {localTime(r.generatedAt)} {r.generatedByName}
                </td>
                <td>
                  错误 {r.findings.filter((f) => f.severity === 'error').length} 项，警告{' '}
                  {r.findings.filter((f) => f.severity === 'warning').length} 项
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">尚无年度报告。</p>
      )}
      {canDraft ? (
        <section aria-labelledby="gen-h">
          <h2 id="gen-h">生成年报</h2>
          <form method="post" action="/office/annual-reports/generate" class="filters" novalidate>
            <Csrf token={csrf} />
            <FormError form={gen} />
            <Field form={gen} name="year" label="年度" type="number" required />
            <button type="submit" class="primary">
              生成年报
            </button>
          </form>
        </section>
      ) : null}
      {targets.length ? (
        <section aria-labelledby="imp-h">
          <h2 id="imp-h">导入在本系统外发布的年报</h2>
          <p class="hint">
            支持文本、网页（HTML）、Word（DOCX）和本系统导出的
            JSON。导入后按已发布记录保存，用于下级机关汇总和下一年度的结转核对。
          </p>
          <form method="post" action="/office/annual-reports/import" enctype="multipart/form-data" novalidate>
            <Csrf token={csrf} />
            <FormError form={imp} />
            <div class="field">
              <label for="f-agencyId">机关</label>
              <select id="f-agencyId" name="agencyId">
                {targets.map((a) => (
                  <option value={String(a.id)} selected={str(imp.values.agencyId) === String(a.id)}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
            <Field form={imp} name="year" label="年度（报告未写明时填写）" type="number" />
            <div class="field">
              <label for="f-file">报告文件</label>
              <input id="f-file" name="file" type="file" required />
            </div>
            <Submit>导入</Submit>
          </form>
        </section>
      ) : null}
    </>
  );
}
