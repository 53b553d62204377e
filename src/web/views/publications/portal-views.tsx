/** The portal's 主动公开 pages: the catalogue tree, item lists, a column's page, an item's page and its print view. Pure. */
import type { ComponentChildren } from 'preact';
import type { Agency } from '../../../org/org.ts';
import type { Category, CategoryNode } from '../../../publications/catalogue.ts';
import type { PublicPublicationPage } from '../../../publications/public-publication-page.ts';
import { VALIDITY_LABELS, type Validity } from '../../../publications/publication.ts';
import type { Publication } from '../../../publications/publications.queries.ts';
import { safeFileName } from '../../../text/file-name.ts';
import { MetadataBlock, Pager, ValidityFilter, YearFilter, fileSize } from '../publication-views.tsx';

export function CatalogueTree({ nodes, counts }: { nodes: CategoryNode[]; counts: Map<number, number> }) {
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

export function ItemList({ items }: { items: Publication[] }) {
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

export function defaultGuide(agency: Agency): ComponentChildren {
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

/** A column of 法定主动公开内容: breadcrumb, sub-columns, year and validity filters, its items and pager. */
export function CategoryPage(props: {
  cat: Category;
  parent: Category | undefined;
  node: CategoryNode | undefined;
  year: number | null;
  validity: Validity | null;
  r: { total: number; items: Publication[] };
  page: number;
  size: number;
}) {
  const { cat, parent, node, year, validity, r, page, size } = props;
  return (
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
        <YearFilter year={year} /> <ValidityFilter validity={validity} /> <button type="submit">筛选</button>
      </form>
      <p class="muted">
        共 {r.total} 条 · <a href={`/feeds/${cat.code}.xml`}>RSS 订阅</a> ·{' '}
        <a href={`/feeds/${cat.code}.atom`}>Atom 订阅</a>
      </p>
      <ItemList items={r.items} />
      <Pager
        page={page}
        total={r.total}
        size={size}
        base={`/catalogue/${cat.code}`}
        query={{ year: year ? String(year) : '', validity: validity ?? '' }}
      />
    </>
  );
}

/** A public item: validity note, metadata, body, attachments, interpretations, and share links (or, printed, its URL). */
export function PublicationArticle({
  page,
  url,
  print,
}: {
  page: PublicPublicationPage;
  url: string;
  print: boolean;
}) {
  const { p, atts, interprets, interpretations, repealedBy } = page;
  const cat = page.category;
  return (
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
      <MetadataBlock p={p} categoryName={cat?.name ?? ''} hideEmpty />
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
            <input id="share-url" type="text" readOnly value={url} />
          </p>
          <p>
            <a href={`/p/${p.id}/print`}>打印本页</a> ·{' '}
            {cat ? <a href={`/catalogue/${cat.code}`}>返回“{cat.name}”</a> : null}
          </p>
        </section>
      )}
    </article>
  );
}

/** The print view of an item: a bare page without the portal's chrome. */
export function PrintPage(props: {
  title: string;
  agencyName: string;
  largeFont: boolean;
  children: ComponentChildren;
}) {
  const content = props.children;
  return (
    <html lang="zh-CN" class={props.largeFont ? 'large' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <meta name="robots" content="noindex" />
      </head>
      <body class="print">
        <main class="wrap">
          <p class="muted">{props.agencyName} · 政府信息公开</p>
          {content}
        </main>
      </body>
    </html>
  );
}
