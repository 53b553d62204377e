/**
 * 年度报告 in the back office: generate a year from the records, view the tables with failing cells marked, edit
 * the narrative (last year's 五 beside), acknowledge warnings, finalise, publish, reopen, download each format,
 * import a report published elsewhere, and — for a county — the overview of every agency below with the
 * consolidated table. Thin: parse → one use case or page query → present (views: web/views/annual-reports/).
 */
import { graphicAppendix } from '../../report-appendix.ts';
import type { App, C } from '../../app-env.ts';
import { currentActor, officePage } from '../../office-page.tsx';
import type { FormState } from '../../views/forms.tsx';
import { formData, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { ValidationError, isDomainError, NotFoundError } from '../../../errors.ts';
import { findAgency } from '../../../org/org.queries.ts';
import { attachment } from '../../../documents/xlsx.ts';
// Page queries by path: re-exported from the feature's index.ts they would close an import cycle (report-context →
// check-content → supervision → requests → annual-report/index.ts).
import { reportDetailPage, reportListPage } from '../../../annual-report/generator/report-pages.ts';
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
import { documentOf, exportReport, isExportFormat } from '../../../annual-report/generator/export-report.ts';
import type { AnnualReport } from '../../../annual-report/generator/report.ts';
import { ReportList } from '../../views/annual-reports/list.tsx';
import { ReportDetail, type ReportDetailForms } from '../../views/annual-reports/detail.tsx';
import { CountyOverview } from '../../views/annual-reports/county.tsx';

function toForm(e: unknown, values: FormState['values']): FormState {
  if (e instanceof ValidationError) return { values, errors: e.fieldErrors, message: e.message };
  if (isDomainError(e) && e.code !== 'forbidden' && e.code !== 'not_found')
    return { values, errors: {}, message: e.message };
  throw e;
}

function thisYear(c: C): number {
  return Number(c.get('deps').clock.today().slice(0, 4));
}

function yearOf(c: C, fallback: number): number {
  const q = Number(c.req.query('year'));
  return Number.isInteger(q) && q >= 2008 && q <= 2099 ? q : fallback;
}

async function listPage(c: C, forms: { generate?: FormState; import?: FormState } = {}, status = 200) {
  const page = await reportListPage(c.get('deps').db, currentActor(c));
  return officePage(
    c,
    '年度报告',
    <ReportList page={page} csrf={c.get('csrf')} year={thisYear(c)} forms={forms} />,
    status,
  );
}

async function detailPage(c: C, id: number, forms: ReportDetailForms = {}, status = 200) {
  const page = await reportDetailPage(c.get('deps').db, currentActor(c), id);
  return officePage(
    c,
    `${page.report.year}年度报告`,
    <ReportDetail
      page={page}
      doc={documentOf(page.report, page.agency)}
      forms={forms}
      csrf={c.get('csrf')}
    />,
    status,
  );
}

async function countyPage(c: C, year: number, deadlineForm?: FormState, status = 200) {
  const o = await reportOverview(c.get('ctx'), currentActor(c).agencyId, year);
  return officePage(
    c,
    `下级机关年报 ${year}年度`,
    <CountyOverview
      o={o}
      year={year}
      today={c.get('deps').clock.today()}
      csrf={c.get('csrf')}
      deadlineForm={deadlineForm}
    />,
    status,
  );
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
      const r = await generateReport(c.get('ctx'), {
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
      const r = await importReport(c.get('ctx'), {
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
      await setReportDeadline(c.get('ctx'), { agencyId: Number(values.agencyId), monthDay: values.monthDay });
    } catch (e) {
      return countyPage(c, year, toForm(e, values), 400);
    }
    const agency = await findAgency(c.get('deps').db, Number(values.agencyId));
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
      c.get('deps').db,
      currentActor(c),
      await reportIdOf(c),
      'view',
    );
    const appendix =
      format === 'html' && report.status !== 'draft'
        ? await graphicAppendix(c.get('deps').db, agency, report.year, false)
        : undefined;
    const file = await exportReport(report, agency, format, appendix);
    return new Response(new Uint8Array(file.bytes), {
      headers: { 'Content-Type': file.contentType, 'Content-Disposition': attachment(file.fileName) },
    });
  });

  app.post('/office/annual-reports/:id{[0-9]+}/regenerate', async (c) => {
    const id = await reportIdOf(c);
    const { report } = await resolveReport(c.get('deps').db, currentActor(c), id, 'draft');
    try {
      const r = await generateReport(c.get('ctx'), { agencyId: report.agencyId, year: report.year });
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
      const r = await saveNarrative(c.get('ctx'), id, { ...values, version: Number(str(f.version)) });
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
      await acknowledgeWarning(c.get('ctx'), id, { fingerprint: str(f.fingerprint), reason: str(f.reason) });
      return redirectWithFlash(c, `/office/annual-reports/${id}#checks-h`, '已确认该警告');
    } catch (e) {
      return detailPage(c, id, { ack: toForm(e, { fingerprint: str(f.fingerprint) }) }, 400);
    }
  });

  app.post('/office/annual-reports/:id{[0-9]+}/finalise', async (c) => {
    const id = await reportIdOf(c);
    const f = await formData(c);
    const values = { approverName: str(f.approverName) };
    try {
      const r = await finaliseReport(c.get('ctx'), id, values);
      return redirectWithFlash(c, `/office/annual-reports/${r.id}`, flashFor(r, '已定稿，该年度数据已锁定'));
    } catch (e) {
      return detailPage(c, id, { finalise: toForm(e, values) }, 400);
    }
  });

  app.post('/office/annual-reports/:id{[0-9]+}/publish', async (c) => {
    const id = await reportIdOf(c);
    try {
      const r = await publishReport(c.get('ctx'), id);
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
      const r = await reopenReport(c.get('ctx'), id, values);
      return redirectWithFlash(c, `/office/annual-reports/${r.id}`, flashFor(r, '已重新打开'));
    } catch (e) {
      return detailPage(c, id, { reopen: toForm(e, values) }, 400);
    }
  });
}
