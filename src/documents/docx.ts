/**
 * Official-document styling for DOCX (shared by request letters and the annual report): A4 with GB/T 9704
 * margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), title in 小标宋 二号 (22 pt), body in 仿宋 三号
 * (16 pt) at a fixed 28 pt line pitch with a two-character first-line indent, headings in 黑体. Fonts are named with
 * the names of the 公文 fonts government PCs have; the font table lists, for each, the faces Windows, macOS and Linux
 * have (font-table.ts), so a reader without them still sees 仿宋 as 仿宋.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { withFontTable } from './font-table.ts';

export const mm = (v: number) => Math.round((v / 25.4) * 1440);
const pt = (v: number) => v * 20;

export const OFFICIAL_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  /** Second-level headings (（一）…). */
  kai: '楷体_GB2312',
  latin: 'Times New Roman',
} as const;

export const BODY_SIZE = 32; // half-points: 16 pt (三号)
const TITLE_SIZE = 44; // 22 pt (二号)
export const LINE = { line: pt(28), lineRule: LineRuleType.EXACT };

/** A run in an official font (East Asian face + Times New Roman for Latin), size in half-points. */
export const run = (text: string, font: string, size = BODY_SIZE, bold = false, color?: string) =>
  new TextRun({
    text,
    bold,
    size,
    color,
    font: { eastAsia: font, ascii: OFFICIAL_FONTS.latin, hAnsi: OFFICIAL_FONTS.latin },
  });

/** A body paragraph: 仿宋 三号, first line indented two characters. */
export function bodyParagraph(
  text: string,
  opts: { indent?: boolean; align?: 'left' | 'right' | 'center' } = {},
) {
  return new Paragraph({
    alignment:
      opts.align === 'right'
        ? AlignmentType.RIGHT
        : opts.align === 'center'
          ? AlignmentType.CENTER
          : AlignmentType.JUSTIFIED,
    spacing: LINE,
    indent: opts.indent === false ? undefined : { firstLine: BODY_SIZE * 10 * 2 },
    children: [run(text, OFFICIAL_FONTS.body)],
  });
}

/** A 黑体 heading (一、…), kept with what follows it (never alone at a page foot). */
export function headingParagraph(text: string) {
  return new Paragraph({
    spacing: LINE,
    keepNext: true,
    keepLines: true,
    indent: { firstLine: BODY_SIZE * 20 },
    children: [run(text, OFFICIAL_FONTS.heading)],
  });
}

/** The centred title in 小标宋 二号, on one or more lines. */
export function titleParagraphs(lines: string[]) {
  return lines.map(
    (l) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: pt(36), lineRule: LineRuleType.EXACT },
        keepNext: true,
        keepLines: true,
        children: [run(l, OFFICIAL_FONTS.title, TITLE_SIZE)],
      }),
  );
}

/** A 楷体 second-level heading (（一）…). */
export function subheadingParagraph(text: string) {
  return new Paragraph({
    spacing: LINE,
    keepNext: true,
    indent: { firstLine: BODY_SIZE * 20 },
    children: [run(text, OFFICIAL_FONTS.kai)],
  });
}

/** Width of the text block between the GB/T 9704 margins, in twentieths of a point. */
export const TEXT_WIDTH_DXA = mm(210 - 28 - 26);

export interface GridCell {
  text: string;
  colspan?: number;
  rowspan?: number;
  bold?: boolean;
  align?: 'left' | 'center';
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/**
 * A bordered table with merged cells, fixed layout; `widths` per grid column in dxa, `size` in half-points (仿宋).
 * Rows never split, and every row keeps with the next, so a table that fits on a page is never cut in two.
 */
export function gridTable(rows: GridCell[][], widths: number[], size = 21): Table {
  // Lay the rows on the grid to know which columns each cell covers (rowspans occupy the rows below).
  const taken: boolean[][] = [];
  const placed = rows.map((r, ri) => {
    taken[ri] ??= [];
    let col = 0;
    return r.map((cell) => {
      while (taken[ri]![col]) col++;
      const span = cell.colspan ?? 1;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) {
        taken[ri + dr] ??= [];
        for (let dc = 0; dc < span; dc++) taken[ri + dr]![col + dc] = true;
      }
      const width = widths.slice(col, col + span).reduce((s, w) => s + w, 0);
      col += span;
      return { cell, width };
    });
  });
  return new Table({
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: placed.map(
      (r, ri) =>
        new TableRow({
          cantSplit: true,
          children: r.map(
            ({ cell: c, width }) =>
              new TableCell({
                columnSpan: c.colspan,
                rowSpan: c.rowspan,
                width: { size: width, type: WidthType.DXA },
                verticalAlign: VerticalAlign.CENTER,
                margins: { left: 40, right: 40, top: 20, bottom: 20 },
                children: [
                  new Paragraph({
                    alignment: c.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
                    keepNext: ri < rows.length - 1,
                    // Single spacing at the table's size (the body's fixed 28-pt pitch would make rows tall).
                    spacing: {
                      before: 0,
                      after: 0,
                      line: Math.round(size * 13),
                      lineRule: LineRuleType.EXACT,
                    },
                    run: { size },
                    children: [run(c.text, OFFICIAL_FONTS.body, size, c.bold)],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/** A centred 黑体 caption above a table. */
export function captionParagraph(text: string) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120, after: 120 },
    children: [run(text, OFFICIAL_FONTS.heading, 28)],
  });
}

export const blankLine = () => new Paragraph({ spacing: LINE, children: [run('', OFFICIAL_FONTS.body)] });

/** The page-number footer of odd (right, one character in) or even pages (left, one character in). */
export function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = 280; // one 4号 (14 pt) character in twentieths of a point
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [
          run('— ', '宋体', 28),
          new TextRun({ children: [PageNumber.CURRENT], size: 28, font: '宋体' }),
          run(' —', '宋体', 28),
        ],
      }),
    ],
  });
}

/** Width of the text block of a landscape A4 page (a wide table's own section), in twentieths of a point. */
export const LANDSCAPE_TEXT_WIDTH_DXA = mm(297 - 37 - 35);

/** A run of content on pages of one orientation (a wide table goes on a landscape page of its own). */
export interface DocxPart {
  landscape?: boolean;
  children: (Paragraph | Table)[];
}

/**
 * Title lines that never break inside a word: the agency's name on one line and the rest on the next when the whole
 * does not fit one line of the 2号 title (about 20 characters between the margins).
 */
export function titleLines(agencyName: string, rest: string): string[] {
  return [...agencyName, ...rest].length <= 20 ? [agencyName + rest] : [agencyName, rest];
}

/** Assemble an A4 official document from paragraphs and tables, with page numbers, into a DOCX buffer. */
export async function officialDocx(
  content: (Paragraph | Table)[] | DocxPart[],
  meta: { title: string; creator?: string },
): Promise<Buffer> {
  const parts: DocxPart[] =
    content.length && 'children' in (content[0] as object) && !(content[0] instanceof Paragraph)
      ? (content as DocxPart[])
      : [{ children: content as (Paragraph | Table)[] }];
  const doc = new Document({
    title: meta.title,
    evenAndOddHeaderAndFooters: true,
    creator: meta.creator ?? 'gongkai',
    styles: {
      default: {
        document: {
          run: {
            size: BODY_SIZE,
            font: { eastAsia: OFFICIAL_FONTS.body, ascii: OFFICIAL_FONTS.latin, hAnsi: OFFICIAL_FONTS.latin },
          },
        },
      },
    },
    sections: parts.map((p) => ({
      properties: {
        page: p.landscape
          ? {
              // docx swaps width and height itself for a landscape page: give the portrait size.
              size: { width: mm(210), height: mm(297), orientation: PageOrientation.LANDSCAPE },
              margin: { top: mm(28), bottom: mm(26), left: mm(37), right: mm(35) },
            }
          : {
              size: { width: mm(210), height: mm(297) },
              margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
            },
      },
      // Page numbers “— 1 —” on the outside edge (GB/T 9704 7.5: 4号半角宋体, 单页码居右空一字, 双页码居左空一字).
      footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
      children: p.children,
    })),
  });
  // The writer's font table is empty: ours names a fallback for every face (font-table.ts).
  return Buffer.from(withFontTable(new Uint8Array(await Packer.toBuffer(doc))));
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
