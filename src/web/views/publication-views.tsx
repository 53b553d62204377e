/** View pieces of 主动公开 shared by the portal and the back office. Pure functions of their props. */
import type { Publication } from '../../publications/publications.queries.ts';
import { VALIDITY_LABELS } from '../../publications/publication.ts';
import type { SnippetPart } from '../../search/snippet.ts';

/** The metadata block as on government portals (索引号, 发布机构, 文号 …). */
export function MetadataBlock({ p, categoryName }: { p: Publication; categoryName: string }) {
  const rows: [string, string | null][] = [
    ['索引号', p.indexNo],
    ['主题分类', p.topic],
    ['发布机构', p.issuer],
    ['所属栏目', categoryName],
    ['成文日期', p.writtenOn],
    ['发布日期', p.publishedOn],
    ['文号', p.docNo],
    ['体裁', p.genre],
    ['有效性', VALIDITY_LABELS[p.validity]],
    ['关键词', p.keywords],
  ];
  return (
    <table class="data meta">
      <tbody>
        {rows.map(([k, v]) => (
          <tr>
            <th scope="row">{k}</th>
            <td>{v ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Snippet parts with hits in <mark> (escaped by JSX). */
export function Highlighted({ parts }: { parts: SnippetPart[] }) {
  return <>{parts.map((x) => (x.hit ? <mark>{x.text}</mark> : x.text))}</>;
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
