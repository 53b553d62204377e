/**
 * The public 政府信息公开 portal of 主动公开: 信息公开指南 / 信息公开制度, 法定主动公开内容 by catalogue, item lists and
 * detail pages with the metadata block, print view and downloads (search: publication-search.tsx; feeds and the
 * sitemap: feeds.ts). Everything here reads public items only (published and 主动公开: `isPublic`,
 * `listPublicPublications`, `is_public = 1`), so a draft, a withdrawn item or a 依申请公开 / 不予公开 record is never
 * reachable — not even by guessing its URL.
 */
import type { App, C } from '../../app-env.ts';
import { renderToString } from '../../render.tsx';
import { cachedPublic } from '../../portal-cache.ts';
import { portalAgency } from '../../public-page.tsx';
import { knownScope, redirectToOwnColumn } from '../../portal-scope.ts';
import { flattenTree, subtreeIds } from '../../../publications/catalogue.ts';
import {
  findPublicPublication,
  listAttachments,
  listPublicPublications,
  publicCountsByCategory,
  publicPublicationPage,
} from '../../../publications/index.ts';
import { findPortalPage, findPublication, isPublic } from '../../../publications/publications.queries.ts';
import { openStored, sendStored } from '../../stored-file.ts';
import { attachmentBlocked } from '../../../publications/publication-scan.ts';
import { readGuideContact } from '../../../publications/guide-settings.ts';
import { GuideContactBlock } from './guide.tsx';
import { contentDisposition } from '../../../text/file-name.ts';
import { beijingDate } from '../../../beijing-time.ts';
import {
  CatalogueTree,
  CategoryPage,
  ItemList,
  PrintPage,
  PublicationArticle,
  defaultGuide,
} from '../../views/publications/portal-views.tsx';
import {
  PORTAL_PAGE_SIZE,
  catalogueOf,
  notFound,
  pageNo,
  portalHtml,
  validityOf,
  yearOf,
} from './portal-publication-page.tsx';
import { publicationSearchRoutes } from './publication-search.tsx';

export function publicationPortalRoutes(app: App): void {
  for (const [slug, label] of [
    ['guide', '信息公开指南'],
    ['rules', '信息公开制度'],
  ] as const) {
    app.get(`/${slug}`, (c) =>
      cachedPublic(c, async () => {
        const agency = await portalAgency(c);
        const pageRow = agency ? await findPortalPage(c.get('deps').db, agency.id, slug) : undefined;
        return {
          body: portalHtml(
            c,
            agency,
            pageRow?.title ?? label,
            <>
              <h1>{pageRow?.title ?? label}</h1>
              {pageRow ? (
                <>
                  <div class="prose" dangerouslySetInnerHTML={{ __html: pageRow.bodyHtml }} />
                  <p class="muted">更新时间：{beijingDate(pageRow.updatedAt)}</p>
                </>
              ) : slug === 'guide' && agency ? (
                defaultGuide(agency)
              ) : (
                <p class="empty">暂无内容</p>
              )}
              {slug === 'guide' && agency ? (
                <GuideContactBlock contact={await readGuideContact(c.get('deps').db, agency.id)} />
              ) : null}
            </>,
          ),
        };
      }),
    );
  }

  app.get('/catalogue', (c) =>
    cachedPublic(c, async () => {
      const agency = await portalAgency(c);
      if (!agency) return notFound(c, agency);
      const { tree } = await catalogueOf(c, agency.id);
      const counts = await publicCountsByCategory(c.get('deps').db, agency.id);
      const latest = await listPublicPublications(c.get('deps').db, {
        agencyId: agency.id,
        limit: 10,
        offset: 0,
      });
      return {
        body: portalHtml(
          c,
          agency,
          '法定主动公开内容',
          <>
            <h1>法定主动公开内容</h1>
            <p>
              <a href="/feeds/all.xml">订阅全部更新（RSS）</a> · <a href="/feeds/all.atom">Atom</a>
            </p>
            <CatalogueTree nodes={tree} counts={counts} />
            <h2>最新公开</h2>
            <ItemList items={latest.items} />
          </>,
        ),
      };
    }),
  );

  app.get('/catalogue/:code', (c) =>
    cachedPublic(c, async () => {
      const agency = await portalAgency(c);
      if (!agency) return notFound(c, agency);
      const { list, tree } = await catalogueOf(c, agency.id);
      const cat = list.find((x) => x.code === c.req.param('code'));
      if (!cat) return notFound(c, agency);
      const page = pageNo(c);
      const year = yearOf(c);
      const validity = validityOf(c);
      const r = await listPublicPublications(c.get('deps').db, {
        agencyId: agency.id,
        categoryIds: subtreeIds(list, cat.id),
        year,
        validity,
        limit: PORTAL_PAGE_SIZE,
        offset: (page - 1) * PORTAL_PAGE_SIZE,
      });
      const node = flattenTree(tree).find((n) => n.id === cat.id);
      const parent = list.find((x) => x.id === cat.parentId);
      return {
        body: portalHtml(
          c,
          agency,
          cat.name,
          <CategoryPage
            cat={cat}
            parent={parent}
            node={node}
            year={year}
            validity={validity}
            r={r}
            page={page}
            size={PORTAL_PAGE_SIZE}
          />,
        ),
      };
    }),
  );

  const detail = (print: boolean) => (c: C) =>
    cachedPublic(c, async () => {
      const agency = await portalAgency(c);
      if (!agency) return notFound(c, agency);
      const page = await publicPublicationPage(c.get('deps').db, agency.id, Number(c.req.param('id')));
      if (!page) return notFound(c, agency);
      const url = `${c.get('deps').config.publicUrl}${knownScope(c)?.base ?? ''}/p/${page.p.id}`;
      const content = <PublicationArticle page={page} url={url} print={print} />;
      if (print) {
        return {
          body:
            '<!doctype html>' +
            renderToString(
              <PrintPage title={page.p.title} agencyName={agency.name} largeFont={c.get('largeFont')}>
                {content}
              </PrintPage>,
            ),
        };
      }
      return { body: portalHtml(c, agency, page.p.title, content) };
    });
  // Not found in this column: a public item of another agency's is sent to its own column (redirectToOwnColumn).
  const detailHere = (print: boolean) => {
    const here = detail(print);
    return async (c: C) => {
      const res = await here(c);
      if (res.status !== 404) return res;
      const id = Number(c.req.param('id'));
      const p = Number.isSafeInteger(id) ? await findPublication(c.get('deps').db, id) : undefined;
      if (!p || !isPublic(p)) return res;
      return (await redirectToOwnColumn(c, p.agencyId, `/p/${p.id}${print ? '/print' : ''}`)) ?? res;
    };
  };
  app.get('/p/:id', detailHere(false));
  app.get('/p/:id/print', detailHere(true));

  app.get('/p/:id/files/:att', async (c) => {
    const agency = await portalAgency(c);
    const db = c.get('deps').db;
    const p = agency ? await findPublicPublication(db, agency.id, Number(c.req.param('id'))) : undefined;
    const a = p
      ? (await listAttachments(db, p.id)).find((x) => x.id === Number(c.req.param('att')))
      : undefined;
    if (!p || !a) return c.notFound();
    // Defence in depth: an attachment whose text holds a blocking hit is never served (one published before the
    // scan read attachments), whatever the item's state.
    if (await attachmentBlocked(db, p.id, a.id)) return c.notFound();
    const etag = `"${a.sha256.slice(0, 32)}"`;
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    const file = await openStored(c, a.storageKey);
    if (!file) return c.notFound();
    return sendStored(c, file, {
      'Content-Type': a.mime,
      'Content-Disposition': contentDisposition(a.fileName),
      ETag: etag,
      'Cache-Control': 'public, max-age=300',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  publicationSearchRoutes(app);
}
