/**
 * The 公开栏 print sheet of a published item (中办发〔2004〕17号: a fixed 公开栏): A4 or A3, large type for reading
 * at a board, the 监委会 opinion and the 公示期, and a QR code (qrcode) to the item's online page, where its history
 * is and where a villager can raise a query.
 */
import QRCode from 'qrcode';
import { renderPdf, type PdfNode } from '../documents/pdf.ts';
import type { Disclosure, ItemTemplate } from './villages.queries.ts';
import { cellText, parseValues, isPersonal, UNIT_LABELS, formatMoney } from './item-template.ts';
import { KIND_LABELS, OPINION_LABELS, periodLabel } from './village-disclosure.ts';

export type SheetSize = 'A4' | 'A3';

export async function boardSheetPdf(
  item: Disclosure,
  template: ItemTemplate,
  villageName: string,
  url: string,
  size: SheetSize,
): Promise<Buffer> {
  const k = size === 'A3' ? 1.41 : 1;
  const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 400 });
  const { values } = parseValues(template, item.raw);
  const body: PdfNode[] = [];
  for (const f of template.fields) {
    const v = values[f.key];
    if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (Array.isArray(v) && 'columns' in f) {
      body.push({ text: f.label, style: 'label' });
      body.push({
        table: {
          headerRows: 1,
          widths: f.columns.map(() => '*'),
          body: [
            f.columns.map((c) => ({ text: c.label, bold: true })),
            ...v.map((r) => f.columns.map((c) => cellText(c, r[c.key]))),
          ],
        },
        fontSize: 13 * k,
        margin: [0, 2, 0, 8],
      });
      if (isPersonal(f))
        body.push({ text: `（公示期满后，本名单从网上撤下）`, fontSize: 11 * k, color: '#555' });
    } else {
      const text =
        f.type === 'money' && typeof v === 'number'
          ? `${formatMoney(v, f.unit)}${UNIT_LABELS[f.unit]}`
          : String(v);
      body.push({ text: [{ text: `${f.label}：`, bold: true }, text], margin: [0, 2, 0, 4] });
    }
  }
  const opinion = item.supervisionOpinion
    ? `村务监督委员会意见：${OPINION_LABELS[item.supervisionOpinion]}${item.supervisionReason ? `（${item.supervisionReason}）` : ''}，签字：${item.supervisionByName ?? ''}`
    : '';
  return renderPdf({
    pageSize: size,
    pageMargins: [40 * k, 40 * k, 40 * k, 40 * k],
    defaultStyle: { font: 'Song', fontSize: 15 * k, lineHeight: 1.35 },
    styles: { label: { font: 'Hei', bold: true, fontSize: 16 * k, margin: [0, 8, 0, 2] } },
    content: [
      {
        text: `${villageName}${KIND_LABELS[item.kind]}`,
        font: 'Hei',
        fontSize: 18 * k,
        alignment: 'center',
        color: '#a8201a',
      },
      {
        text: item.title,
        font: 'Hei',
        bold: true,
        fontSize: 26 * k,
        alignment: 'center',
        margin: [0, 6, 0, 12],
      },
      {
        columns: [
          {
            width: '*',
            stack: [
              item.period ? { text: `公开期间：${periodLabel(item.period)}` } : '',
              { text: `公开日期：${item.publishedOn ?? ''}` },
              item.noticeEndOn ? { text: `公示期：${item.publishedOn} 至 ${item.noticeEndOn}` } : '',
              { text: `依据：${template.legalBasis}`, fontSize: 12 * k, color: '#444' },
            ],
          },
          {
            width: 110 * k,
            stack: [
              { image: qr, width: 110 * k },
              { text: '扫码查看网上公开及历史，提出质询', fontSize: 10 * k, alignment: 'center' },
            ],
          },
        ],
        columnGap: 12,
        margin: [0, 0, 0, 10],
      },
      ...body,
      opinion ? { text: opinion, margin: [0, 12, 0, 0] } : '',
      { text: `乡镇审核：${item.townshipByName ?? ''}`, margin: [0, 4, 0, 0] },
      {
        text: '对公开内容有疑问的，可扫描二维码或向村务监督委员会、乡镇人民政府反映（《村民委员会组织法》第三十条、第三十一条）。',
        fontSize: 12 * k,
        margin: [0, 14, 0, 0],
      },
      // The QR code's address in print, for a phone that cannot scan it (typed into the browser).
      { text: `网上查看：${url}`, fontSize: 11 * k, color: '#444', margin: [0, 4, 0, 0] },
    ],
  });
}
