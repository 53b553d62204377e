import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { pagedList, pageWindow } from './paged-list.ts';
import { pageOf } from './presenters.ts';
import { PageQuery } from './open-data.ts';

test('pageWindow: page n of size s skips (n - 1) × s rows and reads s', () => {
  const cases: [page: number, pageSize: number, limit: number, offset: number][] = [
    [1, 20, 20, 0],
    [2, 20, 20, 20],
    [3, 4, 4, 8],
    [1, 1, 1, 0],
    [100000, 100, 100, 9999900],
  ];
  for (const [page, pageSize, limit, offset] of cases)
    assert.deepEqual(pageWindow({ page, pageSize }), { limit, offset }, `page ${page} of ${pageSize}`);
});

test('pageWindow of the parsed defaults: the first 20', () => {
  assert.deepEqual(pageWindow(PageQuery.parse({})), { limit: 20, offset: 0 });
});

test('pagedList presents each row in order and answers the page, its size and the total', () => {
  const present = (r: { id: number }) => ({ id: r.id, url: `/p/${r.id}` });
  const r = pagedList(
    { page: 2, pageSize: 3 },
    { items: [{ id: 4 }, { id: 5 }, { id: 6 }], total: 8 },
    present,
  );
  assert.deepEqual(r, {
    items: [
      { id: 4, url: '/p/4' },
      { id: 5, url: '/p/5' },
      { id: 6, url: '/p/6' },
    ],
    page: 2,
    pageSize: 3,
    total: 8,
  });
  assert.deepEqual(Object.keys(r), ['items', 'page', 'pageSize', 'total']);
  // Exactly the documented shape (pageOf), with nothing else in it.
  const schema = pageOf(z.object({ id: z.number(), url: z.string() })).strict();
  assert.deepEqual(schema.parse(r), r);
});

test('a page past the end: no items, the total still told', () => {
  const r = pagedList({ page: 9, pageSize: 20 }, { items: [], total: 3 }, (x: number) => x);
  assert.deepEqual(r, { items: [], page: 9, pageSize: 20, total: 3 });
});
