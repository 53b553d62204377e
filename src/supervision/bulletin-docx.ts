/**
 * The monthly bulletin as a DOCX in official-document form (GB/T 9704 as used for 情况通报): a red masthead
 * “政务公开工作通报”, the issue number and issuing office above a red rule, the title in 小标宋, the body in 仿宋 with
 * 黑体 headings, the per-unit table, and the issuer and date at the foot.
 */
import { AlignmentType, BorderStyle, Paragraph, TextRun } from 'docx';
import {
  OFFICIAL_FONTS,
  TEXT_WIDTH_DXA,
  blankLine,
  bodyParagraph,
  captionParagraph,
  gridTable,
  headingParagraph,
  officialDocx,
  titleParagraphs,
} from '../documents/docx.ts';
import type { Bulletin } from './bulletin.ts';

const RED = 'C00000';

/** The last body line keeps with the issuer and date (GB/T 9704: the signature never stands alone on a page). */
const lastBodyLine = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    keepNext: true,
    spacing: { line: 560, lineRule: 'exact', after: 560 },
    indent: { firstLine: 640 },
    children: [new TextRun({ text, size: 32, font: { eastAsia: OFFICIAL_FONTS.body } })],
  });

const signatureLine = (text: string, keepNext: boolean) =>
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    keepNext,
    keepLines: true,
    spacing: { line: 560, lineRule: 'exact' },
    indent: { right: 640 },
    children: [new TextRun({ text, size: 32, font: { eastAsia: OFFICIAL_FONTS.body } })],
  });

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export async function bulletinDocx(
  b: Bulletin,
  issuer: { agencyName: string; issueNo: number; issuedOn: string },
): Promise<Buffer> {
  const masthead = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 240 },
    children: [
      new TextRun({
        text: '政务公开工作通报',
        color: RED,
        size: 72,
        font: { eastAsia: OFFICIAL_FONTS.title },
      }),
    ],
  });
  const numberLine = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120 },
    children: [
      new TextRun({
        text: `${b.period.slice(0, 4)}年第${issuer.issueNo}期`,
        size: 32,
        font: { eastAsia: OFFICIAL_FONTS.body },
      }),
    ],
  });
  const rule = new Paragraph({
    spacing: { after: 360 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
    tabStops: [{ type: 'right', position: TEXT_WIDTH_DXA }],
    children: [
      new TextRun({ text: issuer.agencyName, size: 28, font: { eastAsia: OFFICIAL_FONTS.body } }),
      new TextRun({
        text: `\t${chineseDate(issuer.issuedOn)}`,
        size: 28,
        font: { eastAsia: OFFICIAL_FONTS.body },
      }),
    ],
  });
  const body: Paragraph[] = [];
  const lines = b.bodyText
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  lines.forEach((line, k) => {
    if (/^[一二三四五六七八九十]+、/.test(line)) body.push(headingParagraph(line));
    else if (k === lines.length - 1 && !(b.stats.problems?.byUnit ?? []).length)
      body.push(lastBodyLine(line));
    else body.push(bodyParagraph(line));
  });
  const rows = b.stats.problems?.byUnit ?? [];
  const table = rows.length
    ? [
        captionParagraph('分单位问题整改情况'),
        gridTable(
          [
            [
              { text: '单位', bold: true, align: 'center' },
              { text: '本月发现', bold: true, align: 'center' },
              { text: '本月销号', bold: true, align: 'center' },
              { text: '整改逾期', bold: true, align: 'center' },
            ],
            ...rows.map((r) => [
              { text: r.unit },
              { text: String(r.found), align: 'center' as const },
              { text: String(r.fixed), align: 'center' as const },
              { text: String(r.overdue), align: 'center' as const },
            ]),
          ],
          [
            Math.round(TEXT_WIDTH_DXA * 0.46),
            Math.round(TEXT_WIDTH_DXA * 0.18),
            Math.round(TEXT_WIDTH_DXA * 0.18),
            Math.round(TEXT_WIDTH_DXA * 0.18),
          ],
          24,
        ),
      ]
    : [];
  return officialDocx(
    [
      masthead,
      numberLine,
      rule,
      ...titleParagraphs([b.title]),
      blankLine(),
      ...body,
      ...table,
      // The issuer and the date stay together on the page of the last body line.
      signatureLine(issuer.agencyName, true),
      signatureLine(chineseDate(issuer.issuedOn), false),
    ],
    { title: b.title },
  );
}
