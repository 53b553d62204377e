/** The portal's search page: the form with its filters, the guide/rules/report sections found, and the items found. Pure. */
import { VALIDITY_LABELS, type Validity } from '../../../publications/publication.ts';
import type { CategoryNode } from '../../../publications/catalogue.ts';
import type { SearchResult } from '../../../search/search-index.ts';
import type { SectionHit } from '../../portal-sections.ts';
import { Highlighted, Pager, ValidityFilter, YearFilter } from '../publication-views.tsx';

export function PortalSearchPage(props: {
  q: string;
  county: boolean;
  columns: readonly { code: string; name: string }[];
  countyBase: string;
  agencyCode: string;
  tree: CategoryNode[];
  catCode: string;
  year: number | null;
  issuer: string | null;
  validity: Validity | null;
  sections: SectionHit[];
  r: SearchResult | null;
  hitHref: (h: { agencyId: number; publicUrl: string | null }) => string;
  agencyNameOf: (agencyId: number) => string | undefined;
  page: number;
  size: number;
}) {
  const { q, county, agencyCode, tree, catCode, year, issuer, validity, sections, r, hitHref, page } = props;
  return (
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
              {props.columns.map((a) => (
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
        <YearFilter year={year} />{' '}
        <label>
          发布机构 <input name="issuer" type="text" value={issuer ?? ''} />
        </label>{' '}
        <ValidityFilter validity={validity} /> <button type="submit">搜索</button>
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
                到“<a href={props.countyBase}>机关目录</a>
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
                    county ? props.agencyNameOf(h.agencyId) : null,
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
            size={props.size}
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
    </>
  );
}
