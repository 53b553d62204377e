/**
 * Channel outputs of a published item. Pure except the PDF, which goes through renderPdf.
 * - WeChat article: HTML the 公众号 editor keeps when pasted — every style inline (the editor drops <style> and
 *   classes), images as absolute URLs or data URIs, no scripts, no forms.
 * - Village group message: plain text a liaison pastes into the group, with the permanent link.
 * - Notice-board sheet: A4 PDF in large print (黑体 heading, 宋体 body) for the 公开栏.
 */
import sanitizeHtml from 'sanitize-html';
import { renderPdf } from '../documents/pdf.ts';
import { VALIDITY_LABELS } from './publication.ts';
import type { Publication } from './publications.queries.ts';

export interface ChannelContext {
  agencyName: string;
  /** Absolute URL of the item on the portal. */
  url: string;
  /** Absolute origin, to make relative image links absolute. */
  origin: string;
  /** Image attachments to show inline in the article (data URIs, so they survive pasting). */
  images?: { dataUri: string; alt: string }[];
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const INLINE: Record<string, string> = {
  p: 'margin:0 0 1em;font-size:16px;line-height:1.75;color:#333;text-indent:2em;',
  h2: 'margin:1.2em 0 0.6em;font-size:18px;font-weight:bold;color:#222;',
  h3: 'margin:1em 0 0.5em;font-size:17px;font-weight:bold;color:#222;',
  h4: 'margin:1em 0 0.5em;font-size:16px;font-weight:bold;color:#222;',
  li: 'font-size:16px;line-height:1.75;color:#333;',
  table: 'border-collapse:collapse;width:100%;margin:0 0 1em;',
  td: 'border:1px solid #999;padding:4px 6px;font-size:14px;',
  th: 'border:1px solid #999;padding:4px 6px;font-size:14px;background:#f2f2f2;',
  img: 'max-width:100%;height:auto;display:block;margin:0 auto 1em;',
  blockquote: 'margin:0 0 1em;padding:0.5em 1em;border-left:3px solid #c00;color:#4d4d4d;',
};

/** HTML for the WeChat editor: inline styles only. */
export function wechatArticleHtml(p: Publication, c: ChannelContext): string {
  const body = sanitizeHtml(p.bodyHtml, {
    allowedTags: [
      'p',
      'br',
      'strong',
      'b',
      'em',
      'h2',
      'h3',
      'h4',
      'ul',
      'ol',
      'li',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'img',
      'blockquote',
      'span',
      'a',
    ],
    allowedAttributes: {
      '*': ['style'],
      img: ['src', 'alt', 'style'],
      td: ['colspan', 'rowspan', 'style'],
      th: ['colspan', 'rowspan', 'style'],
      a: ['href', 'style'],
    },
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    transformTags: Object.fromEntries(
      Object.entries(INLINE).map(([tag, style]) => [
        tag,
        (tagName: string, attribs: Record<string, string>) => {
          const a: Record<string, string> = { ...attribs, style: style + (attribs.style ?? '') };
          if (tagName === 'img' && a.src && a.src.startsWith('/')) a.src = c.origin + a.src;
          return { tagName, attribs: a };
        },
      ]),
    ),
  });
  const meta = [p.docNo, p.publishedOn ? `发布日期：${p.publishedOn}` : null].filter(Boolean).join('\u3000');
  return [
    `<section style="font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;">`,
    `<h1 style="font-size:20px;font-weight:bold;line-height:1.4;margin:0 0 0.5em;color:#111;text-align:center;">${esc(p.title)}</h1>`,
    meta
      ? `<p style="font-size:14px;color:#595959;text-align:center;margin:0 0 1.5em;">${esc(meta)}</p>`
      : '',
    body,
    ...(c.images ?? []).map(
      (i) =>
        `<p style="margin:0 0 1em;"><img src="${esc(i.dataUri)}" alt="${esc(i.alt)}" style="${INLINE.img}"></p>`,
    ),
    `<p style="font-size:14px;color:#595959;margin:2em 0 0;">来源：${esc(c.agencyName)}“政府信息公开”栏目。原文及附件：${esc(c.url)}</p>`,
    `</section>`,
  ].join('\n');
}

/** Longest summary in the group message (characters): the message stays short enough to read in the group. */
const GROUP_SUMMARY = 120;
/** An ID number, full or masked (632126********0011, 632126****…): the group text never carries one. */
const ID_LIKE =
  /(?<![0-9A-Za-z])\d{6}[\d*＊xX]{8,11}[\dXx*＊](?![0-9A-Za-z])|(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;

/**
 * The short text for village WeChat groups (no markup): title, whole sentences up to GROUP_SUMMARY characters
 * (never cut mid-sentence; a first sentence that is too long is left out, the link says where to read it), and
 * no sentence that holds an ID number, masked or not (a group is forwarded beyond anyone's control).
 */
export function groupMessageText(p: Publication, c: ChannelContext): string {
  const sentences =
    p.bodyText
      .replace(/\s+/g, ' ')
      .trim()
      .match(/[^。！？；!?;]+[。！？；!?;]?/g)
      ?.map((x) => x.trim())
      .filter((x) => x && !ID_LIKE.test(x)) ?? [];
  let summary = '';
  for (const x of sentences) {
    if (summary.length + x.length > GROUP_SUMMARY) break;
    summary += x;
  }
  return [`【${c.agencyName}】${p.title}`, summary, `详情请点击：${c.url}`].filter(Boolean).join('\n');
}

/** The notice-board sheet: A4, large print, title in 黑体, body in 宋体, index number and link at the foot. */
export async function noticeBoardPdf(p: Publication, c: ChannelContext): Promise<Buffer> {
  const paragraphs = p.bodyText
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const mm = (v: number) => (v * 72) / 25.4;
  return renderPdf({
    pageMargins: [mm(20), mm(20), mm(20), mm(20)],
    info: { title: p.title, author: c.agencyName },
    content: [
      { text: c.agencyName, font: 'Hei', fontSize: 16, alignment: 'center', margin: [0, 0, 0, 6] },
      { text: p.title, font: 'Hei', fontSize: 26, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      p.docNo ? { text: p.docNo, fontSize: 16, alignment: 'center', margin: [0, 0, 0, 12] } : null,
      ...paragraphs.map((t) => ({
        text: t,
        fontSize: 18,
        lineHeight: 1.5,
        leadingIndent: 36,
        margin: [0, 0, 0, 8],
      })),
      {
        text: `${c.agencyName}\u3000${p.publishedOn ?? ''}`,
        fontSize: 16,
        alignment: 'right',
        margin: [0, 16, 0, 0],
      },
      {
        text: `索引号：${p.indexNo ?? ''}\u3000有效性：${VALIDITY_LABELS[p.validity]}\n网上查看：${c.url}`,
        fontSize: 12,
        color: '#444',
        margin: [0, 20, 0, 0],
      },
    ].filter(Boolean),
  });
}
