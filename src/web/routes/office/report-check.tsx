/**
 * 年报体检 (back office): upload one or many annual reports, see each one's cells laid out as the official tables
 * with the failing cells highlighted and the findings beside them. Uploads are kept and listed; inspectors also
 * see the uploads of the agencies below them.
 */
import type { App, C } from '../../app-env.ts';
import { currentActor, officePage } from '../../office-page.tsx';
import { Csrf, FormError, Submit, emptyForm, type FormState } from '../../views/forms.tsx';
import { redirectWithFlash } from '../../render.tsx';
import { NotFoundError, ValidationError, assertCan } from '../../../errors.ts';
import { agencyScope, descendantIds, listAgencies } from '../../../org/org.queries.ts';
import { reportCheckPolicy } from '../../../annual-report/report-check.policy.ts';
import { findUpload, findUploadContent, listUploads } from '../../../annual-report/report-check.queries.ts';
import { uploadCheckedReports } from '../../../annual-report/upload-checked-reports.ts';
import {
  tableALayout,
  tableBLayout,
  tableCLayout,
  type LayoutRows,
} from '../../../annual-report/table-layout.ts';
import type { CheckResult } from '../../../annual-report/check-report.ts';
import { LOW_CONFIDENCE, type CellConfidence } from '../../../annual-report/template-align.ts';
import type { CellAddress, Finding } from '../../../annual-report/index.ts';
import { contentDisposition, safeFileName } from '../../../text/file-name.ts';
import { beijingDateTime } from '../../../beijing-time.ts';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;
const BADGE = { error: 'badge err', warning: 'badge warn', info: 'badge' } as const;
const FORMAT = { '2021': '2021年格式', '2019-trial': '2019年试行格式', unknown: '格式未知' } as const;
const when = (iso: string) => beijingDateTime(iso);

async function visibleAgencyIds(c: C): Promise<number[]> {
  const actor = currentActor(c);
  const db = c.get('deps').db;
  assertCan(reportCheckPolicy.view(actor, await agencyScope(db, actor.agencyId)));
  return actor.roles.includes('inspector') ? descendantIds(db, actor.agencyId) : [actor.agencyId];
}

async function indexPage(c: C, form: FormState = emptyForm(), status = 200): Promise<Response> {
  const actor = currentActor(c);
  const db = c.get('deps').db;
  const ids = await visibleAgencyIds(c);
  const uploads = await listUploads(db, ids);
  const names = new Map((await listAgencies(db)).map((a) => [a.id, a.name]));
  const inspector = ids.length > 1;
  return officePage(
    c,
    '年报体检',
    <>
      <h1>年报体检</h1>
      <p class="muted">
        上传政府信息公开工作年度报告（网页 HTML、Word .docx、PDF（带文字层）、文本 .txt/.md，或本系统导出的
        JSON）， 逐项检查六部分章节、三张统计表的200个单元格和勾稽关系，并核对正文数字。单个文件不超过 20 MB。
      </p>
      {reportCheckPolicy.upload(actor) ? (
        <form method="post" action="/office/report-check" enctype="multipart/form-data" class="card">
          <Csrf token={c.get('csrf')} />
          <FormError form={form} />
          <label for="f-files">选择报告文件（可多选）</label>
          <input
            id="f-files"
            name="files"
            type="file"
            multiple
            required
            accept=".txt,.md,.html,.htm,.shtml,.docx,.pdf,.json"
            aria-describedby={form.errors.files ? 'f-files-error' : undefined}
          />
          {form.errors.files ? (
            <p id="f-files-error" class="error">
              {form.errors.files}
            </p>
          ) : null}
          <Submit>上传并检查</Submit>
        </form>
      ) : null}
      <h2>{inspector ? '本单位及下级单位上传的报告' : '已上传的报告'}</h2>
      {uploads.length === 0 ? (
        <p class="muted">还没有上传过报告。</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table class="data" data-testid="report-check-list">
            <thead>
              <tr>
                <th scope="col">文件</th>
                <th scope="col">报告机关</th>
                <th scope="col">年度</th>
                <th scope="col">错误</th>
                <th scope="col">警告</th>
                {inspector ? <th scope="col">上传单位</th> : null}
                <th scope="col">上传</th>
              </tr>
            </thead>
            <tbody>
              {uploads.map((u) => (
                <tr>
                  <td>
                    <a href={`/office/report-check/${u.id}`}>{safeFileName(u.fileName)}</a>
                  </td>
                  <td>{u.reportAgency ?? '（未写明）'}</td>
                  <td>{u.reportYear ?? '—'}</td>
                  <td>{u.errorCount ? <span class="badge err">{u.errorCount}</span> : 0}</td>
                  <td>{u.warningCount ? <span class="badge warn">{u.warningCount}</span> : 0}</td>
                  {inspector ? <td>{names.get(u.agencyId) ?? ''}</td> : null}
                  <td>
                    {u.uploadedByName} · {when(u.uploadedAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>,
    status,
  );
}

/** Severity of the worst finding that names each cell (CHECK-SKIPPED and other info findings do not count). */
function cellMarks(
  findings: Finding[],
): Map<CellAddress, { severity: 'error' | 'warning'; notes: string[] }> {
  const marks = new Map<CellAddress, { severity: 'error' | 'warning'; notes: string[] }>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    for (const a of f.cells) {
      const m = marks.get(a) ?? { severity: f.severity, notes: [] };
      if (f.severity === 'error') m.severity = 'error';
      if (m.notes.length < 3) m.notes.push(`${f.rule}：${f.message}`);
      marks.set(a, m);
    }
  }
  return marks;
}

/** How a low-confidence cell's value was placed, for its tooltip. */
const CONFIDENCE_NOTE: Partial<Record<CellConfidence, string>> = {
  order: '这一行没有行名，按统计表的行序推定位置',
  identities: '原文没有标明这些数字的位置，按表内勾稽关系推定（只有一种读法）',
  split: '原文的数字连在一起，按表内勾稽关系拆分（只有一种拆法）',
  recovered: '这个数字不在表格行内，取自表格旁',
};

/** The cells whose value was placed by inference (not read under its label): shown with a dashed frame. */
function lowConfidence(r: CheckResult): Map<CellAddress, CellConfidence> {
  const out = new Map<CellAddress, CellConfidence>();
  for (const [a, how] of Object.entries(r.confidence ?? {}) as [CellAddress, CellConfidence][])
    if (LOW_CONFIDENCE.has(how)) out.set(a, how);
  return out;
}

function OfficialTable(props: { caption: string; rows: LayoutRows; result: CheckResult; id: string }) {
  const marks = cellMarks(props.result.findings);
  const unsure = lowConfidence(props.result);
  return (
    <div class="table-scroll" tabindex={0}>
      <table class="data report-table" data-testid={props.id}>
        <caption>{props.caption}</caption>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {row.map((cell) => {
                const mark = cell.address ? marks.get(cell.address) : undefined;
                const how = cell.address ? unsure.get(cell.address) : undefined;
                const style = mark
                  ? mark.severity === 'error'
                    ? 'background:#fde2e1;outline:2px solid #c0392b'
                    : 'background:#fff4d6;outline:2px solid #d68910'
                  : how
                    ? 'outline:2px dashed #2e6da4'
                    : undefined;
                const notes = [...(mark?.notes ?? []), ...(how ? [`推定：${CONFIDENCE_NOTE[how]}`] : [])];
                return (
                  <td
                    colSpan={cell.colspan}
                    rowSpan={cell.rowspan}
                    style={style}
                    title={notes.length ? notes.join('\n') : undefined}
                    data-cell={cell.address}
                    data-mark={mark?.severity}
                    data-confidence={how}
                  >
                    {cell.text}
                    {how ? <span class="muted">（推定）</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function detailPage(c: C, u: NonNullable<Awaited<ReturnType<typeof findUpload>>>): Promise<Response> {
  const r = u.result;
  const show = (a: CellAddress) => {
    const v = r.cells[a];
    return v === null ? '（缺）' : String(v);
  };
  const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
  const inferred = lowConfidence(r).size;
  return officePage(
    c,
    `年报体检 · ${safeFileName(u.fileName)}`,
    <>
      <p>
        <a href="/office/report-check">← 年报体检</a>
      </p>
      <h1>{safeFileName(u.fileName)}</h1>
      <p>
        {r.agency ?? '（未写明机关）'} · {r.year ? `${r.year}年度` : '（未写明年度）'} · {FORMAT[r.format]} ·{' '}
        {r.complete ? '内容完整' : '内容不完整'} · 错误 {count('error')} 项，警告 {count('warning')} 项 ·{' '}
        <a href={`/office/report-check/${u.id}/file`}>下载原文件</a>
      </p>
      <p>
        章节：
        {r.sections.map((s) => (
          <span class={s.found ? 'badge ok' : 'badge err'} title={s.heading ?? '未找到'}>
            {s.no}
            {s.found ? '✓' : '✗'}
          </span>
        ))}
      </p>
      {inferred ? (
        <p data-testid="low-confidence">
          有 {inferred}{' '}
          个单元格的位置是推定的（虚线框，标“推定”）：原文没有标明它们属于哪一格，请对照原文核对。
        </p>
      ) : null}
      <div style="display:grid;grid-template-columns:minmax(0,3fr) minmax(16rem,2fr);gap:1rem;align-items:start">
        <div>
          <OfficialTable
            caption="二、主动公开政府信息情况"
            rows={tableALayout(show)}
            result={r}
            id="table-a"
          />
          <OfficialTable
            caption="三、收到和处理政府信息公开申请情况"
            rows={tableBLayout(show)}
            result={r}
            id="table-b"
          />
          <OfficialTable
            caption="四、政府信息公开行政复议、行政诉讼情况"
            rows={tableCLayout(show)}
            result={r}
            id="table-c"
          />
        </div>
        <section aria-label="检查结果" class="card">
          <h2>检查结果</h2>
          {r.findings.length === 0 ? <p>未发现问题。</p> : null}
          <ol data-testid="findings">
            {r.findings.map((f) => (
              <li>
                <span class={BADGE[f.severity]}>{SEVERITY[f.severity]}</span> <code>{f.rule}</code>
                {f.location ? <span class="muted">（第{f.location.line}行）</span> : null}
                <br />
                {f.message}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>,
  );
}

async function loadVisible(c: C) {
  const id = Number(c.req.param('id'));
  const ids = await visibleAgencyIds(c);
  const u = await findUpload(c.get('deps').db, id);
  // To an outsider, another agency's upload does not exist.
  if (!u || !ids.includes(u.agencyId)) throw new NotFoundError('未找到该报告');
  return u;
}

export function reportCheckRoutes(app: App): void {
  app.get('/office/report-check', (c) => indexPage(c));

  app.post('/office/report-check', async (c) => {
    const body = await c.req.parseBody({ all: true });
    const raw = body['files'];
    const files = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (f): f is File => f instanceof File,
    );
    try {
      const saved = await uploadCheckedReports(
        c.get('ctx'),
        await Promise.all(
          files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
        ),
      );
      if (saved.length === 1) return c.redirect(`/office/report-check/${saved[0]!.id}`, 303);
      return redirectWithFlash(c, '/office/report-check', `已上传并检查 ${saved.length} 份报告`);
    } catch (e) {
      if (e instanceof ValidationError) {
        return indexPage(c, { values: {}, errors: e.fieldErrors, message: e.message }, 400);
      }
      throw e;
    }
  });

  app.get('/office/report-check/:id{[0-9]+}', async (c) => detailPage(c, await loadVisible(c)));

  app.get('/office/report-check/:id{[0-9]+}/file', async (c) => {
    const u = await loadVisible(c);
    const content = await findUploadContent(c.get('deps').db, u.id);
    if (!content) throw new NotFoundError('未找到该报告');
    return new Response(new Uint8Array(content.bytes).buffer as ArrayBuffer, {
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': contentDisposition(content.fileName),
        'Cache-Control': 'no-store',
      },
    });
  });
}
