/** The portal's search (an agency's, or the county's across every column, narrowed by the agency filter). */
import type { App } from '../../app-env.ts';
import { renderToString } from '../../render.tsx';
import { cachedPublic, portalMemo } from '../../portal-cache.ts';
import { searchCost, searchGate } from '../../search-gate.ts';
import { columnHref, portalScope } from '../../portal-scope.ts';
import { flattenTree, subtreeIds, type CategoryNode } from '../../../publications/catalogue.ts';
import { PUBLICATION_KIND } from '../../../publications/publication-context.ts';
import { searchDocuments } from '../../../search/search-index.ts';
import { FAQ_SEARCH_KIND, INQUIRY_SEARCH_KIND } from '../../../inquiries/index.ts';
import { matchPortalSections, readPortalSections } from '../../portal-sections.ts';
import { htmlToText } from '../../../publications/sanitize-body.ts';
import { defaultGuide } from '../../views/publications/portal-views.tsx';
import { PortalSearchPage } from '../../views/publications/portal-search.tsx';
import {
  PORTAL_PAGE_SIZE,
  catalogueOf,
  pageNo,
  portalHtml,
  validityOf,
  yearOf,
} from './portal-publication-page.tsx';

/** 互动交流's published Q&A and FAQ entries are searchable on the portal too. */
const PORTAL_INQUIRY_KINDS = [INQUIRY_SEARCH_KIND, FAQ_SEARCH_KIND];

/** The search form's category options, flattened once per catalogue (the catalogue is memoised per portal version). */
const flatTrees = new WeakMap<object, CategoryNode[]>();
function flatTreeOf(tree: CategoryNode[]): CategoryNode[] {
  let flat = flatTrees.get(tree);
  if (!flat) flatTrees.set(tree, (flat = flattenTree(tree)));
  return flat;
}

export function publicationSearchRoutes(app: App): void {
  app.get('/search', (c) =>
    cachedPublic(c, async () => {
      const config = c.get('deps').config;
      const scope = await portalScope(c);
      const agency = scope.agency;
      // The county search (<prefix>/search) covers every column, narrowed by the agency filter.
      const county = scope.kind === 'county';
      const agencyCode = county ? (c.req.query('agency') ?? '') : '';
      const picked = scope.columns.find((a) => a.code === agencyCode);
      const agencyIds = county
        ? picked
          ? [picked.id]
          : scope.columns.map((a) => a.id)
        : agency
          ? [agency.id]
          : [];
      const codeOf = new Map(scope.columns.map((a) => [a.id, a]));
      const hitHref = (h: { agencyId: number; publicUrl: string | null }) => {
        const a = codeOf.get(h.agencyId);
        return county && a && h.publicUrl
          ? columnHref(config.columnPrefix, a.code, h.publicUrl)
          : (h.publicUrl ?? '#');
      };
      const q = (c.req.query('q') ?? '').slice(0, 100);
      const page = pageNo(c);
      const year = yearOf(c);
      const validity = validityOf(c);
      const issuer = (c.req.query('issuer') ?? '').slice(0, 100) || null;
      // The column's catalogue and its tree, read once per portal version.
      const catalogue = agency && !county ? await catalogueOf(c, agency.id) : undefined;
      const cats = catalogue?.list ?? [];
      const catCode = c.req.query('category') ?? '';
      const cat = cats.find((x) => x.code === catCode);
      const filters = [cat, year, issuer, validity].filter(Boolean).length;
      const r =
        agency && q.trim()
          ? await searchGate(config).run(searchCost(q, page, filters), () =>
              searchDocuments(c.get('deps').db, {
                q,
                kinds: [PUBLICATION_KIND, ...PORTAL_INQUIRY_KINDS],
                agencyIds,
                publicOnly: true,
                categoryIds: cat ? subtreeIds(cats, cat.id) : undefined,
                year,
                issuer,
                validity,
                limit: PORTAL_PAGE_SIZE,
                offset: (page - 1) * PORTAL_PAGE_SIZE,
              }),
            )
          : null;
      const sections =
        agency && q.trim()
          ? matchPortalSections(
              // The agency comes from the scope memo: any change to it bumps the portal version.
              await portalMemo(c, `sections:${agency.id}`, () =>
                readPortalSections(
                  c.get('deps').db,
                  agency,
                  htmlToText(renderToString(<>{defaultGuide(agency)}</>)),
                ),
              ),
              q,
            )
          : [];
      const tree = catalogue ? flatTreeOf(catalogue.tree) : [];
      return {
        body: portalHtml(
          c,
          agency,
          q ? `搜索：${q}` : '搜索',
          <PortalSearchPage
            q={q}
            county={county}
            columns={scope.columns}
            countyBase={scope.base}
            agencyCode={agencyCode}
            tree={tree}
            catCode={catCode}
            year={year}
            issuer={issuer}
            validity={validity}
            sections={sections}
            r={r}
            hitHref={hitHref}
            agencyNameOf={(id) => codeOf.get(id)?.name}
            page={page}
            size={PORTAL_PAGE_SIZE}
          />,
        ),
      };
    }),
  );
}
