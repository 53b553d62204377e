/** The office list of 主动公开, the office search (drafts included) and the dashboard card of due items. Pure. */
import type { SearchResult } from '../../../search/search-index.ts';
import type { OfficePublicationList } from '../../../publications/office-publication-page.ts';
import { OFFICE_PAGE_SIZE } from '../../../publications/office-publication-page.ts';
import { PUBLICATION_KIND } from '../../../publications/publication-context.ts';
import {
  ATTRIBUTE_LABELS,
  PUBLICATION_STATUSES,
  STATUS_LABELS,
  type PublicationStatus,
} from '../../../publications/publication.ts';
import type { Publication } from '../../../publications/publications.queries.ts';
import { Select, emptyForm } from '../forms.tsx';
import { Highlighted, Pager } from '../publication-views.tsx';

/** 主动公开: the agency chooser (inspector), the status filter, the list and its pager. */
export function PublicationList({ list }: { list: OfficePublicationList }) {
  return (
    <>
      <h1>主动公开</h1>
      {list.agencies.length > 1 ? (
        <form method="get" action="/office/publications" class="filters">
          <Select
            form={emptyForm({ agency: String(list.agencyId) })}
            name="agency"
            label="机关"
            options={list.agencies.map((a) => ({ value: String(a.id), label: a.name }))}
          />
          <button type="submit">查看</button>
        </form>
      ) : null}
      <p>
        {list.canWrite ? (
          <>
            <a class="button primary" href="/office/publications/new">
              撰写政府信息
            </a>{' '}
            ·{' '}
          </>
        ) : null}
        <a href="/office/search">站内搜索（含草稿）</a>
      </p>
      <nav class="filters" aria-label="按状态筛选">
        <a href="/office/publications">全部</a>
        {PUBLICATION_STATUSES.map((s) => (
          <>
            {' '}
            ·{' '}
            <a href={`/office/publications?status=${s}${list.isOwn ? '' : `&agency=${list.agencyId}`}`}>
              {STATUS_LABELS[s]}
            </a>
          </>
        ))}
      </nav>
      {list.extra.described.length ? (
        <p role="status">
          共 {list.total} 条符合筛选条件：{list.extra.described.join('；')}。{' '}
          <a href={list.status ? `/office/publications?status=${list.status}` : '/office/publications'}>
            清除筛选
          </a>
        </p>
      ) : null}
      <table class="data">
        <thead>
          <tr>
            <th scope="col">编号</th>
            <th scope="col">标题</th>
            <th scope="col">状态</th>
            <th scope="col">属性</th>
            <th scope="col">应公开日期</th>
            <th scope="col">索引号</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((p) => (
            <tr>
              <td>{p.id}</td>
              <td>
                <a href={`/office/publications/${p.id}`}>{p.title}</a>
              </td>
              <td>{STATUS_LABELS[p.status]}</td>
              <td>{ATTRIBUTE_LABELS[p.attribute]}</td>
              <td>{p.dueOn}</td>
              <td>{p.indexNo ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        page={list.page}
        total={list.total}
        size={OFFICE_PAGE_SIZE}
        base="/office/publications"
        query={{
          status: list.status ?? '',
          ...list.extra.params,
          ...(list.isOwn ? {} : { agency: String(list.agencyId) }),
        }}
      />
    </>
  );
}

/** 站内搜索（含草稿）. */
export function OfficeSearch({ q, r }: { q: string; r: SearchResult | null }) {
  return (
    <>
      <h1>站内搜索（含草稿）</h1>
      <form method="get" action="/office/search" class="filters" role="search">
        <label>
          关键词 <input name="q" type="search" value={q} />
        </label>{' '}
        <button type="submit">搜索</button>
      </form>
      {r && r.total === 0 ? <p class="empty">无结果。请换一个更短的词。</p> : null}
      {r && r.total > 0 ? (
        <ol>
          {r.hits.map((h) => (
            <li>
              <a href={h.url}>
                <Highlighted parts={h.title} />
              </a>{' '}
              <span class="badge">
                {h.kind === PUBLICATION_KIND && h.status
                  ? STATUS_LABELS[h.status as PublicationStatus]
                  : h.kind}
              </span>
              <p>
                <Highlighted parts={h.snippet} />
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}

/** Dashboard card: items due soon or overdue, per office (art. 26). */
export function DueWidget(d: { today: string; total: number; byOffice: [string, Publication[]][] }) {
  const { today } = d;
  return (
    <section class="card" aria-labelledby="pub-due-h">
      <h2 id="pub-due-h">主动公开时限（20个工作日）</h2>
      {d.total === 0 ? (
        <p class="muted">没有即将到期或超期的信息</p>
      ) : (
        d.byOffice.map(([office, list]) => (
          <>
            <h3>{office}</h3>
            <ul>
              {list.map((p) => (
                <li>
                  <a href={`/office/publications/${p.id}`}>{p.title}</a>{' '}
                  <span class={p.dueOn < today ? 'badge err' : 'badge warn'}>
                    {p.dueOn < today ? `已超期（${p.dueOn}）` : `${p.dueOn} 到期`}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ))
      )}
    </section>
  );
}
