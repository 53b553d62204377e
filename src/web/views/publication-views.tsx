/** View pieces of 主动公开 shared by the portal and the back office. Pure functions of their props. */
import type { Publication } from '../../publications/publications.queries.ts';
import { VALIDITY_LABELS, VALIDITIES, type Validity } from '../../publications/publication.ts';
import type { SnippetPart } from '../../search/snippet.ts';

/** The metadata block as on government portals (索引号, 发布机构, 文号 …). */
/**
 * The item's metadata table. The portal leaves out what was never filled in (`hideEmpty`); the office shows it as
 * 未填写, and the index number and date a draft gets on publishing as 发布时生成.
 */
export function MetadataBlock({
  p,
  categoryName,
  hideEmpty = false,
}: {
  p: Publication;
  categoryName: string;
  hideEmpty?: boolean;
}) {
  const rows: [string, string | null, string][] = [
    ['索引号', p.indexNo, '发布时生成'],
    ['主题分类', p.topic, '未填写'],
    ['发布机构', p.issuer, '未填写'],
    ['所属栏目', categoryName, '未填写'],
    ['成文日期', p.writtenOn, '未填写'],
    ['发布日期', p.publishedOn, '发布时生成'],
    ['文号', p.docNo, '未填写'],
    ['体裁', p.genre, '未填写'],
    ['有效性', VALIDITY_LABELS[p.validity], '未填写'],
    ['关键词', p.keywords, '未填写'],
  ];
  return (
    <table class="data meta">
      <tbody>
        {rows
          .filter(([, v]) => !hideEmpty || v)
          .map(([k, v, none]) => (
            <tr>
              <th scope="row">{k}</th>
              <td class={k === '文号' ? 'ref' : undefined}>
                {!v ? <span class="muted">{none}</span> : k === '索引号' ? <IndexNo value={v} /> : v}
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

/** An index number (630223-HLZG/2026-00001) that breaks only after its slash, never at a hyphen. */
function IndexNo({ value }: { value: string }) {
  const parts = value.split('/');
  return (
    <>
      {parts.map((part, i) => (
        <>
          <span class="date">{i < parts.length - 1 ? `${part}/` : part}</span>
          {i < parts.length - 1 ? <wbr /> : null}
        </>
      ))}
    </>
  );
}

/** Snippet parts with hits in <mark> (escaped by JSX). */
export function Highlighted({ parts }: { parts: SnippetPart[] }) {
  return <>{parts.map((x) => (x.hit ? <mark>{x.text}</mark> : x.text))}</>;
}

/** The portal filters' 年度 field (catalogue column and search). */
export function YearFilter({ year }: { year?: number | null }) {
  return (
    <label>
      年度 <input name="year" type="number" min="2000" max="2100" value={year ? String(year) : ''} />
    </label>
  );
}

/** The portal filters' 有效性 choice (catalogue column and search). */
export function ValidityFilter({ validity }: { validity?: Validity | string | null }) {
  return (
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
    </label>
  );
}

export function Pager(props: {
  page: number;
  total: number;
  size: number;
  base: string;
  query: Record<string, string>;
}) {
  const pages = Math.ceil(props.total / props.size);
  if (pages <= 1) return null;
  const href = (n: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(props.query)) if (v) q.set(k, v);
    q.set('page', String(n));
    return `${props.base}?${q}`;
  };
  return (
    <nav class="pager" aria-label="分页">
      {props.page > 1 ? <a href={href(props.page - 1)}>上一页</a> : null}
      <span>
        第 {props.page} / {pages} 页
      </span>
      {props.page < pages ? <a href={href(props.page + 1)}>下一页</a> : null}
    </nav>
  );
}

export function fileSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
