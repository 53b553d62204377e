/**
 * RSS 2.0, Atom 1.0 (RFC 4287) and sitemap (sitemaps.org 0.9) documents, as pure functions of plain entries.
 * Every URL is absolute (the portal's public address); every date is an instant in UTC.
 */

/** Escape text for XML content and attribute values. */
export function xmlEscape(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

export interface FeedEntry {
  id: number;
  title: string;
  url: string;
  /** Business date of publication (YYYY-MM-DD, Beijing). */
  publishedOn: string;
  /** Last change, ISO 8601 UTC. */
  updatedAt: string;
  summary: string;
  author: string;
  category?: string;
}

export interface Feed {
  title: string;
  /** The page the feed follows (the catalogue column). */
  pageUrl: string;
  /** The feed's own URL. */
  selfUrl: string;
  entries: FeedEntry[];
}

/** Midnight Beijing time of a business date, as an instant. */
const publishedInstant = (d: string) => new Date(`${d}T00:00:00+08:00`);

export function rssXml(f: Feed): string {
  const items = f.entries
    .map(
      (e) =>
        `<item><title>${xmlEscape(e.title)}</title><link>${xmlEscape(e.url)}</link>` +
        `<guid isPermaLink="true">${xmlEscape(e.url)}</guid>` +
        `<pubDate>${publishedInstant(e.publishedOn).toUTCString()}</pubDate>` +
        (e.category ? `<category>${xmlEscape(e.category)}</category>` : '') +
        `<description>${xmlEscape(e.summary)}</description></item>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` +
    `<title>${xmlEscape(f.title)}</title><link>${xmlEscape(f.pageUrl)}</link>` +
    `<atom:link href="${xmlEscape(f.selfUrl)}" rel="self" type="application/rss+xml"/>` +
    `<description>${xmlEscape(f.title)}</description><language>zh-cn</language>${items}</channel></rss>`
  );
}

export function atomXml(f: Feed, fallbackUpdated: string): string {
  const updated = f.entries.reduce((m, e) => (e.updatedAt > m ? e.updatedAt : m), '') || fallbackUpdated;
  const entries = f.entries
    .map(
      (e) =>
        `<entry><id>${xmlEscape(e.url)}</id><title>${xmlEscape(e.title)}</title>` +
        `<link rel="alternate" type="text/html" href="${xmlEscape(e.url)}"/>` +
        `<published>${publishedInstant(e.publishedOn).toISOString()}</published><updated>${e.updatedAt}</updated>` +
        `<author><name>${xmlEscape(e.author)}</name></author>` +
        (e.category ? `<category term="${xmlEscape(e.category)}"/>` : '') +
        `<summary>${xmlEscape(e.summary)}</summary></entry>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">` +
    `<id>${xmlEscape(f.selfUrl)}</id><title>${xmlEscape(f.title)}</title><updated>${updated}</updated>` +
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(f.selfUrl)}"/>` +
    `<link rel="alternate" type="text/html" href="${xmlEscape(f.pageUrl)}"/>${entries}</feed>`
  );
}

export interface SitemapUrl {
  loc: string;
  /** ISO 8601 (W3C datetime); omitted when unknown. */
  lastmod?: string | null;
}

/** A sitemap holds at most 50,000 URLs (sitemaps.org); the caller passes them in priority order. */
export const SITEMAP_MAX_URLS = 50_000;

export function sitemapXml(urls: SitemapUrl[]): string {
  const body = urls
    .slice(0, SITEMAP_MAX_URLS)
    .map(
      (u) => `<url><loc>${xmlEscape(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${body}</urlset>`;
}
