/**
 * One URL per item: every other spelling of an item number in a public URL answers 301 to the canonical one
 * (before the fix /p/0x0b and /p/11.0 served item 11 under their own URLs, splitting the page cache).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../support/db.ts';
import { makeAgency } from '../support/factories.ts';
import { testApp } from '../support/http.ts';
import { canonicalItemPath } from '../../src/web/canonical-url.ts';

const env = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };

test('canonical paths: spellings of a number, leading zeros and trailing slashes', () => {
  const table: [string, string | null][] = [
    ['/p/11', null],
    ['/p/0x0b', '/p/11'],
    ['/p/11.0', '/p/11'],
    ['/p/011', '/p/11'],
    ['/p/1e1', '/p/10'],
    ['/p/%2B11', '/p/11'],
    ['/p/11/', '/p/11'],
    ['/p/0x0b/print', '/p/11/print'],
    ['/p/11/files/3', null],
    ['/villages/items/011', '/villages/items/11'],
    ['/villages/items/3', null],
    ['/villages/07', '/villages/7'],
    ['/inquiries/public/0012', '/inquiries/public/12'],
    ['/comment-calls/5.00', '/comment-calls/5'],
    ['/p/abc', null],
    ['/p/0', null],
    ['/p/-3', null],
    ['/p/1e400', null],
    ['/catalogue/', '/catalogue'],
    ['/', null],
  ];
  for (const [path, want] of table) assert.equal(canonicalItemPath(path), want, path);
});

describeEachDialect('attack: one canonical URL per public item', (t) => {
  test('other spellings answer 301 with the canonical Location (query kept); the canonical one does not', async () => {
    const { db } = t();
    await makeAgency(db);
    const { app } = testApp(db);
    const get = (path: string, method = 'GET') =>
      app.fetch(new Request(`http://localhost:3000${path}`, { method, redirect: 'manual' }), env);
    for (const [path, location] of [
      ['/p/0x0b', '/p/11'],
      ['/p/11.0?from=rss', '/p/11?from=rss'],
      ['/villages/items/011', '/villages/items/11'],
    ]) {
      const r = await get(path!);
      assert.equal(r.status, 301, path);
      assert.equal(r.headers.get('location'), location);
    }
    assert.notEqual((await get('/p/11')).status, 301);
    assert.equal((await get('/p/abc')).status, 404);
    assert.equal((await get('/p/0x0b', 'HEAD')).status, 301);
    // A state-changing request is never redirected (it would lose its body): the CSRF check answers instead.
    assert.notEqual((await get('/p/0x0b', 'POST')).status, 301);
  });
});
