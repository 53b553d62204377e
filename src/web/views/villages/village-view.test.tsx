/**
 * The village page's calendar rows and published list are built as markup text (village-view.tsx): byte for byte
 * what preact renders from the elements they were, for titles and names with characters to escape, slots with and
 * without an item, items without a date, and more than 60 published items among unpublished ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from '../../render.tsx';
import { calendarRowsMarkup, publishedMarkup, type VillagePageViewProps } from './village-view.tsx';
import { periodLabel } from '../../../villages/village-disclosure.ts';
import { SLOT_LABELS } from '../../../villages/disclosure-calendar.ts';
import type { DisclosureHead } from '../../../villages/villages.queries.ts';

test('the calendar rows and the published list as markup text are what preact rendered from their elements', () => {
  const states = Object.keys(SLOT_LABELS) as VillagePageViewProps['slots'][number]['state'][];
  const slots: VillagePageViewProps['slots'] = states.flatMap((state, i) => [
    {
      code: 'c',
      name: `财务<公开>&"${i}`,
      kind: 'finance',
      period: '2025-Q1',
      dueOn: '2025-04-10',
      itemId: i + 1,
      state,
    },
    {
      code: 'd',
      name: '党务公开',
      kind: 'party',
      period: '2025-11',
      dueOn: '2025-12-10',
      itemId: null,
      state,
    },
  ]);
  const list: DisclosureHead[] = Array.from({ length: 75 }, (_, i) => ({
    id: 100 + i,
    villageId: 1,
    kind: 'affairs',
    code: 'x',
    title: i % 5 === 0 ? `村务<公开>&"'${i}` : `村务公开${i}`,
    period: null,
    dueOn: null,
    status: i % 7 === 3 ? 'draft' : 'published',
    publishedOn: i % 11 === 4 ? null : `2025-0${1 + (i % 9)}-15`,
  }));
  const calendar = renderToString(
    <tbody>
      {slots.map((s) => (
        <tr data-state={s.state}>
          <td>{s.itemId ? <a href={`/office/villages/items/${s.itemId}`}>{s.name}</a> : s.name}</td>
          <td>{periodLabel(s.period)}</td>
          <td>{s.dueOn}</td>
          <td>{SLOT_LABELS[s.state]}</td>
        </tr>
      ))}
    </tbody>,
  );
  const published = renderToString(
    <ul>
      {list
        .filter((i) => i.status === 'published')
        .slice(0, 60)
        .map((i) => (
          <li>
            {i.publishedOn} <a href={`/office/villages/items/${i.id}`}>{i.title}</a>
          </li>
        ))}
    </ul>,
  );
  assert.equal(`<tbody>${calendarRowsMarkup(slots)}</tbody>`, calendar);
  assert.equal(`<ul>${publishedMarkup(list)}</ul>`, published);
  assert.equal((published.match(/<li>/g) ?? []).length, 60);
  assert.equal(publishedMarkup([]), '');
});
