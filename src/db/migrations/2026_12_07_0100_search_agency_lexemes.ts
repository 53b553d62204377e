import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.ts';

/**
 * PostgreSQL only: a public document's tsvector also holds every token again prefixed with its agency
 * (`<agency id>@<token>`), so a column's portal search (one agency, public documents) is a match on the GIN index
 * alone. Before, the index gave every agency's matches for a word (16,000 rows for a common word in the county
 * bench) and a bitmap of the agency's 4,700 public documents was intersected with it: 3–4 ms of 3.6 ms per search.
 * With the agency's own lexemes the index gives the 87 rows that matter (docs/scale.md, "Eighteenth pass").
 * Tokens never contain `@` (src/search/tokenize.ts: CJK runs, digits, lower-case Latin letters), so a scoped lexeme
 * cannot meet a word of the text.
 *
 * `gk_search_vector` is the one definition of a document's vector: the index writer, the backup restore and this
 * migration use it. The column is kept in the row (storage `main`): a search ranks every match with `ts_rank`,
 * which would otherwise fetch the doubled vector from the TOAST table for each row. The index is dropped while
 * the vectors are rewritten and built again after (one sorted build instead of a million index updates).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create or replace function gk_search_vector(tokens text, agency integer, public integer)
    returns tsvector language sql immutable parallel safe as $$
      select case when public = 1
        then array_to_tsvector(string_to_array(tokens, ' ')
          || array(select agency::text || '@' || t from unnest(string_to_array(tokens, ' ')) t))
        else array_to_tsvector(string_to_array(tokens, ' ')) end
    $$`.execute(db);
  await sql`alter table search_documents alter column tsv set storage main`.execute(db);
  await sql`drop index if exists search_documents_tsv_idx`.execute(db);
  await sql`update search_documents set tsv = gk_search_vector(tokens, agency_id, is_public)`.execute(db);
  await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`update search_documents set tsv = array_to_tsvector(string_to_array(tokens, ' '))`.execute(db);
  await sql`alter table search_documents alter column tsv set storage extended`.execute(db);
  await sql`drop function if exists gk_search_vector(text, integer, integer)`.execute(db);
}
