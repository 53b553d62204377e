/**
 * A letter in the official-document form of GB/T 9704-2012 (党政机关公文格式), as DOCX and as PDF:
 *
 * - 版头: the issuing agency (发文机关标志) centred in red 小标宋; the 发文字号 centred below it; the red separator line
 *   (版头中的分隔线) under the 发文字号 (7.2);
 * - title in 2号小标宋, centred (7.3.1); 主送机关 (here the addressee) flush left under the title (7.3.2);
 * - body in 3号仿宋, first lines indented two characters, 28 pt pitch (7.3.3);
 * - 落款: room for the seal, the issuer centred over the date, the date 右空四字 (7.3.5.1);
 * - page numbers “— 1 —” in 4号宋体 on the outside edge: odd pages right, even pages left, one character in (7.5);
 * - the signature block never stands alone on a page: it is kept with the last paragraph.
 */
import { AlignmentType, BorderStyle, Paragraph } from 'docx';
import { BODY_SIZE, LINE, OFFICIAL_FONTS, officialDocx, run } from './docx.ts';
import { renderPdf } from './pdf.ts';

export interface OfficialLetter {
  /** 发文机关 (标志 and 署名). */
  issuer: string;
  docNo: string;
  title: string;
  /** 主送: the addressee, printed as “X：”. */
  addressee: string;
  /** Body paragraphs; a paragraph's inner line breaks are separate lines (lists). */
  paragraphs: string[];
  /** 成文日期 as printed (“2026年3月20日”). */
  date: string;
}

const RED = 'E60012';
/** One body character (3号 16 pt) in twentieths of a point. */
const CHAR_DXA = BODY_SIZE * 10;

/** Printed width in body characters: CJK and full-width signs count 1, digits and Latin ½. */
export function widthInChars(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) <= 0xff ? 0.5 : 1;
  return w;
}

/**
 * The right indents (in characters) of the 署名 and the date: the date 右空四字, the 署名 centred over it; a 署名
 * longer than the date stays two characters in, and the date moves to stay centred under it (7.3.5.1).
 */
export function signatureIndents(issuer: string, date: string): { issuer: number; date: number } {
  const wi = widthInChars(issuer);
  const wd = widthInChars(date);
  const issuerIndent = 4 + (wd - wi) / 2;
  if (issuerIndent >= 2) return { issuer: issuerIndent, date: 4 };
  return { issuer: 2, date: 2 + (wi - wd) / 2 };
}

const lines = (p: string[]) => p.flatMap((x) => x.split('\n')).filter((x) => x.trim().length > 0);

export async function officialLetterDocx(l: OfficialLetter): Promise<Buffer> {
  const body = lines(l.paragraphs);
  const ind = signatureIndents(l.issuer, l.date);
  const blank = (keepNext = false) =>
    new Paragraph({ spacing: LINE, keepNext, children: [run('', OFFICIAL_FONTS.body)] });
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 960, lineRule: 'exact' as never, after: 0 },
      children: [run(l.issuer, OFFICIAL_FONTS.title, 72, false, RED)],
    }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...LINE, after: 113 }, // the red line 4 mm under the 发文字号
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 4 } },
      children: [run(l.docNo, OFFICIAL_FONTS.body)],
    }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 720, lineRule: 'exact' as never },
      children: [run(l.title, OFFICIAL_FONTS.title, 44)],
    }),
    blank(),
    new Paragraph({ spacing: LINE, children: [run(`${l.addressee}：`, OFFICIAL_FONTS.body)] }),
    ...body.map(
      (p, i) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: LINE,
          indent: { firstLine: CHAR_DXA * 2 },
          // The last paragraph keeps with the signature block, which therefore never stands alone on a page.
          keepNext: i === body.length - 1,
          keepLines: i === body.length - 1,
          children: [run(p, OFFICIAL_FONTS.body)],
        }),
    ),
    // Room for the seal (印章顶端上距正文一行之内, pressing on the 署名 and the date).
    blank(true),
    blank(true),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: LINE,
      keepNext: true,
      indent: { right: Math.round(ind.issuer * CHAR_DXA) },
      children: [run(l.issuer, OFFICIAL_FONTS.body)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: LINE,
      indent: { right: Math.round(ind.date * CHAR_DXA) },
      children: [run(l.date, OFFICIAL_FONTS.body)],
    }),
  ];
  return officialDocx(children, { title: `${l.title}（${l.docNo}）` });
}

export async function officialLetterPdf(l: OfficialLetter): Promise<Buffer> {
  const body = lines(l.paragraphs);
  const ind = signatureIndents(l.issuer, l.date);
  const mm = (v: number) => (v * 72) / 25.4;
  const width = mm(210 - 28 - 26);
  const char = 16;
  const para = (text: string) => ({ text, leadingIndent: 2 * char, alignment: 'justify' });
  const last = body.length ? body[body.length - 1]! : '';
  return renderPdf(
    {
      info: { title: `${l.title}（${l.docNo}）`, creator: 'gongkai' },
      defaultStyle: { font: 'Fang', fontSize: 16, lineHeight: 1.55 },
      content: [
        {
          text: l.issuer,
          font: 'XBS',
          fontSize: 36,
          color: '#E60012',
          alignment: 'center',
          margin: [0, 0, 0, 28],
        },
        { text: l.docNo, alignment: 'center' },
        {
          canvas: [{ type: 'line', x1: 0, y1: 4, x2: width, y2: 4, lineWidth: 1.2, lineColor: '#E60012' }],
          margin: [0, 0, 0, 28],
        },
        {
          text: l.title,
          font: 'XBS',
          fontSize: 22,
          alignment: 'center',
          lineHeight: 1.4,
          margin: [0, 0, 0, 20],
        },
        { text: `${l.addressee}：` },
        ...body.slice(0, -1).map(para),
        // The last paragraph, the room for the seal and the signature move together: never a lone signature.
        {
          unbreakable: true,
          stack: [
            para(last),
            { text: l.issuer, alignment: 'right', margin: [0, 2 * 26, ind.issuer * char, 0] },
            { text: l.date, alignment: 'right', margin: [0, 0, ind.date * char, 0] },
          ],
        },
      ],
      footer: (page: number) => ({
        text: `— ${page} —`,
        font: 'Song',
        fontSize: 14,
        alignment: page % 2 === 1 ? 'right' : 'left',
        margin: page % 2 === 1 ? [0, 30, mm(26) + 14, 0] : [mm(28) + 14, 30, 0, 0],
      }),
    },
    ['Fang', 'XBS', 'Song'],
  );
}
