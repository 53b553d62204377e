/**
 * The public village page's list of one kind's published items, as markup text: byte for byte what preact rendered
 * for the list's elements (src/villages/views/published-list.test.tsx compares the two), without building an element
 * per item and per line (docs/scale.md, "Twelfth pass").
 */
import { escapeMarkup as escapeText } from '../../charts/index.ts';
import { periodLabel } from '../village-disclosure.ts';
import type { PublishedItemHead } from '../villages.queries.ts';

/** The items' `<li>` elements: date, the linked title, the period in brackets (the `<ul>`'s content). */
export function publishedListMarkup(items: readonly PublishedItemHead[]): string {
  let html = '';
  for (const i of items) {
    const period = i.period ? `（${periodLabel(i.period)}）` : '';
    html +=
      `<li>${escapeText(i.publishedOn ?? '')} <a href="/villages/items/${escapeText(String(i.id))}">` +
      `${escapeText(i.title)}</a>${escapeText(period)}</li>`;
  }
  return html;
}
