/** A report's page: status, checks (and acknowledging warnings), actions, the narrative editor, the full text. Pure. */
import type { ReportDetailPage } from '../../../annual-report/generator/report-pages.ts';
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS } from '../../../annual-report/generator/export-formats.ts';
import type { documentOf } from '../../../annual-report/generator/export-report.ts';
import { ReportArticle, REPORT_CSS } from '../../../annual-report/generator/render-html.tsx';
import { REPORT_STATUS_LABELS, fingerprintOf } from '../../../annual-report/generator/report.ts';
import { beijingDateTime } from '../../../beijing-time.ts';
import { Csrf, Field, FormError, Submit, TextArea, emptyForm, type FormState } from '../forms.tsx';
import { FindingList } from './findings.tsx';

const localTime = (iso: string | null) => (iso ? beijingDateTime(iso) : '');

/** The forms of the page that come back with what was typed and the error. */
export type ReportDetailForms = {
  narrative?: FormState;
  finalise?: FormState;
  reopen?: FormState;
  ack?: FormState;
};

export function ReportDetail(props: {
  page: ReportDetailPage;
  doc: ReturnType<typeof documentOf>;
  forms: ReportDetailForms;
  csrf: string;
}) {
  const { forms, csrf, doc } = props;
  const {
    report,
    agency,
    acked,
    snapshot,
    previous,
    canDraft,
    canFinalise,
    canReopen,
    ready,
    highlight,
    unacked,
  } = props.page;
  const narrative =
    forms.narrative ??
    emptyForm({
      overview: report.texts.overview,
      problems_improvements: report.texts.problems_improvements,
      other_matters: report.texts.other_matters,
    });
  const fin = forms.finalise ?? emptyForm({ approverName: '' });
  const reo = forms.reopen ?? emptyForm();
  return (
    <>
      <style>{REPORT_CSS}</style>
      <p>
        <a href="/office/annual-reports">← 年度报告</a>
      </p>
      <h1>
        {agency.name}
        {report.year}年度政府信息公开工作年度报告
      </h1>
      <p>
        <span class={report.status === 'draft' ? 'badge warn' : 'badge ok'}>
          {REPORT_STATUS_LABELS[report.status]}
        </span>{' '}
        {report.origin === 'imported'
          ? `导入自 ${report.sourceFile ?? ''}（${localTime(report.generatedAt)}，${report.generatedByName}）`
          : `${localTime(report.generatedAt)} 由 ${report.generatedByName} 生成`}
        {report.approverName
          ? `；审定人：${report.approverName}（${localTime(report.finalisedAt)}定稿）`
          : ''}
        {report.publishedAt ? `；${localTime(report.publishedAt)}发布` : ''}
        {report.reopenCount ? `；曾重新打开${report.reopenCount}次` : ''}
      </p>
      {snapshot ? (
        <p class="muted">
          生成时读取：依申请公开 {snapshot.sourceCounts.info_requests ?? 0} 件，复议诉讼{' '}
          {snapshot.sourceCounts.request_appeals ?? 0} 件，主动公开 {snapshot.sourceCounts.publications ?? 0}{' '}
          条， 规范性文件 {snapshot.sourceCounts.normative_documents ?? 0} 件，第二十条登记{' '}
          {(snapshot.sourceCounts.art20_decisions ?? 0) + (snapshot.sourceCounts.art20_fees ?? 0)} 条。
        </p>
      ) : null}

      <section aria-labelledby="checks-h">
        <h2 id="checks-h">检查结果</h2>
        <FindingList findings={report.findings} acked={acked} />
        {canDraft && unacked.length ? (
          <>
            <h3>确认警告</h3>
            <p class="hint">警告须说明理由后确认，方可定稿。</p>
            <FormError form={forms.ack ?? emptyForm()} />
            {unacked.map((f, i) => {
              // The refused confirmation's reason field carries the id its error summary links to (a fingerprint
              // the page does not list, e.g. left out: the first warning's).
              const refused =
                forms.ack && Object.keys(forms.ack.errors).length
                  ? (unacked.find((x) => fingerprintOf(x) === String(forms.ack!.values.fingerprint ?? '')) ??
                    unacked[0])
                  : undefined;
              const inputId = refused === f ? 'f-reason' : `ack-${i}`;
              return (
                <form
                  method="post"
                  action={`/office/annual-reports/${report.id}/ack`}
                  class="filters"
                  novalidate
                >
                  <Csrf token={csrf} />
                  <input type="hidden" name="fingerprint" value={fingerprintOf(f)} />
                  <div class="field">
                    <label for={inputId}>
                      {f.rule}：{f.message.slice(0, 60)}
                      {f.message.length > 60 ? '…' : ''} — 理由
                    </label>
                    <input id={inputId} name="reason" type="text" required />
                  </div>
                  <button type="submit">确认</button>
                </form>
              );
            })}
          </>
        ) : null}
      </section>

      <section aria-labelledby="actions-h">
        <h2 id="actions-h">操作</h2>
        <div class="actions">
          {EXPORT_FORMATS.map((f) => (
            <a class="button" href={`/office/annual-reports/${report.id}/download/${f}`}>
              下载{EXPORT_FORMAT_LABELS[f]}
            </a>
          ))}
        </div>
        {canDraft && report.origin === 'generated' ? (
          <form method="post" action={`/office/annual-reports/${report.id}/regenerate`} class="actions">
            <Csrf token={csrf} />
            <button type="submit">按最新记录重新生成</button>
          </form>
        ) : null}
        {canFinalise && report.status === 'draft' ? (
          <form
            method="post"
            action={`/office/annual-reports/${report.id}/finalise`}
            class="filters"
            novalidate
          >
            <Csrf token={csrf} />
            <FormError form={fin} />
            <Field form={fin} name="approverName" label="审定人（分管或主要负责同志）" required />
            <p class="hint" id="finalise-lock">
              定稿后，{report.year}年度的数据即锁定：日期在{report.year}
              年内的申请登记、办结、收费、复议诉讼和第二十条登记都不能再修改，须由负责人说明理由重新打开报告后才能修改；仍在办理中的申请照常办理（其
              {report.year + 1}年的办理步骤不受影响）。
            </p>
            <button
              type="submit"
              class="primary"
              disabled={!ready.ready}
              aria-describedby="finalise-lock"
              data-confirm={`确认将${report.year}年度报告定稿？定稿后${report.year}年度的数据即锁定，须说明理由重新打开后才能修改。`}
            >
              定稿
            </button>
            {!ready.ready ? (
              <p class="hint">
                尚有{ready.errors.length}项错误、{ready.unacknowledged.length}项未确认的警告，不能定稿。
              </p>
            ) : null}
          </form>
        ) : null}
        {canFinalise && report.status === 'finalised' ? (
          <form method="post" action={`/office/annual-reports/${report.id}/publish`} class="actions">
            <Csrf token={csrf} />
            <p class="hint" id="publish-lock">
              发布后，报告在门户网站“政府信息公开工作年度报告”栏目公开，{report.year}
              年度的数据保持锁定；如需更正，须说明理由重新打开，更正后再次发布。
            </p>
            <button
              type="submit"
              class="primary"
              aria-describedby="publish-lock"
              data-confirm={`确认发布${report.year}年度报告？发布后公众即可查阅，${report.year}年度的数据保持锁定。`}
            >
              发布到信息公开年报栏目
            </button>
          </form>
        ) : null}
        {canReopen ? (
          <form
            method="post"
            action={`/office/annual-reports/${report.id}/reopen`}
            class="filters"
            novalidate
          >
            <Csrf token={csrf} />
            <FormError form={reo} />
            <Field form={reo} name="reason" label="重新打开的理由" required />
            <button type="submit" data-confirm="重新打开后，该年度数据解除锁定，报告从门户撤下，确定吗？">
              重新打开
            </button>
          </form>
        ) : null}
      </section>

      {canDraft ? (
        <section aria-labelledby="narrative-h">
          <h2 id="narrative-h">编辑正文</h2>
          <p class="hint">
            数字取自统计表；修改后系统重新检查正文与表格是否一致。“重新生成”时保留已编辑的部分。
          </p>
          <form method="post" action={`/office/annual-reports/${report.id}/narrative`} novalidate>
            <Csrf token={csrf} />
            <input type="hidden" name="version" value={String(report.version)} />
            <FormError form={narrative} />
            <TextArea form={narrative} name="overview" label="一、总体情况" rows={16} required />
            <div class="side-by-side">
              <TextArea
                form={narrative}
                name="problems_improvements"
                label="五、存在的主要问题及改进情况"
                rows={10}
                required
              />
              <aside aria-labelledby="prev5-h" class="card">
                <h3 id="prev5-h">上年度报告第五部分（供对照整改）</h3>
                {previous?.texts.problems_improvements ? (
                  previous.texts.problems_improvements
                    .split('\n')
                    .filter(Boolean)
                    .map((l) => <p>{l}</p>)
                ) : (
                  <p class="muted">本系统中没有上年度报告。</p>
                )}
              </aside>
            </div>
            <TextArea
              form={narrative}
              name="other_matters"
              label="六、其他需要报告的事项"
              rows={5}
              required
            />
            <Submit>保存正文</Submit>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="preview-h">
        <h2 id="preview-h">报告全文{highlight.size ? '（红框为未通过检查的单元格）' : ''}</h2>
        <ReportArticle doc={doc} highlight={highlight} />
      </section>
    </>
  );
}
