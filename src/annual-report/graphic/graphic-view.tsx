/** The 图解 as HTML (portal page and standalone export) — big numbers, sentences, charts with their tables. */
import { render } from 'preact-render-to-string';
import { Chart, ChartGrid } from '../../charts/index.ts';
import type { ReportGraphic } from './report-graphic.ts';

const num = (v: number | null) =>
  v === null ? '—' : new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }).format(v);

export function ReportGraphicView({ g, reportHref }: { g: ReportGraphic; reportHref?: string }) {
  return (
    <article class="report-graphic" aria-labelledby="graphic-h">
      <h1 id="graphic-h">{g.title}</h1>
      <p class="muted">
        本图解根据已发布的年度报告表格数据生成，数字与报告正文一致；如有不一致，以报告正文为准。
        {reportHref ? (
          <>
            {' '}
            <a href={reportHref}>阅读报告全文</a>
          </>
        ) : null}
      </p>
      <h2>关键数字</h2>
      <ul class="gk-big-numbers">
        {g.figures.map((f) => (
          <li data-figure={f.id}>
            <span class="figure">
              {num(f.value)}
              <small> {f.unit}</small>
            </span>
            {f.label}
            {f.change ? <span class="change">{f.change}</span> : null}
          </li>
        ))}
      </ul>
      {g.sections.map((s) => (
        <section aria-labelledby={`g-${s.id}-h`}>
          <h2 id={`g-${s.id}-h`}>{s.heading}</h2>
          {s.sentences.map((t) => (
            <p>{t}</p>
          ))}
          {s.charts.length ? (
            <ChartGrid>
              {s.charts.map((spec) => (
                <Chart spec={spec} />
              ))}
            </ChartGrid>
          ) : null}
        </section>
      ))}
    </article>
  );
}

/**
 * The 图解 as an HTML fragment (appended to the report's HTML download). Its section headings lose their 一、二、
 * numbering there: after the report's own sections they would read as a second 一、 to 四、 to a person and to the
 * report checker.
 */
export function graphicFragment(g: ReportGraphic): string {
  const sections = g.sections.map((s) => ({
    ...s,
    heading: s.heading.replace(/^[一二三四五六七八九十]+、/, ''),
  }));
  return render(<ReportGraphicView g={{ ...g, sections }} />);
}

/** A self-contained HTML file (the stylesheet inlined), for download and archiving. */
export function renderGraphicHtml(g: ReportGraphic, css: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(g.title)}</title>
<style>${css}
body{max-width:60rem;margin:1.5rem auto;padding:0 1rem}</style>
</head><body><main>${render(<ReportGraphicView g={g} />)}</main></body></html>
`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
}
