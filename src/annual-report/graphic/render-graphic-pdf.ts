/** The 图解 as a printable A4 PDF: the same figures, sentences and charts (SVG drawn by pdfmake) and tables. */
import { chartSvgString, chartTable } from '../../charts/index.ts';
import { renderPdf, type PdfNode } from '../../documents/pdf.ts';
import type { ReportGraphic } from './report-graphic.ts';

const num = (v: number | null) =>
  v === null ? '—' : new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }).format(v);
const mm = (v: number) => (v * 72) / 25.4;
/** A4 with 20 mm margins: 170 mm of width for charts. */
const CONTENT_W = mm(170);

export async function renderGraphicPdf(g: ReportGraphic): Promise<Buffer> {
  const figureRows: PdfNode[][] = [];
  for (let i = 0; i < g.figures.length; i += 4) {
    const row: PdfNode[] = g.figures.slice(i, i + 4).map((f) => ({
      stack: [
        { text: `${num(f.value)} ${f.unit}`, font: 'Hei', bold: true, fontSize: 16, color: '#a8201a' },
        { text: f.label, fontSize: 10 },
        ...(f.change ? [{ text: f.change, fontSize: 9, color: '#4a4a4a' }] : []),
      ],
      margin: [4, 4, 4, 4],
    }));
    while (row.length < 4) row.push({ stack: [{ text: '' }], margin: [0, 0, 0, 0] });
    figureRows.push(row);
  }
  const content: PdfNode[] = [
    { text: g.title, font: 'Hei', bold: true, fontSize: 16, alignment: 'center', margin: [0, 0, 0, 6] },
    {
      text: '本图解根据已发布的年度报告表格数据生成，数字与报告正文一致；如有不一致，以报告正文为准。',
      fontSize: 9,
      color: '#4a4a4a',
      margin: [0, 0, 0, 8],
    },
    { text: '关键数字', font: 'Hei', bold: true, fontSize: 13, margin: [0, 4, 0, 4] },
    { table: { widths: ['*', '*', '*', '*'], body: figureRows }, layout: 'lightHorizontalLines' },
  ];
  for (const s of g.sections) {
    content.push({ text: s.heading, font: 'Hei', bold: true, fontSize: 13, margin: [0, 12, 0, 4] });
    for (const t of s.sentences) content.push({ text: t, margin: [0, 0, 0, 4], leadingIndent: 24 });
    for (const spec of s.charts) {
      const t = chartTable(spec);
      content.push({
        unbreakable: true,
        stack: [
          // The title is in 黑体 (regular): pdfmake draws the SVG's text in the current font, which must be CJK.
          { text: spec.title, font: 'Hei', fontSize: 11, margin: [0, 8, 0, 2] },
          {
            svg: chartSvgString(spec),
            width: Math.min(CONTENT_W, mm(120)),
            options: { warningCallback: () => {} },
          },
          {
            table: {
              headerRows: 1,
              body: [
                t.head.map((h) => ({ text: h || '项目', bold: true, fontSize: 9 })),
                ...t.rows.map((r) => [
                  { text: r.header.label, fontSize: 9 },
                  ...r.cells.map((c) => ({ text: c.text, fontSize: 9, alignment: 'right' })),
                ]),
                ...(t.total
                  ? [
                      [
                        { text: '合计', fontSize: 9 },
                        ...t.total.map((c) => ({ text: c.text, fontSize: 9, alignment: 'right' })),
                      ],
                    ]
                  : []),
              ],
            },
            layout: 'lightHorizontalLines',
            margin: [0, 4, 0, 0],
          },
        ],
      });
    }
  }
  return renderPdf({
    pageMargins: [mm(20), mm(20), mm(20), mm(20)],
    info: { title: g.title },
    content,
    footer: (page: number, count: number) => ({
      text: `${page} / ${count}`,
      alignment: 'center',
      fontSize: 9,
    }),
  });
}
