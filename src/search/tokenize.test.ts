import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { highlightNeedles, queryTerms, tokenize } from './tokenize.ts';

describe('tokenize', () => {
  const cases: [string, string[]][] = [
    ['政府信息公开', ['政府', '府信', '信息', '息公', '公开']],
    ['乡', ['乡']],
    ['互政〔2025〕12号', ['互政', '2025', '12', '号']],
    ['ＡＢＣ２０２５年', ['abc', '2025', '年']],
    ['GB11643 标准', ['gb', '11643', '标准']],
    ['Hello, World!', ['hello', 'world']],
    ['', []],
    ['……——', []],
  ];
  for (const [text, expected] of cases) {
    it(`tokenizes ${JSON.stringify(text)}`, () => assert.deepEqual(tokenize(text), expected));
  }
  it('keeps duplicates for ranking', () => assert.deepEqual(tokenize('公开公开'), ['公开', '开公', '公开']));
});

describe('queryTerms', () => {
  it('bigrams, deduplicated', () =>
    assert.deepEqual(
      queryTerms('公开公开').map((t) => t.token),
      ['公开', '开公'],
    ));
  it('a lone CJK character is a prefix term', () =>
    assert.deepEqual(queryTerms('乡 2025'), [
      { token: '乡', prefix: true },
      { token: '2025', prefix: false },
    ]));
  it('punctuation-only query has no terms', () => assert.deepEqual(queryTerms('，。！'), []));
  it('caps the number of terms', () =>
    assert.equal(
      queryTerms('天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜').length,
      32,
    ));
});

describe('highlightNeedles', () => {
  it('longest first', () =>
    assert.deepEqual(highlightNeedles('低保 12 低保名单'), ['低保名单', '低保', '12', '保名', '名单']));
});
