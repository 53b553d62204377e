/**
 * The public 政府信息公开 portal of 主动公开: 信息公开指南 / 信息公开制度, 法定主动公开内容 by catalogue, item lists and
 * detail pages with the metadata block, print view, downloads, and search (feeds and the sitemap: feeds.ts). Everything
 * here reads public items only (published and 主动公开: `isPublic`, `listPublicPublications`, `is_public = 1`), so a
 * draft, a withdrawn item or a 依申请公开 / 不予公开 record is never reachable — not even by guessing its URL.
 */
import type { ComponentChildren } from 'preact';
import type { App, C } from '../../app-env.ts';
import { renderToString } from '../../render.tsx';
import { PublicLayout } from '../../views/layout.tsx';
import { CSRF_PLACEHOLDER, cachedPublic, portalMemo } from '../../portal-cache.ts';
import { searchCost, searchGate } from '../../search-gate.ts';
import { portalAgency } from '../../public-page.tsx';
import { columnHref, knownScope, portalScope } from '../../portal-scope.ts';
import type { Agency } from '../../../org/org.ts';
import { ensureCatalogue } from '../../../publications/seed-catalogue.ts';
import { categoryTree, flattenTree, subtreeIds, type CategoryNode } from '../../../publications/catalogue.ts';
import {
  findPortalPage,
  findPublicPublication,
  listAttachments,
  listCategories,
  listPublicPublications,
  publicCountsByCategory,
  type Publication,
} from '../../../publications/publications.queries.ts';
import { VALIDITY_LABELS, VALIDITIES, type Validity } from '../../../publications/publication.ts';
import { openStored, sendStored } from '../../stored-file.ts';
import { attachmentBlocked } from '../../../publications/publication-scan.ts';
import { PUBLICATION_KIND } from '../../../publications/publication-context.ts';
import { searchDocuments } from '../../../search/search-index.ts';
import { Highlighted, MetadataBlock, Pager, fileSize } from '../../views/publication-views.tsx';
import { systemActor } from '../../../context.ts';
import { FAQ_SEARCH_KIND, INQUIRY_SEARCH_KIND } from '../../../inquiries/index.ts';
import { readGuideContact } from '../../../publications/guide-settings.ts';
import { GuideContactBlock } from './guide.tsx';
import { matchPortalSections, readPortalSections } from '../../portal-sections.ts';
import { htmlToText } from '../../../publications/sanitize-body.ts';
import { contentDisposition, safeFileName } from '../../../text/file-name.ts';
import { beijingDate } from '../../../beijing-time.ts';

/** 互动交流's published Q&A and FAQ entries are searchable on the portal too. */
const PORTAL_INQUIRY_KINDS = [INQUIRY_SEARCH_KIND, FAQ_SEARCH_KIND];

const PAGE_SIZE = 20;

function html(c: C, agency: Agency | undefined, title: string, children: ComponentChildren): string {
  return (
    '<!doctype html>' +
    renderToString(
      <PublicLayout
        title={title}
        agencyName={agency?.name ?? '政府信息公开'}
        countyHref={knownScope(c)?.countyHref}
        countyPage={knownScope(c)?.kind === 'county'}
        largeFont={c.var.largeFont}
        care={c.var.care}
        csrf={CSRF_PLACEHOLDER}
        flash={c.var.flash}
      >
        {children}
      </PublicLayout>,
    )
  );
}

const notFound = (c: C, agency: Agency | undefined) => ({
  status: 404,
  body: html(
    c,
    agency,
    '页面不存在',
    <>
      <h1>页面不存在</h1>
      <p>您访问的信息不存在或已不再公开。</p>
      <p>
        <a href="/catalogue">返回法定主动公开内容</a> · <a href="/search">搜索</a>
      </p>
    </>,
  ),
});

/** A column's active categories and their tree, read once per portal version (every catalogue change bumps it). */
function catalogueOf(c: C, agencyId: number) {
  return portalMemo(c, `catalogue:${agencyId}`, async () => {
    const db = c.var.deps.db;
    await ensureCatalogue({ ...c.var.ctx, actor: systemActor('公开目录') }, agencyId);
    const list = (await listCategories(db, agencyId)).filter((x) => x.isActive);
    return { list, tree: categoryTree(list) };
  });
}

function origin(c: C): string {
  return c.var.deps.config.publicUrl;
}

function CatalogueTree({ nodes, counts }: { nodes: CategoryNode[]; counts: Map<number, number> }) {
  const total = (n: CategoryNode): number =>
    (counts.get(n.id) ?? 0) + n.children.reduce((s, x) => s + total(x), 0);
  return (
    <ul class="catalogue">
      {nodes.map((n) => (
        <li>
          <a href={`/catalogue/${n.code}`}>{n.name}</a> <span class="muted">（{total(n)}）</span>
          {n.children.length ? <CatalogueTree nodes={n.children} counts={counts} /> : null}
        </li>
      ))}
    </ul>
  );
}

function ItemList({ items }: { items: Publication[] }) {
  if (!items.length) return <p class="empty">暂无信息</p>;
  return (
    <div class="table-scroll" tabindex={0}>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col">文号</th>
            <th scope="col">发布日期</th>
            <th scope="col">有效性</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr>
              <td>
                <a href={`/p/${p.id}`}>{p.title}</a>
              </td>
              <td>{p.docNo ?? ''}</td>
              <td class="date">{p.publishedOn}</td>
              <td>{p.validity === 'in_force' ? '有效' : <strong>{VALIDITY_LABELS[p.validity]}</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const pageNo = (c: C) => Math.max(1, Math.min(10_000, Number(c.req.query('page')) || 1));
const yearOf = (c: C) => {
  const y = Number(c.req.query('year'));
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : null;
};
const validityOf = (c: C): Validity | null => {
  const v = c.req.query('validity');
  return (VALIDITIES as readonly string[]).includes(v ?? '') ? (v as Validity) : null;
};

function defaultGuide(agency: Agency): ComponentChildren {
  return (
    <>
      <p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。</p>
      <h2>一、主动公开</h2>
      <p>
        {agency.name}主动公开的政府信息见“<a href="/catalogue">法定主动公开内容</a>
        ”。属于主动公开范围的政府信息，自形成或者变更之日起20个工作日内公开。可通过本网站“搜索”查找、阅读和下载。
      </p>
      <h2>二、依申请公开</h2>
      <p>
        公民、法人或者其他组织可以向本机关申请获取相关政府信息，请通过“<a href="/apply">依申请公开</a>
        ”提交申请，或到本机关政务公开受理窗口书面提出。
      </p>
      <h2>三、监督和救济</h2>
      <p>
        认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。
      </p>
    </>
  );
}

export function publicationPortalRoutes(app: App): void {
  for (const [slug, label] of [
    ['guide', '信息公开指南'],
    ['rules', '信息公开制度'],
  ] as const) {
    app.get(`/${slug}`, (c) =>
      cachedPublic(c, async () => {
        const agency = await portalAgency(c);
        const pageRow = agency ? await findPortalPage(c.var.deps.db, agency.id, slug) : undefined;
        return {
          body: html(
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
                <GuideContactBlock contact={await readGuideContact(c.var.deps.db, agency.id)} />
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
      const counts = await publicCountsByCategory(c.var.deps.db, agency.id);
      const latest = await listPublicPublications(c.var.deps.db, {
        agencyId: agency.id,
        limit: 10,
        offset: 0,
      });
      return {
        body: html(
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
      const r = await listPublicPublications(c.var.deps.db, {
        agencyId: agency.id,
        categoryIds: subtreeIds(list, cat.id),
        year,
        validity,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
      const node = flattenTree(tree).find((n) => n.id === cat.id);
      const parent = list.find((x) => x.id === cat.parentId);
      return {
        body: html(
          c,
          agency,
          cat.name,
          <>
            <p class="muted">
              <a href="/catalogue">法定主动公开内容</a>
              {parent ? (
                <>
                  {' '}
                  › <a href={`/catalogue/${parent.code}`}>{parent.name}</a>
                </>
              ) : null}
            </p>
            <h1>{cat.name}</h1>
            {node?.children.length ? (
              <ul class="catalogue">
                {node.children.map((n) => (
                  <li>
                    <a href={`/catalogue/${n.code}`}>{n.name}</a>
                  </li>
                ))}
              </ul>
            ) : null}
            <form method="get" class="filters" action={`/catalogue/${cat.code}`}>
              <label>
                年度{' '}
                <input name="year" type="number" min="2000" max="2100" value={year ? String(year) : ''} />
              </label>{' '}
              <label>
                有效性{' '}
                <select name="validity">
                  <option value="">全部</option>
                  {VALIDITIES.map((v) => (
                    <option value={v} selected={v === validity}>
                      {VALIDITY_LABELS[v]}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <button type="submit">筛选</button>
            </form>
            <p class="muted">
              共 {r.total} 条 · <a href={`/feeds/${cat.code}.xml`}>RSS 订阅</a> ·{' '}
              <a href={`/feeds/${cat.code}.atom`}>Atom 订阅</a>
            </p>
            <ItemList items={r.items} />
            <Pager
              page={page}
              total={r.total}
              size={PAGE_SIZE}
              base={`/catalogue/${cat.code}`}
              query={{ year: year ? String(year) : '', validity: validity ?? '' }}
            />
          </>,
        ),
      };
    }),
  );

  const detail = (print: boolean) => (c: C) =>
    cachedPublic(c, async () => {
      const agency = await portalAgency(c);
      if (!agency) return notFound(c, agency);
      const db = c.var.deps.db;
      const p = await findPublicPublication(db, agency.id, Number(c.req.param('id')));
      if (!p) return notFound(c, agency);
      const [atts, cats, interpretations] = await Promise.all([
        listAttachments(db, p.id),
        listCategories(db, agency.id),
        db
          .selectFrom('publications')
          .select(['id', 'title'])
          .where('interprets_id', '=', p.id)
          .where('status', '=', 'published')
          .where('attribute', '=', 'proactive')
          .execute(),
      ]);
      const interprets = p.interpretsId
        ? await findPublicPublication(db, agency.id, p.interpretsId)
        : undefined;
      const repealedBy = p.repealedById
        ? await findPublicPublication(db, agency.id, p.repealedById)
        : undefined;
      const cat = cats.find((x) => x.id === p.categoryId);
      const url = `${origin(c)}${knownScope(c)?.base ?? ''}/p/${p.id}`;
      const content = (
        <article class="publication">
          <h1>{p.title}</h1>
          {p.validity !== 'in_force' ? (
            <p class="form-error" role="note">
              本文件已{VALIDITY_LABELS[p.validity]}（{p.repealedOn}）
              {p.validity === 'repealed' ? (
                <>
                  ，废止依据：
                  {repealedBy ? <a href={`/p/${repealedBy.id}`}>{repealedBy.title}</a> : p.repealedByTitle}
                </>
              ) : null}
            </p>
          ) : null}
          <MetadataBlock p={p} categoryName={cat?.name ?? ''} />
          <div class="prose" dangerouslySetInnerHTML={{ __html: p.bodyHtml }} />
          {atts.length ? (
            <section>
              <h2>附件</h2>
              <ul>
                {atts.map((a) => (
                  <li>
                    <a href={`/p/${p.id}/files/${a.id}`} download={safeFileName(a.fileName)}>
                      {safeFileName(a.fileName)}
                    </a>{' '}
                    <span class="muted">（{fileSize(a.size)}）</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {interprets ? (
            <p>
              解读的文件：<a href={`/p/${interprets.id}`}>{interprets.title}</a>
            </p>
          ) : null}
          {interpretations.length ? (
            <section>
              <h2>政策解读</h2>
              <ul>
                {interpretations.map((x) => (
                  <li>
                    <a href={`/p/${x.id}`}>{x.title}</a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {print ? (
            <p class="muted">本页地址：{url}</p>
          ) : (
            <section class="share">
              <h2>分享与打印</h2>
              <p>
                <label for="share-url">本页永久链接（可复制发送到微信）</label>
                <input id="share-url" type="text" readOnly value={url} size={40} />
              </p>
              <p>
                <a href={`/p/${p.id}/print`}>打印本页</a> ·{' '}
                {cat ? <a href={`/catalogue/${cat.code}`}>返回“{cat.name}”</a> : null}
              </p>
            </section>
          )}
        </article>
      );
      if (print) {
        return {
          body:
            '<!doctype html>' +
            renderToString(
              <html lang="zh-CN" class={c.var.largeFont ? 'large' : undefined}>
                <head>
                  <meta charset="utf-8" />
                  <meta name="viewport" content="width=device-width, initial-scale=1" />
                  <title>{p.title}</title>
                  <link rel="stylesheet" href="/assets/site.css" />
                  <meta name="robots" content="noindex" />
                </head>
                <body class="print">
                  <main class="wrap">
                    <p class="muted">{agency.name} · 政府信息公开</p>
                    {content}
                  </main>
                </body>
              </html>,
            ),
        };
      }
      return { body: html(c, agency, p.title, content) };
    });
  app.get('/p/:id', detail(false));
  app.get('/p/:id/print', detail(true));

  app.get('/p/:id/files/:att', async (c) => {
    const agency = await portalAgency(c);
    const db = c.var.deps.db;
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

  app.get('/search', (c) =>
    cachedPublic(c, async () => {
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
          ? columnHref(c.var.deps.config.columnPrefix, a.code, h.publicUrl)
          : (h.publicUrl ?? '#');
      };
      const q = (c.req.query('q') ?? '').slice(0, 100);
      const page = pageNo(c);
      const year = yearOf(c);
      const validity = validityOf(c);
      const issuer = (c.req.query('issuer') ?? '').slice(0, 100) || null;
      const cats = agency && !county ? (await catalogueOf(c, agency.id)).list : [];
      const catCode = c.req.query('category') ?? '';
      const cat = cats.find((x) => x.code === catCode);
      const filters = [cat, year, issuer, validity].filter(Boolean).length;
      const r =
        agency && q.trim()
          ? await searchGate(c.var.deps.config).run(searchCost(q, page, filters), () =>
              searchDocuments(c.var.deps.db, {
                q,
                kinds: [PUBLICATION_KIND, ...PORTAL_INQUIRY_KINDS],
                agencyIds,
                publicOnly: true,
                categoryIds: cat ? subtreeIds(cats, cat.id) : undefined,
                year,
                issuer,
                validity,
                limit: PAGE_SIZE,
                offset: (page - 1) * PAGE_SIZE,
              }),
            )
          : null;
      const sections =
        agency && q.trim()
          ? matchPortalSections(
              await portalMemo(c, `sections:${JSON.stringify(agency)}`, () =>
                readPortalSections(
                  c.var.deps.db,
                  agency,
                  htmlToText(renderToString(<>{defaultGuide(agency)}</>)),
                ),
              ),
              q,
            )
          : [];
      const tree = flattenTree(categoryTree(cats));
      return {
        body: html(
          c,
          agency,
          q ? `搜索：${q}` : '搜索',
          <>
            <h1>搜索政府信息</h1>
            <form method="get" action="/search" class="filters" role="search">
              <label>
                关键词 <input name="q" type="search" value={q} />
              </label>{' '}
              {county ? (
                <label>
                  机关{' '}
                  <select name="agency">
                    <option value="">全部机关</option>
                    {scope.columns.map((a) => (
                      <option value={a.code} selected={a.code === agencyCode}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                <label>
                  栏目{' '}
                  <select name="category">
                    <option value="">全部栏目</option>
                    {tree.map((n) => (
                      <option value={n.code} selected={n.code === catCode}>
                        {'　'.repeat(n.depth)}
                        {n.name}
                      </option>
                    ))}
                  </select>
                </label>
              )}{' '}
              <label>
                年度{' '}
                <input name="year" type="number" min="2000" max="2100" value={year ? String(year) : ''} />
              </label>{' '}
              <label>
                发布机构 <input name="issuer" type="text" value={issuer ?? ''} />
              </label>{' '}
              <label>
                有效性{' '}
                <select name="validity">
                  <option value="">全部</option>
                  {VALIDITIES.map((v) => (
                    <option value={v} selected={v === validity}>
                      {VALIDITY_LABELS[v]}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <button type="submit">搜索</button>
            </form>
            {sections.length ? (
              <section aria-labelledby="sections-h">
                <h2 id="sections-h">指南、制度和年报</h2>
                <ul class="results">
                  {sections.map((h) => (
                    <li>
                      <a href={h.url}>{h.title}</a>
                      <p>
                        <Highlighted parts={h.snippet} />
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {!r ? (
              <p class="muted">请输入标题、正文中的词语或文号进行搜索，例如“低保”“春耕补贴”“2025”。</p>
            ) : r.total === 0 && sections.length === 0 ? (
              <section class="card" aria-live="polite">
                <h2>无结果</h2>
                <p>没有找到与“{q}”相关的公开信息。您可以：</p>
                <ul>
                  <li>换一个更短或更常用的词，例如把“春耕生产补贴资金”改为“春耕补贴”；</li>
                  <li>去掉年度、栏目等筛选条件后再搜索；</li>
                  {county ? (
                    <li>
                      到“<a href={scope.base}>机关目录</a>
                      ”进入有关机关的信息公开专栏查找，或向该机关申请政府信息公开。
                    </li>
                  ) : (
                    <>
                      <li>
                        到“<a href="/catalogue">法定主动公开内容</a>”按栏目查找；
                      </li>
                      <li>
                        如果需要的信息没有公开，可以<a href="/apply">申请政府信息公开</a>。
                      </li>
                    </>
                  )}
                </ul>
              </section>
            ) : (
              <>
                <p class="muted" aria-live="polite">
                  {r.relaxed
                    ? `没有同时包含全部词语的信息，以下 ${r.total} 条包含其中部分词语`
                    : `找到 ${r.total} 条公开信息`}
                </p>
                <ol class="results">
                  {r.hits.map((h) => (
                    <li>
                      <h2>
                        <a href={hitHref(h)}>
                          <Highlighted parts={h.title} />
                        </a>
                      </h2>
                      <p>
                        <Highlighted parts={h.snippet} />
                      </p>
                      <p class="muted">
                        {[
                          county ? codeOf.get(h.agencyId)?.name : null,
                          h.docNo,
                          h.issuer,
                          h.datedOn,
                          h.validity ? VALIDITY_LABELS[h.validity as Validity] : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </p>
                    </li>
                  ))}
                </ol>
                <Pager
                  page={page}
                  total={r.total}
                  size={PAGE_SIZE}
                  base="/search"
                  query={{
                    q,
                    ...(county ? { agency: agencyCode } : {}),
                    category: catCode,
                    year: year ? String(year) : '',
                    issuer: issuer ?? '',
                    validity: validity ?? '',
                  }}
                />
              </>
            )}
          </>,
        ),
      };
    }),
  );
}
