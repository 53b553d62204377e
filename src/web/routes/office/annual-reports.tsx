/**
 * 年度报告 in the back office: generate a year from the records, view the tables with failing cells marked, edit
 * the narrative (last year's 五 beside), acknowledge warnings, finalise, publish, reopen, download each format,
 * import a report published elsewhere, and — for a county — the overview of every agency below with the
 * consolidated table. Thin: parse → one use case → present.
 */
import { graphicAppendix } from '../../report-appendix.ts';
import type { App, C } from '../../app-env.ts';
import { currentActor, officePage } from '../../office-page.tsx';
import { Csrf, Field, FormError, Submit, TextArea, emptyForm, type FormState } from '../../views/forms.tsx';
import { formData, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { ValidationError, assertCan, isDomainError, NotFoundError } from '../../../errors.ts';
import { agencyScope, descendantIds, findAgency, getAgency, listAgencies } from '../../../org/org.queries.ts';
import type { Agency } from '../../../org/org.ts';
import { attachment } from '../../../documents/xlsx.ts';
import type { CellAddress, Finding } from '../../../annual-report/index.ts';
import {
  findReportFor,
  findSnapshot,
  listAcknowledgments,
  listReports,
} from '../../../annual-report/generator/annual-reports.queries.ts';
import { generateReport } from '../../../annual-report/generator/generate-report.ts';
import { saveNarrative } from '../../../annual-report/generator/save-narrative.ts';
import { acknowledgeWarning } from '../../../annual-report/generator/acknowledge-warning.ts';
import { finaliseReport } from '../../../annual-report/generator/finalise-report.ts';
import { publishReport } from '../../../annual-report/generator/publish-report.ts';
import { reopenReport } from '../../../annual-report/generator/reopen-report.ts';
import { importReport } from '../../../annual-report/generator/import-report.ts';
import { setReportDeadline } from '../../../annual-report/generator/set-report-deadline.ts';
import { reportOverview } from '../../../annual-report/generator/report-overview.ts';
import { resolveReport } from '../../../annual-report/generator/report-context.ts';
import {
  EXPORT_FORMATS,
  EXPORT_FORMAT_LABELS,
  documentOf,
  exportReport,
  isExportFormat,
} from '../../../annual-report/generator/export-report.ts';
import { reportDocument, tableA, tableB, tableC } from '../../../annual-report/generator/report-document.ts';
import { ReportArticle, REPORT_CSS } from '../../../annual-report/generator/render-html.tsx';
import { reportPolicy } from '../../../annual-report/generator/report.policy.ts';
import {
  OVERVIEW_STATUS_LABELS,
  REPORT_STATUS_LABELS,
  fingerprintOf,
  readiness,
  type AnnualReport,
  type OverviewStatus,
} from '../../../annual-report/generator/report.ts';
import { beijingDateTime } from '../../../beijing-time.ts';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;
const STATUS_BADGE: Record<OverviewStatus, string> = {
  not_started: 'badge',
  draft: 'badge warn',
  finalised: 'badge ok',
  published: 'badge ok',
  overdue: 'badge err',
};

const localTime = (iso: string | null) => (iso ? beijingDateTime(iso) : '');

function toForm(e: unknown, values: FormState['values']): FormState {
  if (e instanceof ValidationError) return { values, errors: e.fieldErrors, message: e.message };
  if (isDomainError(e) && e.code !== 'forbidden' && e.code !== 'not_found')
    return { values, errors: {}, message: e.message };
  throw e;
}

function thisYear(c: C): number {
  return Number(c.var.deps.clock.today().slice(0, 4));
}

function yearOf(c: C, fallback: number): number {
  const q = Number(c.req.query('year'));
  return Number.isInteger(q) && q >= 2008 && q <= 2099 ? q : fallback;
}

/** Agencies the actor may import a report for: its own and, for a county inspector/admin, those below it. */
async function importTargets(c: C): Promise<Agency[]> {
  const actor = currentActor(c);
  const db = c.var.deps.db;
  const ids = await descendantIds(db, actor.agencyId);
  const all = await listAgencies(db);
  const out: Agency[] = [];
  for (const a of all.filter((x) => ids.includes(x.id))) {
    if (reportPolicy.import(actor, await agencyScope(db, a.id))) out.push(a);
  }
  return out;
}

function FindingList({ findings, acked }: { findings: Finding[]; acked: Map<string, string> }) {
  const shown = findings.filter((f) => f.severity !== 'info');
  if (!shown.length) return <p class="muted">全部检查通过。</p>;
  return (
    <ul class="findings">
      {shown.map((f) => (
        <li>
          <span class={f.severity === 'error' ? 'badge err' : 'badge warn'}>{SEVERITY[f.severity]}</span>{' '}
          <code>{f.rule}</code> {f.message}
          {acked.has(fingerprintOf(f)) ? (
            <span class="muted">（已确认：{acked.get(fingerprintOf(f))}）</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

// -- the list page ----------------------------------------------------------------------------------------------

async function listPage(c: C, forms: { generate?: FormState; import?: FormState } = {}, status = 200) {
  const actor = currentActor(c);
  const db = c.var.deps.db;
  const agency = await getAgency(db, actor.agencyId);
  const scope = await agencyScope(db, agency.id);
  assertCan(reportPolicy.view(actor, scope), { hide: true });
  const reports = await listReports(db, agency.id);
  const canDraft = reportPolicy.draft(actor, scope);
  const hasBelow = (await descendantIds(db, agency.id)).length > 1;
  const canOverview = hasBelow && reportPolicy.overview(actor, scope);
  const targets = await importTargets(c);
  const year = thisYear(c);
  const gen = forms.generate ?? emptyForm({ year: String(year - 1) });
  const imp = forms.import ?? emptyForm({ agencyId: String(agency.id) });
  return officePage(
    c,
    '年度报告',
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
            <Csrf token={c.var.csrf} />
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
            <Csrf token={c.var.csrf} />
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
    </>,
    status,
  );
}

// -- the report page --------------------------------------------------------------------------------------------

interface DetailForms {
  narrative?: FormState;
  finalise?: FormState;
  reopen?: FormState;
  ack?: FormState;
}

async function detailPage(c: C, id: number, forms: DetailForms = {}, status = 200) {
  const actor = currentActor(c);
  const db = c.var.deps.db;
  const { report, agency, scope } = await resolveReport(db, actor, id, 'view');
  const acks = await listAcknowledgments(db, report.id);
  const acked = new Map(acks.map((a) => [a.fingerprint, `${a.reason}（${a.ackedByName}）`]));
  const snapshot = report.snapshotId ? await findSnapshot(db, report.snapshotId) : undefined;
  const previous = await findReportFor(db, agency.id, report.year - 1);
  const canDraft = reportPolicy.draft(actor, scope) && report.status === 'draft';
  const canFinalise = reportPolicy.finalise(actor, scope);
  const canReopen = reportPolicy.reopen(actor, scope) && report.status !== 'draft';
  const ready = readiness(report.findings, acks);
  const highlight = new Set<CellAddress>(
    report.findings.filter((f) => f.severity !== 'info').flatMap((f) => f.cells),
  );
  const doc = documentOf(report, agency);
  const narrative =
    forms.narrative ??
    emptyForm({
      overview: report.texts.overview,
      problems_improvements: report.texts.problems_improvements,
      other_matters: report.texts.other_matters,
    });
  const unacked = report.findings.filter((f) => f.severity === 'warning' && !acked.has(fingerprintOf(f)));
  const fin = forms.finalise ?? emptyForm({ approverName: '' });
  const reo = forms.reopen ?? emptyForm();
  return officePage(
    c,
    `${report.year}年度报告`,
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
            {unacked.map((f, i) => (
              <form
                method="post"
                action={`/office/annual-reports/${report.id}/ack`}
                class="filters"
                novalidate
              >
                <Csrf token={c.var.csrf} />
                <input type="hidden" name="fingerprint" value={fingerprintOf(f)} />
                <div class="field">
                  <label for={`ack-${i}`}>
                    {f.rule}：{f.message.slice(0, 60)}
                    {f.message.length > 60 ? '…' : ''} — 理由
                  </label>
                  <input id={`ack-${i}`} name="reason" type="text" required />
                </div>
                <button type="submit">确认</button>
              </form>
            ))}
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
            <Csrf token={c.var.csrf} />
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
            <Csrf token={c.var.csrf} />
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
            <Csrf token={c.var.csrf} />
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
            <Csrf token={c.var.csrf} />
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
            <Csrf token={c.var.csrf} />
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
    </>,
    status,
  );
}

// -- the county overview ----------------------------------------------------------------------------------------

async function countyPage(c: C, year: number, deadlineForm?: FormState, status = 200) {
  const actor = currentActor(c);
  const o = await reportOverview(c.var.ctx, actor.agencyId, year);
  const cons = o.consolidated;
  const highlight = new Set<CellAddress>(
    cons.findings.filter((f) => f.severity !== 'info').flatMap((f) => f.cells),
  );
  const dl = deadlineForm ?? emptyForm({ monthDay: '01-31' });
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
    date: c.var.deps.clock.today(),
  });
  return officePage(
    c,
    `下级机关年报 ${year}年度`,
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
          <Csrf token={c.var.csrf} />
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
    </>,
    status,
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

async function reportIdOf(c: C): Promise<number> {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id <= 0) throw new NotFoundError();
  return id;
}

function flashFor(r: AnnualReport, what: string): string {
  return `${r.year}年度报告${what}`;
}

export function annualReportRoutes(app: App): void {
  app.get('/office/annual-reports', (c) => listPage(c));

  app.post('/office/annual-reports/generate', async (c) => {
    const f = await formData(c);
    const values = { year: str(f.year) };
    try {
      const r = await generateReport(c.var.ctx, {
        agencyId: currentActor(c).agencyId,
        year: Number(values.year),
      });
      return redirectWithFlash(c, `/office/annual-reports/${r.id}`, flashFor(r, '已生成'));
    } catch (e) {
      return listPage(c, { generate: toForm(e, values) }, 400);
    }
  });

  app.post('/office/annual-reports/import', async (c) => {
    const body = await c.req.parseBody();
    const values = { agencyId: String(body['agencyId'] ?? ''), year: String(body['year'] ?? '') };
    try {
      const file = body['file'];
      if (!(file instanceof File) || file.size === 0)
        throw new ValidationError('请选择报告文件', { file: '必填' });
      const r = await importReport(c.var.ctx, {
        agencyId: Number(values.agencyId),
        year: values.year ? Number(values.year) : undefined,
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return redirectWithFlash(c, `/office/annual-reports/${r.id}`, flashFor(r, '已导入'));
    } catch (e) {
      return listPage(c, { import: toForm(e, values) }, 400);
    }
  });

  app.get('/office/annual-reports/county', (c) => countyPage(c, yearOf(c, thisYear(c) - 1)));

  app.post('/office/annual-reports/county/deadline', async (c) => {
    const year = yearOf(c, thisYear(c) - 1);
    const f = await formData(c);
    const values = { agencyId: str(f.agencyId), monthDay: str(f.monthDay).trim() };
    try {
      await setReportDeadline(c.var.ctx, { agencyId: Number(values.agencyId), monthDay: values.monthDay });
    } catch (e) {
      return countyPage(c, year, toForm(e, values), 400);
    }
    const agency = await findAgency(c.var.deps.db, Number(values.agencyId));
    return redirectWithFlash(
      c,
      `/office/annual-reports/county?year=${year}`,
      `已将${agency?.name ?? ''}的年报发布期限设为次年${values.monthDay}`,
    );
  });

  app.get('/office/annual-reports/:id{[0-9]+}', async (c) => detailPage(c, await reportIdOf(c)));

  app.get('/office/annual-reports/:id{[0-9]+}/download/:format', async (c) => {
    const format = c.req.param('format');
    if (!isExportFormat(format)) throw new NotFoundError();
    const { report, agency } = await resolveReport(
      c.var.deps.db,
      currentActor(c),
      await reportIdOf(c),
      'view',
    );
    const appendix =
      format === 'html' && report.status !== 'draft'
        ? await graphicAppendix(c.var.deps.db, agency, report.year, false)
        : undefined;
    const file = await exportReport(report, agency, format, appendix);
    return new Response(new Uint8Array(file.bytes), {
      headers: { 'Content-Type': file.contentType, 'Content-Disposition': attachment(file.fileName) },
    });
  });

  app.post('/office/annual-reports/:id{[0-9]+}/regenerate', async (c) => {
    const id = await reportIdOf(c);
    const { report } = await resolveReport(c.var.deps.db, currentActor(c), id, 'draft');
    try {
      const r = await generateReport(c.var.ctx, { agencyId: report.agencyId, year: report.year });
      return redirectWithFlash(c, `/office/annual-reports/${r.id}`, flashFor(r, '已按最新记录重新生成'));
    } catch (e) {
      return detailPage(c, id, { finalise: toForm(e, {}) }, 400);
    }
  });

  app.post('/office/annual-reports/:id{[0-9]+}/narrative', async (c) => {
    const id = await reportIdOf(c);
    const f = await formData(c);
    const values = {
      overview: str(f.overview),
      problems_improvements: str(f.problems_improvements),
      other_matters: str(f.other_matters),
    };
    try {
      const r = await saveNarrative(c.var.ctx, id, { ...values, version: Number(str(f.version)) });
      return redirectWithFlash(
        c,
        `/office/annual-reports/${r.id}#checks-h`,
        flashFor(r, '正文已保存并重新检查'),
      );
    } catch (e) {
      return detailPage(c, id, { narrative: toForm(e, values) }, 400);
    }
  });

  app.post('/office/annual-reports/:id{[0-9]+}/ack', async (c) => {
    const id = await reportIdOf(c);
    const f = await formData(c);
    try {
      await acknowledgeWarning(c.var.ctx, id, { fingerprint: str(f.fingerprint), reason: str(f.reason) });
      return redirectWithFlash(c, `/office/annual-reports/${id}#checks-h`, '已确认该警告');
    } catch (e) {
      return detailPage(c, id, { ack: toForm(e, {}) }, 400);
    }
  });

  app.post('/office/annual-reports/:id{[0-9]+}/finalise', async (c) => {
    const id = await reportIdOf(c);
    const f = await formData(c);
    const values = { approverName: str(f.approverName) };
    try {
      const r = await finaliseReport(c.var.ctx, id, values);
      return redirectWithFlash(c, `/office/annual-reports/${r.id}`, flashFor(r, '已定稿，该年度数据已锁定'));
    } catch (e) {
      return detailPage(c, id, { finalise: toForm(e, values) }, 400);
    }
  });

  app.post('/office/annual-reports/:id{[0-9]+}/publish', async (c) => {
    const id = await reportIdOf(c);
    try {
      const r = await publishReport(c.var.ctx, id);
      return redirectWithFlash(c, `/office/annual-reports/${r.id}`, flashFor(r, '已发布到信息公开年报栏目'));
    } catch (e) {
      return detailPage(c, id, { finalise: toForm(e, {}) }, 400);
    }
  });

  app.post('/office/annual-reports/:id{[0-9]+}/reopen', async (c) => {
    const id = await reportIdOf(c);
    const f = await formData(c);
    const values = { reason: str(f.reason) };
    try {
      const r = await reopenReport(c.var.ctx, id, values);
      return redirectWithFlash(c, `/office/annual-reports/${r.id}`, flashFor(r, '已重新打开'));
    } catch (e) {
      return detailPage(c, id, { reopen: toForm(e, values) }, 400);
    }
  });
}
