/**
 * Feeds and sitemap of the portal: RSS 2.0 and Atom 1.0 for the whole site (/feeds/all.xml, /feeds/all.atom) and
 * for each catalogue column (/feeds/<code>.xml, /feeds/<code>.atom); /sitemap.xml lists every public page and
 * attachment with its lastmod. URLs are absolute: GONGKAI_PUBLIC_URL, else the request's origin.
 */
import type { App, C } from '../../app-env.ts';
import { portalAgency } from '../../public-page.tsx';
import { cachedPublic } from '../../portal-cache.ts';
import { portalScope } from '../../portal-scope.ts';
import { listCategories, listPublicPublications } from '../../../publications/publications.queries.ts';
import { subtreeIds } from '../../../publications/catalogue.ts';
import { maskedForPublic } from '../../../publications/publication-scan.ts';
import { atomXml, rssXml, sitemapXml, type Feed } from '../../../feeds/feed-xml.ts';
import { sitemapEntries } from '../../../feeds/sitemap-entries.ts';
import { cutChars } from '../../../text/cut.ts';

const FEED_SIZE = 50;

/** The absolute address of the column: the public URL, plus the column's path inside a county portal. */
async function baseOf(c: C): Promise<string> {
  const origin = c.get('deps').config.publicUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;
  return origin + (await portalScope(c)).canonicalBase;
}

export function feedRoutes(app: App): void {
  app.get('/feeds/:file', (c) =>
    cachedPublic(c, async () => {
      const agency = await portalAgency(c);
      const m = /^([A-Za-z0-9_-]+)\.(xml|atom)$/.exec(c.req.param('file'));
      const notFound = { body: '未找到该订阅', type: 'text/plain; charset=utf-8', status: 404 };
      if (!agency || !m) return notFound;
      const db = c.get('deps').db;
      const cats = (await listCategories(db, agency.id)).filter((x) => x.isActive);
      const cat = m[1] === 'all' ? null : cats.find((x) => x.code === m[1]);
      if (m[1] !== 'all' && !cat) return notFound;
      const r = await listPublicPublications(db, {
        agencyId: agency.id,
        categoryIds: cat ? subtreeIds(cats, cat.id) : undefined,
        limit: FEED_SIZE,
        offset: 0,
      });
      const base = await baseOf(c);
      const byId = new Map(cats.map((x) => [x.id, x.name]));
      const feed: Feed = {
        title: `${agency.name}政府信息公开${cat ? ` - ${cat.name}` : ''}`,
        pageUrl: `${base}${cat ? `/catalogue/${cat.code}` : '/catalogue'}`,
        selfUrl: `${base}/feeds/${m[1]}.${m[2]}`,
        entries: r.items.map((p) => ({
          id: p.id,
          // Masked: a feed is copied by aggregators and never updated there (an ID number 60 characters past the
          // cut is never reached, one straddling it is masked before the cut).
          title: maskedForPublic(p.title),
          url: `${base}/p/${p.id}`,
          publishedOn: p.publishedOn!,
          updatedAt: new Date(p.updatedAt).toISOString(),
          summary: cutChars(maskedForPublic(cutChars(p.bodyText, 260)), 200),
          author: p.issuer || agency.name,
          category: byId.get(p.categoryId),
        })),
      };
      return m[2] === 'xml'
        ? { type: 'application/rss+xml; charset=utf-8', body: rssXml(feed) }
        : {
            type: 'application/atom+xml; charset=utf-8',
            body: atomXml(feed, c.get('ctx').clock.now().toISOString()),
          };
    }),
  );

  // Not from the page cache: the sitemap also follows annual reports, which do not bump the portal version.
  app.get('/sitemap.xml', async (c) => {
    const agency = await portalAgency(c);
    const urls = agency ? await sitemapEntries(c.get('deps').db, agency.id, await baseOf(c)) : [];
    return c.body(sitemapXml(urls), 200, {
      'Content-Type': 'application/xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    });
  });
}
