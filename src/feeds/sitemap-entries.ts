/**
 * Every public page and file of the portal with its last change: fixed pages, catalogue columns, items, their
 * attachments, the 指南/制度 pages and the published annual reports (page, 图解, downloads).
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';
import { listCategories, listPublicIds } from '../publications/index.ts';
import { listPublishedReports } from '../annual-report/index.ts';
import { EXPORT_FORMATS } from '../annual-report/index.ts';
import type { SitemapUrl } from './feed-xml.ts';

const iso = (s: string | null | undefined) => (s ? new Date(s).toISOString() : null);
const latest = (xs: (string | null | undefined)[]) =>
  xs.reduce<string | null>((m, x) => (x && (!m || x > m) ? x : m), null);

export async function sitemapEntries(db: DbOrTrx, agencyId: number, base: string): Promise<SitemapUrl[]> {
  const [items, cats, perCat, files, pages, reports] = await Promise.all([
    listPublicIds(db, agencyId),
    listCategories(db, agencyId),
    db
      .selectFrom('publications')
      .select(['category_id', sql<string>`max(updated_at)`.as('last')])
      .where('agency_id', '=', agencyId)
      .where('status', '=', 'published')
      .where('attribute', '=', 'proactive')
      .groupBy('category_id')
      .execute(),
    db
      .selectFrom('publication_attachments as a')
      .innerJoin('publications as p', 'p.id', 'a.publication_id')
      .select(['a.id', 'a.publication_id', 'a.created_at'])
      .where('p.agency_id', '=', agencyId)
      .where('p.status', '=', 'published')
      .where('p.attribute', '=', 'proactive')
      .orderBy('a.id', 'desc')
      .execute(),
    db.selectFrom('portal_pages').select(['slug', 'updated_at']).where('agency_id', '=', agencyId).execute(),
    listPublishedReports(db, agencyId),
  ]);
  const lastItem = latest(items.map((i) => i.updatedAt));
  const lastReport = latest(reports.map((r) => r.publishedAt));
  const pageLast = new Map(pages.map((p) => [p.slug, p.updated_at]));
  const catLast = new Map(perCat.map((r) => [toNumber(r.category_id), r.last]));
  const urls: SitemapUrl[] = [
    { loc: `${base}/`, lastmod: iso(latest([lastItem, lastReport])) },
    { loc: `${base}/guide`, lastmod: iso(pageLast.get('guide')) },
    { loc: `${base}/rules`, lastmod: iso(pageLast.get('rules')) },
    { loc: `${base}/catalogue`, lastmod: iso(lastItem) },
    { loc: `${base}/annual-reports`, lastmod: iso(lastReport) },
    { loc: `${base}/apply` },
    ...cats
      .filter((c) => c.isActive)
      .map((c) => ({
        loc: `${base}/catalogue/${encodeURIComponent(c.code)}`,
        lastmod: iso(catLast.get(c.id)),
      })),
    ...reports.flatMap((r) => {
      const lastmod = iso(r.publishedAt);
      const y = `${base}/annual-reports/${r.year}`;
      return [
        { loc: y, lastmod },
        { loc: `${y}/graphic`, lastmod },
        { loc: `${y}/graphic.pdf`, lastmod },
        { loc: `${y}/graphic.html`, lastmod },
        ...EXPORT_FORMATS.map((f) => ({ loc: `${y}/download/${f}`, lastmod })),
      ];
    }),
    ...items.map((i) => ({ loc: `${base}/p/${i.id}`, lastmod: iso(i.updatedAt) })),
    ...files.map((f) => ({
      loc: `${base}/p/${toNumber(f.publication_id)}/files/${toNumber(f.id)}`,
      lastmod: iso(f.created_at),
    })),
  ];
  return urls;
}
