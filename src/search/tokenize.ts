/**
 * App-side tokens for Chinese full-text search, the same on SQLite (FTS5) and PostgreSQL (tsvector): overlapping
 * CJK bigrams (a lone CJK character stays a unigram), runs of digits, and lower-cased Latin words; alongside them,
 * the words jieba finds (@node-rs/jieba, search mode) that are not already a bigram — single-character words such as
 * 乡 and longer ones such as 人民政府. Text is NFKC-normalised first, so full-width digits and letters (２０２５, ＡＢＣ)
 * match their half-width forms.
 *
 * A query is cut into words the same way, and every word must occur: 春耕补贴 is 春耕 + 补贴, so it finds
 * 春耕生产补贴 (the bigrams alone would also demand 耕补, which spans the two words and is not in the text). A word
 * of three or more characters is matched by its bigrams, which any text containing it has; a one-character word is
 * a prefix term. Pure (jieba's dictionary is loaded once, on first use).
 */
import { createRequire } from 'node:module';
import type { Jieba as JiebaType } from '@node-rs/jieba';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** One run of CJK characters, digits or Latin letters. */
const RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9]+|[a-z]+/g;

/** Longest text indexed per document (characters): bounds the index size of very long bodies. */
export const MAX_INDEXED_CHARS = 200_000;

function runs(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().slice(0, MAX_INDEXED_CHARS).match(RUN) ?? [];
}

function cjkBigrams(run: string, out: string[]): void {
  const chars = Array.from(run);
  if (chars.length === 1) {
    out.push(chars[0]!);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
}

let jieba: JiebaType | undefined;
/** jieba with its bundled dictionary (a CommonJS native module: loaded with require, once). */
function segmenter(): JiebaType {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/** The CJK words of a run (search mode: a long word and the shorter words inside it, for the index). */
export function cjkWords(run: string, forSearch = false): string[] {
  const words = forSearch ? segmenter().cutForSearch(run, true) : segmenter().cut(run, true);
  return words.filter((w) => w.length > 0 && CJK.test(w[0]!));
}

/** Tokens of a text for the index: bigrams (as before) then jieba's words that are not bigrams. */
export function tokenize(text: string): string[] {
  const out = bigramTokens(text);
  for (const r of runs(text))
    if (CJK.test(r[0]!) && Array.from(r).length > 1)
      for (const w of cjkWords(r, true)) if (Array.from(w).length !== 2) out.push(w);
  return out;
}

/** The bigram tokens of a text alone (duplicates kept: frequency feeds ranking). */
export function bigramTokens(text: string): string[] {
  const out: string[] = [];
  for (const r of runs(text)) {
    if (CJK.test(r[0]!)) cjkBigrams(r, out);
    else out.push(r);
  }
  return out;
}

/** A parsed query: every term must match; `prefix` terms match any token starting with them. */
export interface QueryTerm {
  token: string;
  prefix: boolean;
}

/** The terms that match one word of a query: itself (2 characters), its bigrams (3+), or a prefix (1). */
function wordTerms(w: string): QueryTerm[] {
  const chars = Array.from(w);
  if (!CJK.test(chars[0]!)) return [{ token: w, prefix: false }];
  if (chars.length === 1) return [{ token: w, prefix: true }];
  return chars.slice(0, -1).map((c, i) => ({ token: c + chars[i + 1]!, prefix: false }));
}

type QueryWord = { readonly word: string; readonly terms: readonly QueryTerm[] };

/** Parsed queries by query string: one search parses its query several times (terms, words, highlights). */
const parsed = new Map<string, readonly QueryWord[]>();
const MAX_PARSED = 1000;

/**
 * The words of a search query, each with the terms that match it (all of them must). Duplicates removed; at most
 * 32 terms over all words. Memoised per query string (the result is frozen: pure, and shared by every caller).
 */
export function queryWords(q: string): readonly QueryWord[] {
  const hit = parsed.get(q);
  if (hit) return hit;
  const out = Object.freeze(
    parseQuery(q).map((w) =>
      Object.freeze({ ...w, terms: Object.freeze(w.terms.map((t) => Object.freeze(t))) }),
    ),
  );
  if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value!);
  parsed.set(q, out);
  return out;
}

function parseQuery(q: string): { word: string; terms: QueryTerm[] }[] {
  const seen = new Set<string>();
  const out: { word: string; terms: QueryTerm[] }[] = [];
  let count = 0;
  for (const r of runs(q)) {
    const words = CJK.test(r[0]!) ? cjkWords(r) : [r];
    for (const w of words) {
      if (seen.has(w)) continue;
      seen.add(w);
      const terms = wordTerms(w).slice(0, 32 - count);
      if (!terms.length) return out;
      count += terms.length;
      out.push({ word: w, terms });
    }
  }
  return out;
}

/** Every term of a query (all must match), deduplicated. */
export function queryTerms(q: string): QueryTerm[] {
  const seen = new Set<string>();
  return queryWords(q)
    .flatMap((w) => w.terms)
    .filter((t) => {
      const key = `${t.token}${t.prefix ? '*' : ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * The strings to highlight in a snippet: the query's runs as typed (normalised), then its terms, longest first,
 * so a whole phrase is marked as one and a partial match still shows its bigrams.
 */
export function highlightNeedles(q: string): string[] {
  const all = [...runs(q), ...queryWords(q).map((w) => w.word), ...queryTerms(q).map((t) => t.token)];
  return [...new Set(all)].sort((a, b) => b.length - a.length);
}
