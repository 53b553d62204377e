/**
 * 图解年报 on the portal: /annual-reports/:year/graphic (page), …/graphic.html (self-contained HTML export) and
 * …/graphic.pdf (printable A4). Only a published report is drawn; the 图解 is built from its stored cells on every
 * request, so a republished report's 图解 is regenerated with it.
 */
import fs from 'node:fs';
import type { App, C } from '../../app-env.ts';
import { portalAgency, publicPage } from '../../public-page.tsx';
import { NotFoundError } from '../../../errors.ts';
import { attachment } from '../../../documents/xlsx.ts';
import { loadReportGraphic } from '../../../annual-report/graphic/load-report-graphic.ts';
import { ReportGraphicView, renderGraphicHtml } from '../../../annual-report/graphic/graphic-view.tsx';
import { renderGraphicPdf } from '../../../annual-report/graphic/render-graphic-pdf.ts';

const SITE_CSS = new URL('../../assets/site.css', import.meta.url);

async function graphicOf(c: C) {
  const agency = await portalAgency(c);
  const year = Number(c.req.param('year'));
  if (!agency || !Number.isInteger(year)) throw new NotFoundError('未找到该年度报告');
  return { agency, ...(await loadReportGraphic(c.get('deps').db, agency, year)) };
}

function download(bytes: Buffer, type: string, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': type,
      'Content-Disposition': attachment(fileName),
      'Cache-Control': 'public, max-age=300',
    },
  });
}

export function reportGraphicRoutes(app: App): void {
  app.get('/annual-reports/:year{[0-9]{4}}/graphic', async (c) => {
    const { graphic, report } = await graphicOf(c);
    return publicPage(
      c,
      graphic.title,
      <>
        <p class="muted">
          <a href="/annual-reports">信息公开年报</a> · <a href={`/annual-reports/${report.year}`}>报告全文</a>
        </p>
        <ReportGraphicView g={graphic} reportHref={`/annual-reports/${report.year}`} />
        <section aria-labelledby="gdl-h">
          <h2 id="gdl-h">下载图解</h2>
          <ul class="list">
            <li>
              <a href={`/annual-reports/${report.year}/graphic.pdf`}>图解（PDF，A4 可打印）</a>
            </li>
            <li>
              <a href={`/annual-reports/${report.year}/graphic.html`}>图解（网页 HTML）</a>
            </li>
          </ul>
        </section>
      </>,
    );
  });

  app.get('/annual-reports/:year{[0-9]{4}}/graphic.html', async (c) => {
    const { graphic, agency, report } = await graphicOf(c);
    const html = renderGraphicHtml(graphic, fs.readFileSync(SITE_CSS, 'utf8'));
    return download(
      Buffer.from(html, 'utf8'),
      'text/html; charset=utf-8',
      `${agency.name}${report.year}年政府信息公开工作年度报告（图解）.html`,
    );
  });

  app.get('/annual-reports/:year{[0-9]{4}}/graphic.pdf', async (c) => {
    const { graphic, agency, report } = await graphicOf(c);
    return download(
      await renderGraphicPdf(graphic),
      'application/pdf',
      `${agency.name}${report.year}年政府信息公开工作年度报告（图解）.pdf`,
    );
  });
}
