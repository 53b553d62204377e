import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  newTrackingCode,
  normalizeTrackingCode,
  trackingCodesEqual,
  TRACKING_ALPHABET,
} from './tracking-code.ts';

test('codes have 8 characters of the unambiguous alphabet, spread over all of it', () => {
  const seen = new Map<string, number>();
  for (let i = 0; i < 2000; i++) {
    const c = newTrackingCode();
    assert.match(c, /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    for (const ch of c) seen.set(ch, (seen.get(ch) ?? 0) + 1);
  }
  assert.equal(seen.size, TRACKING_ALPHABET.length);
  // 16,000 characters over 31 symbols: about 516 each; a biased generator would skew the first 8 symbols by ~25 %.
  for (const [ch, n] of seen) assert.ok(n > 400 && n < 640, `${ch}: ${n}`);
});

test('typed codes are normalised and compared exactly', () => {
  assert.equal(normalizeTrackingCode(' abcd-efgh '), 'ABCDEFGH');
  assert.equal(normalizeTrackingCode('ab cd ef gh'), 'ABCDEFGH');
  assert.ok(trackingCodesEqual('ABCDEFGH', 'ABCDEFGH'));
  assert.ok(!trackingCodesEqual('ABCDEFGH', 'ABCDEFGJ'));
  assert.ok(!trackingCodesEqual('ABCDEFGH', 'ABCDEFG'));
});
