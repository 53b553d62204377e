/**
 * The portal's 信息公开年报 column: the published annual reports of the portal's agency, each readable in the page
 * (accessible tables) and downloadable as Word, PDF, HTML, text and data. Registered before portalRoutes, whose
 * placeholder for /annual-reports it replaces.
 */
import { graphicAppendix } from '../../report-appendix.ts';
import type { App, C } from '../../app-env.ts';
import { portalAgency, publicPage } from '../../public-page.tsx';
import { NotFoundError } from '../../../errors.ts';
import { attachment } from '../../../documents/xlsx.ts';
import {
  listPublishedReports,
  findReportFor,
} from '../../../annual-report/generator/annual-reports.queries.ts';
import {
  EXPORT_FORMATS,
  EXPORT_FORMAT_LABELS,
  documentOf,
  exportReport,
  isExportFormat,
} from '../../../annual-report/generator/export-report.ts';
import { ReportArticle, REPORT_CSS } from '../../../annual-report/generator/render-html.tsx';

const date = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(new Date(iso))
    : '';

/** The published report of the portal's agency for a year, or not found. */
async function publishedReport(c: C) {
  const agency = await portalAgency(c);
  const year = Number(c.req.param('year'));
  if (!agency || !Number.isInteger(year)) throw new NotFoundError('未找到该年度报告');
  const report = await findReportFor(c.get('deps').db, agency.id, year);
  if (!report || report.status !== 'published') throw new NotFoundError('未找到该年度报告');
  return { agency, report };
}

export function annualReportPortalRoutes(app: App): void {
  app.get('/annual-reports', async (c) => {
    const agency = await portalAgency(c);
    const reports = agency ? await listPublishedReports(c.get('deps').db, agency.id) : [];
    return publicPage(
      c,
      '信息公开年报',
      <>
        <h1>政府信息公开工作年度报告</h1>
        {reports.length ? (
          <ul class="list">
            {reports.map((r) => (
              <li>
                <a href={`/annual-reports/${r.year}`}>
                  {agency!.name}
                  {r.year}年政府信息公开工作年度报告
                </a>{' '}
                <span class="muted">发布日期：{date(r.publishedAt)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">暂无内容</p>
        )}
      </>,
    );
  });

  app.get('/annual-reports/:year{[0-9]{4}}', async (c) => {
    const { agency, report } = await publishedReport(c);
    const doc = documentOf(report, agency);
    return publicPage(
      c,
      doc.title,
      <>
        <style>{REPORT_CSS}</style>
        <p class="muted">
          <a href="/annual-reports">信息公开年报</a> · 发布日期：{date(report.publishedAt)}
        </p>
        <p>
          <a class="button" href={`/annual-reports/${report.year}/graphic`}>
            图解本报告
          </a>
        </p>
        <ReportArticle doc={doc} />
        <section aria-labelledby="dl-h">
          <h2 id="dl-h">下载</h2>
          <ul class="list">
            {EXPORT_FORMATS.map((f) => (
              <li>
                <a href={`/annual-reports/${report.year}/download/${f}`}>{EXPORT_FORMAT_LABELS[f]}</a>
              </li>
            ))}
          </ul>
        </section>
      </>,
    );
  });

  app.get('/annual-reports/:year{[0-9]{4}}/download/:format', async (c) => {
    const format = c.req.param('format');
    if (!isExportFormat(format)) throw new NotFoundError();
    const { agency, report } = await publishedReport(c);
    const appendix =
      format === 'html' ? await graphicAppendix(c.get('deps').db, agency, report.year, true) : undefined;
    const file = await exportReport(report, agency, format, appendix);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': attachment(file.fileName),
        'Cache-Control': 'public, max-age=300',
      },
    });
  });
}
