/**
 * The paper 政府信息公开申请表 a citizen prints, fills by hand and hands in or posts (条例第二十九条 lists what a
 * request contains), headed with the agency's name and ending with its 受理机构 details from the guide settings.
 * DOCX (to fill on a computer) and PDF (to print), from the same rows.
 */
import { AlignmentType, Paragraph } from 'docx';
import {
  OFFICIAL_FONTS,
  TEXT_WIDTH_DXA,
  bodyParagraph,
  gridTable,
  officialDocx,
  run,
  titleParagraphs,
  type GridCell,
} from '../documents/docx.ts';
import { renderPdf } from '../documents/pdf.ts';
import type { GuideContact } from './guide-settings.ts';

const BOX = '□';
/** The ideographic space between choices and in the date blank. */
const SP = '\u3000';

/** The rows of the form: [section, label, blank or choices]. */
function rows(): { section: string; label: string; value: string; tall?: boolean }[] {
  return [
    { section: '申请人信息（公民）', label: '姓名', value: '' },
    { section: '申请人信息（公民）', label: '证件名称及号码', value: '' },
    { section: '申请人信息（法人或其他组织）', label: '名称', value: '' },
    { section: '申请人信息（法人或其他组织）', label: '统一社会信用代码', value: '' },
    { section: '申请人信息（法人或其他组织）', label: '法定代表人或负责人、联系人', value: '' },
    { section: '联系方式', label: '联系电话', value: '' },
    { section: '联系方式', label: '电子邮箱', value: '' },
    { section: '联系方式', label: '通信地址及邮政编码', value: '' },
    {
      section: '所需信息',
      label: '所需政府信息的名称或内容描述（文号、时间、地点等便于查找的特征）',
      value: '',
      tall: true,
    },
    {
      section: '所需信息',
      label: '获取信息的形式',
      value: [`${BOX}纸质文本`, `${BOX}电子文本`, `${BOX}当场查阅、抄录`].join(SP),
    },
    {
      section: '所需信息',
      label: '获取信息的方式',
      value: [`${BOX}邮寄`, `${BOX}当面领取`, `${BOX}电子邮件`, `${BOX}网上获取`].join(SP),
    },
    { section: '签名', label: '申请人签名或盖章', value: '' },
    { section: '签名', label: '申请日期', value: `${SP.repeat(4)}年${SP.repeat(2)}月${SP.repeat(2)}日` },
  ];
}

/** The 受理机构 lines printed under the form (only what the agency has filled in). */
export function contactLines(c: GuideContact): string[] {
  return [
    c.office ? `受理机构：${c.office}` : '',
    c.address ? `办公地址：${c.address}${c.postcode ? `（邮政编码 ${c.postcode}）` : ''}` : '',
    c.hours ? `办公时间：${c.hours}` : '',
    c.phone ? `联系电话：${c.phone}` : '',
    c.fax ? `传真：${c.fax}` : '',
    c.email ? `电子邮箱：${c.email}` : '',
  ].filter(Boolean);
}

const NOTE =
  '填写说明：公民请填写本人姓名和身份证件；法人或其他组织请填写名称和统一社会信用代码。联系方式至少填写一项；选择邮寄的请写明通信地址。本表可以当面递交或邮寄至受理机构，也可以在本机关门户网站“依申请公开”栏目网上提交。';

/** The form as DOCX. */
export async function applicationFormDocx(agencyName: string, contact: GuideContact): Promise<Buffer> {
  const w = TEXT_WIDTH_DXA;
  const widths = [Math.round(w * 0.22), Math.round(w * 0.3), w - Math.round(w * 0.22) - Math.round(w * 0.3)];
  const rs = rows();
  const grid: GridCell[][] = rs.map((r, i) => {
    const first = rs.findIndex((x) => x.section === r.section) === i;
    const span = rs.filter((x) => x.section === r.section).length;
    const cells: GridCell[] = [{ text: r.label }, { text: r.tall ? `${r.value}\n\n\n\n\n` : r.value }];
    return first ? [{ text: r.section, rowspan: span, bold: true, align: 'center' }, ...cells] : cells;
  });
  return officialDocx(
    [
      ...titleParagraphs([agencyName, '政府信息公开申请表']),
      new Paragraph({ children: [run('', OFFICIAL_FONTS.body)] }),
      gridTable(grid, widths, 24),
      bodyParagraph(NOTE),
      ...contactLines(contact).map(
        (l) => new Paragraph({ alignment: AlignmentType.LEFT, children: [run(l, OFFICIAL_FONTS.body, 28)] }),
      ),
    ],
    { title: `${agencyName}政府信息公开申请表` },
  );
}

/** The form as PDF (A4, to print). */
export async function applicationFormPdf(agencyName: string, contact: GuideContact): Promise<Buffer> {
  const rs = rows();
  const body = rs.map((r, i) => {
    const first = rs.findIndex((x) => x.section === r.section) === i;
    const span = rs.filter((x) => x.section === r.section).length;
    return [
      first ? { text: r.section, rowSpan: span, bold: true, alignment: 'center' } : {},
      { text: r.label },
      { text: r.value, margin: r.tall ? [0, 0, 0, 90] : [0, 6, 0, 6] },
    ];
  });
  return renderPdf(
    {
      content: [
        { text: agencyName, alignment: 'center', fontSize: 18, font: 'Hei' },
        { text: '政府信息公开申请表', alignment: 'center', fontSize: 18, font: 'Hei', margin: [0, 0, 0, 12] },
        { table: { widths: ['22%', '30%', '*'], body }, fontSize: 11 },
        { text: NOTE, margin: [0, 10, 0, 6], fontSize: 10.5 },
        ...contactLines(contact).map((l) => ({ text: l, fontSize: 10.5 })),
      ],
    },
    ['Song', 'Hei'],
  );
}
