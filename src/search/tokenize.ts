/**
 * App-side tokens for Chinese full-text search, the same on SQLite (FTS5) and PostgreSQL (tsvector): overlapping
 * CJK bigrams (a lone CJK character stays a unigram), runs of digits, and lower-cased Latin words. Text is
 * NFKC-normalised first, so full-width digits and letters (２０２５, ＡＢＣ) match their half-width forms. Pure.
 */

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

/** Tokens of a text for the index (duplicates kept: frequency feeds ranking). */
export function tokenize(text: string): string[] {
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

/**
 * Terms of a search query: the same tokens as the index, deduplicated, except that a lone CJK character becomes a
 * prefix term (so "乡" finds "乡政" without indexing unigrams everywhere). At most 32 terms.
 */
export function queryTerms(q: string): QueryTerm[] {
  const seen = new Set<string>();
  const out: QueryTerm[] = [];
  for (const r of runs(q)) {
    const chars = Array.from(r);
    const isCjk = CJK.test(r[0]!);
    const terms: QueryTerm[] =
      isCjk && chars.length === 1
        ? [{ token: r, prefix: true }]
        : isCjk
          ? chars.slice(0, -1).map((c, i) => ({ token: c + chars[i + 1]!, prefix: false }))
          : [{ token: r, prefix: false }];
    for (const t of terms) {
      const key = `${t.token}${t.prefix ? '*' : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(t);
    }
  }
  return out.slice(0, 32);
}

/**
 * The strings to highlight in a snippet: the query's runs as typed (normalised), then its terms, longest first,
 * so a whole phrase is marked as one and a partial match still shows its bigrams.
 */
export function highlightNeedles(q: string): string[] {
  const all = [...runs(q), ...queryTerms(q).map((t) => t.token)];
  return [...new Set(all)].sort((a, b) => b.length - a.length);
}
