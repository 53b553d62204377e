import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from '../../web/render.tsx';
import { periodLabel } from '../village-disclosure.ts';
import type { PublishedItemHead } from '../villages.queries.ts';
import { publishedListMarkup } from './published-list.ts';

/** The list as the page's elements rendered it before. */
const asElements = (list: PublishedItemHead[]) =>
  renderToString(
    <ul>
      {list.map((i) => (
        <li>
          {i.publishedOn} <a href={`/villages/items/${i.id}`}>{i.title}</a>
          {i.period ? `（${periodLabel(i.period)}）` : ''}
        </li>
      ))}
    </ul>,
  );

test('the public village list as markup is byte for byte the elements rendered', () => {
  const list: PublishedItemHead[] = [
    {
      id: 12,
      kind: 'finance',
      title: '2025年第一季度财务公开',
      period: '2025-Q1',
      publishedOn: '2025-04-10',
    },
    {
      id: 3,
      kind: 'affairs',
      title: '低保 <名单> & "补贴" \'公示\' >',
      period: null,
      publishedOn: '2025-03-01',
    },
    { id: 4, kind: 'party', title: '', period: '2025-07', publishedOn: null },
    { id: 5, kind: 'party', title: '期间<&">', period: 'x<&"y', publishedOn: '<&">' },
    { id: 6, kind: 'affairs', title: '😀 村务', period: '', publishedOn: '' },
  ];
  for (let n = 0; n <= list.length; n++) {
    const part = list.slice(0, n);
    assert.equal(`<ul>${publishedListMarkup(part)}</ul>`, asElements(part));
  }
});
