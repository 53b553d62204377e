/**
 * The generic full-text index. Any feature indexes its documents with `indexDocument` (inside the transaction that
 * changes them) and removes them with `removeDocument`; `searchDocuments` queries by app-side tokens through FTS5
 * (SQLite) or a tsvector GIN index (PostgreSQL), with filters, and returns highlighted snippets.
 *
 * Public visibility is a column (`is_public`) the owning feature sets: a public search never sees a row with 0.
 */
import { sql, type RawBuilder } from 'kysely';
import { PREPARED_MARK, dialectOf, type DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';
import { highlightNeedles, queryTerms, queryWords, tokenize, type QueryTerm } from './tokenize.ts';
import { snippet, highlight, type SnippetPart } from './snippet.ts';

export interface SearchDocumentInput {
  kind: string;
  refId: number;
  agencyId: number;
  isPublic: boolean;
  title: string;
  /** Plain text (body, 文号, attachments' text); what snippets are cut from. */
  body: string;
  /** Back-office URL. */
  url: string;
  /** Public URL (only meaningful when isPublic). */
  publicUrl?: string | null;
  categoryId?: number | null;
  year?: number | null;
  issuer?: string | null;
  validity?: string | null;
  docNo?: string | null;
  status?: string | null;
  datedOn?: string | null;
  /** Extra searchable text that is not shown (keywords, attachment text). */
  extra?: string;
}

/** Body text kept for snippets (characters). */
const STORED_BODY = 20_000;

/** Insert or replace a document in the index. Call inside the transaction that changes the document. */
export async function indexDocument(trx: DbOrTrx, d: SearchDocumentInput, now = new Date()): Promise<void> {
  const tokens = tokenize([d.title, d.title, d.docNo ?? '', d.body, d.extra ?? ''].join('\n')).join(' ');
  const values = {
    kind: d.kind,
    ref_id: d.refId,
    agency_id: d.agencyId,
    is_public: d.isPublic ? 1 : 0,
    title: d.title,
    body: d.body.slice(0, STORED_BODY),
    url: d.url,
    public_url: d.publicUrl ?? null,
    category_id: d.categoryId ?? null,
    year: d.year ?? null,
    issuer: d.issuer ?? null,
    validity: d.validity ?? null,
    doc_no: d.docNo ?? null,
    status: d.status ?? null,
    dated_on: d.datedOn ?? null,
    tokens,
    updated_at: now.toISOString(),
  };
  const { kind, ref_id, ...rest } = values;
  void kind;
  void ref_id;
  const row = await trx
    .insertInto('search_documents')
    .values(values)
    .onConflict((oc) => oc.columns(['kind', 'ref_id']).doUpdateSet(rest))
    .returning('id')
    .executeTakeFirstOrThrow();
  if (dialectOf(trx) === 'postgres') {
    // The one definition of a document's vector (migration 2026_12_07_0100): its tokens, and for a public document
    // the same tokens scoped to its agency.
    await sql`update search_documents set tsv = gk_search_vector(tokens, agency_id, is_public) where id = ${row.id}`.execute(
      trx,
    );
  } else {
    await sql`delete from search_fts where rowid = ${row.id}`.execute(trx);
    await sql`insert into search_fts (rowid, tokens) values (${row.id}, ${tokens})`.execute(trx);
  }
}

/** Remove a document from the index. */
export async function removeDocument(trx: DbOrTrx, kind: string, refId: number): Promise<void> {
  const row = await trx
    .selectFrom('search_documents')
    .select('id')
    .where('kind', '=', kind)
    .where('ref_id', '=', refId)
    .executeTakeFirst();
  if (!row) return;
  if (dialectOf(trx) === 'sqlite') await sql`delete from search_fts where rowid = ${row.id}`.execute(trx);
  await trx.deleteFrom('search_documents').where('id', '=', row.id).execute();
}

export interface SearchQuery {
  q: string;
  kinds?: string[];
  agencyIds?: number[];
  /** true: only public rows (the portal); false: any (staff, already authorised for the agencies given). */
  publicOnly: boolean;
  categoryIds?: number[];
  year?: number | null;
  issuer?: string | null;
  validity?: string | null;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  kind: string;
  agencyId: number;
  refId: number;
  title: SnippetPart[];
  snippet: SnippetPart[];
  url: string;
  publicUrl: string | null;
  isPublic: boolean;
  categoryId: number | null;
  year: number | null;
  issuer: string | null;
  validity: string | null;
  docNo: string | null;
  status: string | null;
  datedOn: string | null;
}

/** A search_documents row as the page query selects it (counts and flags as the driver returns them). */
interface HitRow {
  kind: string;
  agency_id: number | string;
  ref_id: number | string;
  title: string;
  body: string;
  url: string;
  public_url: string | null;
  is_public: number | string | boolean;
  category_id: number | string | null;
  year: number | string | null;
  issuer: string | null;
  validity: string | null;
  doc_no: string | null;
  status: string | null;
  dated_on: string | null;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** The query had no searchable term (only punctuation, or empty). */
  empty: boolean;
  /**
   * No document has every word of the query, so these are the documents with some of them (ranked by relevance):
   * 低保名单 finds the 低保 items when no item says 名单. The page says so.
   */
  relaxed: boolean;
}

function ftsMatch(terms: readonly QueryTerm[]): string {
  return terms.map((t) => `"${t.token}"${t.prefix ? '*' : ''}`).join(' AND ');
}
/**
 * A tsquery of every term; `scope` (an agency id) matches the agency-scoped lexemes of its public documents
 * (`<agency>@<token>`, see gk_search_vector) instead of every agency's.
 */
export function tsQuery(terms: readonly QueryTerm[], scope?: number): string {
  const pre = scope === undefined ? '' : `${scope}@`;
  return terms.map((t) => `'${pre}${t.token}'${t.prefix ? ':*' : ''}`).join(' & ');
}
/** Any one of the words (each word: all of its terms). */
const ftsAny = (words: (readonly QueryTerm[])[]) => words.map((w) => `(${ftsMatch(w)})`).join(' OR ');
const tsAny = (words: (readonly QueryTerm[])[], scope?: number) =>
  words.map((w) => `(${tsQuery(w, scope)})`).join(' | ');

/**
 * The agency whose scoped lexemes answer this query on PostgreSQL: a public search of exactly one agency (a
 * column's portal search). The index then gives only that agency's public matches, so the agency and public
 * filters are implied and left out (a bitmap of the agency's documents intersected with every agency's matches
 * was most of the search's time). Lists of agencies (the county search) match the plain lexemes and filter.
 */
function scopeOf(db: DbOrTrx, query: SearchQuery): number | undefined {
  const ids = query.agencyIds;
  return dialectOf(db) === 'postgres' && query.publicOnly && ids?.length === 1 ? ids[0] : undefined;
}

/** The bare full-text match: ids of matching rows (for benchmarks against the whole search). */
export async function matchIds(db: DbOrTrx, q: string, limit = 20): Promise<number[]> {
  const terms = queryTerms(q);
  if (!terms.length) return [];
  const r =
    dialectOf(db) === 'postgres'
      ? await sql<{
          id: number;
        }>`select id from search_documents where tsv @@ cast(${tsQuery(terms)} as tsquery) limit ${limit}`.execute(
          db,
        )
      : await sql<{
          id: number;
        }>`select rowid as id from search_fts where search_fts match ${ftsMatch(terms)} limit ${limit}`.execute(
          db,
        );
  return r.rows.map((x) => toNumber(x.id));
}

/**
 * Search the index: documents with every word of the query; when there are none and the query has several words,
 * documents with any of them (`relaxed`). Ranked by relevance, then newest first.
 */
export async function searchDocuments(db: DbOrTrx, query: SearchQuery): Promise<SearchResult> {
  const terms = queryTerms(query.q);
  if (!terms.length) return { total: 0, hits: [], empty: true, relaxed: false };
  // One-character words (的, 乡, 年) say too little on their own to be the only match.
  const words = queryWords(query.q)
    .filter((w) => Array.from(w.word).length > 1)
    .map((w) => w.terms);
  const canRelax = words.length > 0 && queryWords(query.q).length >= 2;
  const scope = scopeOf(db, query);
  const every = { fts: ftsMatch(terms), tsq: tsQuery(terms, scope) };
  const some = canRelax ? { fts: ftsAny(words), tsq: tsAny(words, scope) } : undefined;
  return runSearch(db, query, every, some, scope !== undefined);
}

interface Match {
  fts: string;
  tsq: string;
}

/**
 * The ranked page for `every` (all words); when nothing matches it and `some` is given, the page for `some` (any
 * word), marked relaxed. On PostgreSQL a first page is one statement: the relaxed branch runs only when the first
 * found nothing (an uncorrelated NOT EXISTS is a one-time filter), and the total comes with the page.
 */
async function runSearch(
  db: DbOrTrx,
  query: SearchQuery,
  every: Match,
  some: Match | undefined,
  scoped: boolean,
): Promise<SearchResult> {
  const pg = dialectOf(db) === 'postgres';
  const filters: RawBuilder<unknown>[] = [];
  if (query.publicOnly && !scoped) filters.push(sql`d.is_public = 1`);
  // On PostgreSQL a list is one array parameter, so the statement's text does not depend on the list's length and
  // runs as one prepared statement (PREPARED_MARK); SQLite has no arrays.
  const among = (column: RawBuilder<unknown>, xs: readonly (string | number)[]) =>
    pg ? sql`${column} = any(${[...xs]})` : sql`${column} in (${sql.join([...xs])})`;
  if (query.kinds?.length) filters.push(among(sql`d.kind`, query.kinds));
  if (query.agencyIds) {
    if (!query.agencyIds.length) return { total: 0, hits: [], empty: false, relaxed: false };
    if (!scoped) filters.push(among(sql`d.agency_id`, query.agencyIds));
  }
  if (query.categoryIds?.length) filters.push(among(sql`d.category_id`, query.categoryIds));
  if (query.year) filters.push(sql`d.year = ${query.year}`);
  if (query.issuer) filters.push(sql`d.issuer = ${query.issuer}`);
  if (query.validity) filters.push(sql`d.validity = ${query.validity}`);
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  const offset = Math.max(query.offset ?? 0, 0);
  const columns = sql`d.kind, d.agency_id, d.ref_id, d.title, d.body, d.url, d.public_url, d.is_public,
        d.category_id, d.year, d.issuer, d.validity, d.doc_no, d.status, d.dated_on`;
  // SQLite: match in the FTS table first (a materialised CTE, so the planner never probes FTS per document row),
  // then join the documents for filters; FTS5's own `rank` is bm25.
  const parts = (m: Match) => {
    const where = sql.join(
      [pg ? sql`d.tsv @@ cast(${m.tsq} as tsquery)` : sql`1 = 1`, ...filters],
      sql` and `,
    );
    const withM = pg
      ? sql``
      : sql`with m as materialized (select rowid as id, rank as r from search_fts where search_fts match ${m.fts}) `;
    const from = pg ? sql`search_documents d` : sql`m join search_documents d on d.id = m.id`;
    const rank = pg ? sql`ts_rank(d.tsv, cast(${m.tsq} as tsquery)) desc` : sql`m.r`;
    const order = sql`order by ${rank}, d.dated_on desc, d.id desc`;
    return { where, withM, from, order };
  };
  const countAll = (m: Match) => {
    const p = parts(m);
    return sql<{ n: number }>`${p.withM}select count(*) as n from ${p.from} where ${p.where}`
      .execute(db)
      .then((r) => toNumber(r.rows[0]?.n));
  };
  const needles = highlightNeedles(query.q);
  const result = (rows: HitRow[], total: number, relaxed: boolean): SearchResult => ({
    total,
    empty: false,
    relaxed,
    hits: rows.map((r) => toHit(r, needles)),
  });
  if (pg) {
    const prepared = sql.raw(PREPARED_MARK);
    // Ranking already visits every match, so the total comes with the page.
    const e = parts(every);
    if (some && offset === 0) {
      const s2 = parts(some);
      const r = await sql<HitRow & { total_matches: number | string; relaxed: number }>`${prepared}
        with e as (select ${columns}, count(*) over () as total_matches, 0 as relaxed
          from ${e.from} where ${e.where} ${e.order} limit ${limit})
        select * from e
        union all
        (select ${columns}, count(*) over () as total_matches, 1 as relaxed
          from ${s2.from} where ${s2.where} and not exists (select 1 from e) ${s2.order} limit ${limit})`.execute(
        db,
      );
      const first = r.rows[0];
      return result(
        r.rows,
        first ? toNumber(first.total_matches) : 0,
        first ? toNumber(first.relaxed) === 1 : false,
      );
    }
    const page = (m: Match) => {
      const p = parts(m);
      return sql<
        HitRow & { total_matches: number | string }
      >`${prepared}select ${columns}, count(*) over () as total_matches
        from ${p.from} where ${p.where} ${p.order} limit ${limit} offset ${offset}`.execute(db);
    };
    const totalOf = async (m: Match, rows: { total_matches: number | string }[]) =>
      rows.length ? toNumber(rows[0]!.total_matches) : offset > 0 ? await countAll(m) : 0;
    const r = await page(every);
    const total = await totalOf(every, r.rows);
    if (total > 0 || !some) return result(r.rows, total, false);
    const r2 = await page(some);
    return result(r2.rows, await totalOf(some, r2.rows), true);
  }
  const page = async (m: Match) => {
    const p = parts(m);
    const total = await countAll(m);
    const rows = await sql<HitRow>`${p.withM}select ${columns}
      from ${p.from} where ${p.where} ${p.order} limit ${limit} offset ${offset}`.execute(db);
    return { total, rows: rows.rows };
  };
  const r = await page(every);
  if (r.total > 0 || !some) return result(r.rows, r.total, false);
  const r2 = await page(some);
  return result(r2.rows, r2.total, true);
}

function toHit(r: HitRow, needles: string[]): SearchHit {
  return {
    kind: r.kind,
    agencyId: toNumber(r.agency_id),
    refId: toNumber(r.ref_id),
    title: highlight(r.title, needles),
    snippet: snippet(r.body, needles),
    url: r.url,
    publicUrl: r.public_url,
    isPublic: toNumber(r.is_public) === 1,
    categoryId: r.category_id == null ? null : toNumber(r.category_id),
    year: r.year == null ? null : toNumber(r.year),
    issuer: r.issuer,
    validity: r.validity,
    docNo: r.doc_no,
    status: r.status,
    datedOn: r.dated_on,
  };
}
