import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PageStore } from './portal-cache.ts';

const page = (chars: number) => ({ version: 1, body: 'x'.repeat(chars), hash: 'h', type: 'text/html' });

test('the page store keeps at most its entries and its characters, oldest out first', () => {
  const s = new PageStore(3, 100);
  s.set('a', page(10));
  s.set('b', page(10));
  s.set('c', page(10));
  s.set('d', page(10));
  assert.deepEqual([...s.entries.keys()], ['b', 'c', 'd'], 'entry bound');
  assert.equal(s.chars, 30);
  s.set('e', page(85));
  assert.deepEqual([...s.entries.keys()], ['d', 'e'], 'character bound: the two oldest pages go');
  assert.equal(s.chars, 95);
  s.set('e', page(20));
  assert.equal(s.chars, 30, 'a replaced page is counted once');
  s.set('big', page(101));
  assert.equal(s.get('big'), undefined, 'a page larger than the budget is not kept');
  assert.deepEqual([...s.entries.keys()], ['d', 'e'], 'and evicts nothing');
  // Random sets never break the bounds or the count.
  for (let i = 0; i < 2000; i++) {
    s.set(`k${i % 37}`, page((i * 7919) % 60));
    const sum = [...s.entries.values()].reduce((n, e) => n + e.body.length, 0);
    assert.equal(s.chars, sum);
    assert.ok(s.entries.size <= 3 && s.chars <= 100);
  }
});
