import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bigramTokens, highlightNeedles, queryTerms, queryWords, tokenize } from './tokenize.ts';

describe('bigramTokens', () => {
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
    it(`tokenizes ${JSON.stringify(text)}`, () => assert.deepEqual(bigramTokens(text), expected));
  }
  it('keeps duplicates for ranking', () =>
    assert.deepEqual(bigramTokens('公开公开'), ['公开', '开公', '公开']));
});

describe('tokenize (bigrams and jieba words)', () => {
  it('adds the one-character and the long words jieba finds, after the bigrams', () => {
    const t = tokenize('哈拉直沟乡人民政府');
    assert.deepEqual(t.slice(0, 8), bigramTokens('哈拉直沟乡人民政府'));
    assert.ok(t.slice(8).includes('乡'), t.join(' '));
    assert.ok(t.slice(8).includes('人民政府'), t.join(' '));
    assert.ok(
      t.slice(8).every((w) => Array.from(w).length !== 2),
      'two-character words are bigrams already',
    );
  });
  it('Latin and digits as before', () => assert.deepEqual(tokenize('GB11643 2025'), ['gb', '11643', '2025']));
});

describe('queryWords', () => {
  const words = (q: string) => queryWords(q).map((w) => w.word);
  it('cuts how people search into words', () => {
    assert.deepEqual(words('春耕补贴'), ['春耕', '补贴']);
    assert.deepEqual(words('低保名单'), ['低保', '名单']);
    assert.deepEqual(words('乡预算'), ['乡', '预算']);
  });
  it('no term spans two words (春耕补贴 does not demand 耕补)', () =>
    assert.deepEqual(
      queryTerms('春耕补贴').map((t) => t.token),
      ['春耕', '补贴'],
    ));
  it('a long word is matched by its bigrams', () =>
    assert.deepEqual(
      queryTerms('人民政府').map((t) => t.token),
      ['人民', '民政', '政府'],
    ));
});

describe('queryTerms', () => {
  it('words, deduplicated (公开公开 is 公开 twice, not 开公)', () =>
    assert.deepEqual(
      queryTerms('公开公开').map((t) => t.token),
      ['公开'],
    ));
  it('a lone CJK character is a prefix term', () =>
    assert.deepEqual(queryTerms('乡 2025'), [
      { token: '乡', prefix: true },
      { token: '2025', prefix: false },
    ]));
  it('punctuation-only query has no terms', () => assert.deepEqual(queryTerms('，。！'), []));
  it('caps the number of terms', () =>
    assert.ok(
      queryTerms('天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜').length <=
        32,
    ));
});

describe('highlightNeedles', () => {
  it('longest first', () =>
    assert.deepEqual(highlightNeedles('低保 12 低保名单'), ['低保名单', '低保', '12', '名单']));
});
