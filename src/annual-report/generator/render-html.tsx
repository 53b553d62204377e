/**
 * The report as HTML: the article the portal shows (and the office page, with failing cells marked) and a
 * standalone page for download. Tables are accessible: every header cell is a <th> with an id and a scope, and
 * every data cell names its headers (WCAG H43), because table B's merged headers defeat scope alone.
 */
import { render } from 'preact-render-to-string';
import type { CellAddress } from '../report-format.ts';
import { toGrid, type ReportDocument, type ReportTable, type TableCell } from './report-document.ts';

/** Header ids and the headers of each data cell, from the grid. */
function headerMap(
  t: ReportTable,
  prefix: string,
): { ids: Map<TableCell, string>; headers: Map<TableCell, string> } {
  const grid = toGrid(t);
  const ids = new Map<TableCell, string>();
  let k = 0;
  for (const row of grid)
    for (const x of row) if (x?.origin && x.cell.header) ids.set(x.cell, `${prefix}-h${k++}`);
  const headers = new Map<TableCell, string>();
  grid.forEach((row, r) => {
    row.forEach((x, c) => {
      if (!x?.origin || x.cell.header) return;
      const found = new Set<string>();
      // Column headers above in the same column, the block caption and 信息内容 row of table A included.
      for (let rr = r - 1; rr >= 0; rr--) {
        const h = grid[rr]![c];
        if (h?.cell.header === 'col' || h?.cell.header === 'block') {
          found.add(ids.get(h.cell)!);
          if (t.id === 'A' && h.cell.header === 'block') break;
        }
      }
      // Row headers to the left.
      for (let cc = c - 1; cc >= 0; cc--) {
        const h = row[cc];
        if (h?.cell.header === 'row') found.add(ids.get(h.cell)!);
      }
      headers.set(x.cell, [...found].join(' '));
    });
  });
  return { ids, headers };
}

function Table({ t, highlight }: { t: ReportTable; highlight?: ReadonlySet<CellAddress> }) {
  const { ids, headers } = headerMap(t, `t${t.id}`);
  const cell = (x: TableCell) => {
    const span = { colSpan: x.colspan, rowSpan: x.rowspan };
    if (x.header) {
      const scope =
        x.header === 'row'
          ? x.rowspan
            ? 'rowgroup'
            : 'row'
          : x.colspan && x.colspan > 1
            ? 'colgroup'
            : 'col';
      return (
        <th id={ids.get(x)} scope={scope} {...span} class={x.header === 'block' ? 'block' : undefined}>
          {x.text}
        </th>
      );
    }
    const bad = x.address && highlight?.has(x.address);
    return (
      <td
        headers={headers.get(x) || undefined}
        {...span}
        class={bad ? 'cell-bad' : undefined}
        data-cell={x.address}
        title={bad ? '该单元格未通过勾稽关系检查' : undefined}
      >
        {x.text}
      </td>
    );
  };
  const head = t.rows.slice(0, t.headerRows);
  const body = t.rows.slice(t.headerRows);
  return (
    <table class="report-table">
      <caption>{t.caption}</caption>
      {head.length ? (
        <thead>
          {head.map((r) => (
            <tr>{r.map(cell)}</tr>
          ))}
        </thead>
      ) : null}
      <tbody>
        {body.map((r) => (
          <tr>{r.map(cell)}</tr>
        ))}
      </tbody>
    </table>
  );
}

/** The report's article (title, sections, tables, signature); `bare`: the sections' tables only. */
export function ReportArticle({
  doc,
  highlight,
  bare,
}: {
  doc: ReportDocument;
  highlight?: ReadonlySet<CellAddress>;
  bare?: boolean;
}) {
  if (bare) {
    return (
      <div class="annual-report">
        {doc.sections.map((s) =>
          s.table ? (
            <div class="table-scroll" tabindex={0}>
              <Table t={s.table} highlight={highlight} />
            </div>
          ) : null,
        )}
      </div>
    );
  }
  return (
    <article class="annual-report">
      <h1>{doc.title}</h1>
      <p class="indent">{doc.preamble}</p>
      {doc.sections.map((s) => (
        <section aria-label={s.heading}>
          <h2>{s.heading}</h2>
          {s.paragraphs.map((p) =>
            p.kind === 'subheading' ? <h3>{p.text}</h3> : <p class="indent">{p.text}</p>,
          )}
          {s.table ? (
            <div class="table-scroll" tabindex={0}>
              <Table t={s.table} highlight={highlight} />
            </div>
          ) : null}
        </section>
      ))}
      <p class="signature">
        {doc.signature.agency}
        <br />
        {doc.signature.date}
      </p>
    </article>
  );
}

/** Styles of the report article (shared by the standalone page and the portal). */
export const REPORT_CSS = `
.annual-report h1{text-align:center;font-size:1.6rem;line-height:1.5}
.annual-report h2{font-size:1.2rem;margin-top:1.5em}
.annual-report h3{font-size:1.05rem;font-weight:normal;font-family:KaiTi,STKaiti,serif}
.annual-report p.indent{text-indent:2em;line-height:1.8}
.annual-report .signature{text-align:right;margin-top:2em}
.annual-report .table-scroll{overflow-x:auto}
.annual-report table.report-table{border-collapse:collapse;margin:0.5em 0 1em;font-size:0.85rem}
.annual-report table.report-table caption{font-weight:bold;padding:0.3em}
.annual-report table.report-table th,.annual-report table.report-table td{border:1px solid #333;padding:0.25em 0.4em;vertical-align:middle}
.annual-report table.report-table th{font-weight:normal;background:#f4f4f4;text-align:center}
.annual-report table.report-table th[scope=row],.annual-report table.report-table th[scope=rowgroup]{text-align:left}
.annual-report table.report-table th.block{text-align:left;font-weight:bold}
.annual-report table.report-table td{text-align:center;min-width:2.5em}
.side-by-side{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:1rem;align-items:start}
@media (max-width:48rem){.side-by-side{grid-template-columns:1fr}}
.annual-report td.cell-bad{background:#fde2e2;outline:2px solid #b00020}
`;

/** What the download appends after the report: the 图解 (HTML fragment) and the stylesheet its charts need. */
export interface HtmlAppendix {
  html: string;
  css: string;
}

/** A standalone HTML page of the report (the download), with the 图解 after it when one is given. */
export function renderHtml(doc: ReportDocument, appendix?: HtmlAppendix): string {
  const body = render(<ReportArticle doc={doc} />);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const extra = appendix
    ? `\n<hr>\n<section class="report-appendix" aria-label="附：图解">\n${appendix.html}\n</section>`
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)} - 政府信息公开</title>
<style>${appendix?.css ?? ''}
body{font-family:"FangSong","STFangsong","Noto Serif CJK SC",serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}${REPORT_CSS}</style>
</head><body><main>
${body}${extra}
</main></body></html>
`;
}
