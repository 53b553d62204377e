import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cutBytes, cutChars, graphemes, shorten, utf8Length } from './cut.ts';

const hasLoneSurrogate = (s: string) =>
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

test('worked examples: surrogate pairs, ZWJ emoji, combining marks and Chinese stay whole', () => {
  assert.equal(cutChars('申请😀人', 2), '申请');
  assert.equal(cutChars('申请😀人', 3), '申请😀');
  assert.equal(cutChars('👨‍👩‍👧家庭', 1), '👨‍👩‍👧');
  assert.equal(cutChars('e\u0301x', 1), 'e\u0301');
  assert.equal(shorten('政府信息公开申请表', 5), '政府信息…');
  assert.equal(shorten('短', 5), '短');
  // 10 bytes: 3 Chinese characters (9 bytes); the 4-byte emoji does not fit after them.
  assert.equal(cutBytes('申请人😀', 10), '申请人');
  assert.equal(cutBytes('申请人😀', 13), '申请人😀');
  // old behaviour for contrast: String.prototype.slice splits the pair
  assert.ok(hasLoneSurrogate('申请😀人'.slice(0, 3)));
});

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .array(fc.constantFrom('申', '😀', '👨‍👩‍👧', 'e\u0301', 'a', '\u200f', '🇨🇳'), { maxLength: 40 })
    .map((a) => a.join('')),
);

test('property: a cut is a whole-grapheme prefix within the limit, never a lone surrogate', () => {
  fc.assert(
    fc.property(text, fc.nat({ max: 70 }), (s, max) => {
      const c = cutChars(s, max);
      assert.ok(s.startsWith(c));
      const all = graphemes(s);
      const got = graphemes(c);
      assert.ok(got.length <= max);
      assert.deepEqual(got, all.slice(0, got.length));
      assert.equal(got.length, Math.min(max, all.length));
      if (!hasLoneSurrogate(s)) assert.ok(!hasLoneSurrogate(c));
      const sh = shorten(s, Math.max(max, 1));
      assert.ok(graphemes(sh).length <= Math.max(max, 1));
    }),
  );
});

test('property: a byte cut fits the byte limit and is the longest whole-grapheme prefix that does', () => {
  fc.assert(
    fc.property(text, fc.nat({ max: 200 }), (s, maxBytes) => {
      const c = cutBytes(s, maxBytes);
      assert.ok(s.startsWith(c));
      assert.ok(utf8Length(c) <= maxBytes);
      const all = graphemes(s);
      const k = graphemes(c).length;
      assert.deepEqual(graphemes(c), all.slice(0, k));
      if (k < all.length) assert.ok(utf8Length(c + all[k]) > maxBytes);
      if (!hasLoneSurrogate(s)) assert.ok(!hasLoneSurrogate(c));
    }),
  );
});
