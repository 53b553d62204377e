import type { Generated } from 'kysely';

/**
 * The generic full-text index: one row per indexed document of any feature (`kind` + `ref_id`). `tokens` holds the
 * app-side tokens (tokenize.ts) joined by spaces; SQLite indexes them in the FTS5 table `search_fts` (rowid = id),
 * PostgreSQL in the tsvector column `tsv` (added by the migration on PostgreSQL only, so it is not typed here).
 */
export interface SearchTables {
  search_documents: SearchDocumentTable;
}

export interface SearchDocumentTable {
  id: Generated<number>;
  kind: string;
  ref_id: number;
  agency_id: number;
  /** 0/1: may be shown to the public. */
  is_public: number;
  title: string;
  body: string;
  url: string;
  public_url: string | null;
  category_id: number | null;
  year: number | null;
  issuer: string | null;
  validity: string | null;
  doc_no: string | null;
  status: string | null;
  dated_on: string | null;
  tokens: string;
  updated_at: string;
}
