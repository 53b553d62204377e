import { sql, type Kysely } from 'kysely';
import { isPostgres, notNull, withId, zero } from './helpers.ts';

/** 主动公开 (catalogue, publications, reviews, attachments, channels, portal pages, art. 20 registers) and search. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('pub_categories'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('pub_categories.id'))
    .addColumn('code', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('sort_order', 'integer', zero)
    .addColumn('is_statutory', 'integer', zero)
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addUniqueConstraint('pub_categories_agency_code_uq', ['agency_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('pub_category_versions'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('pub_categories.id'))
    .addColumn('version', 'integer', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('parent_id', 'integer')
    .addColumn('sort_order', 'integer', zero)
    .addColumn('is_active', 'integer', notNull)
    .addColumn('changed_by', 'text', notNull)
    .addColumn('changed_at', 'text', notNull)
    .addUniqueConstraint('pub_category_versions_uq', ['category_id', 'version'])
    .execute();

  await withId(db, db.schema.createTable('publications'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('office_id', 'integer', (c) => c.references('offices.id'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('pub_categories.id'))
    .addColumn('status', 'text', notNull)
    .addColumn('attribute', 'text', notNull)
    .addColumn('withhold_grounds', 'text')
    .addColumn('index_no', 'text')
    .addColumn('title', 'text', notNull)
    .addColumn('doc_no', 'text')
    .addColumn('issuer', 'text', notNull)
    .addColumn('written_on', 'text')
    .addColumn('published_on', 'text')
    .addColumn('topic', 'text')
    .addColumn('genre', 'text')
    .addColumn('validity', 'text', notNull)
    .addColumn('repealed_on', 'text')
    .addColumn('repealed_by_id', 'integer', (c) => c.references('publications.id'))
    .addColumn('repealed_by_title', 'text')
    .addColumn('keywords', 'text')
    .addColumn('body_html', 'text', notNull)
    .addColumn('body_text', 'text', notNull)
    .addColumn('doc_kind', 'text', notNull)
    .addColumn('interprets_id', 'integer', (c) => c.references('publications.id'))
    .addColumn('is_major', 'integer', zero)
    .addColumn('formed_on', 'text', notNull)
    .addColumn('due_on', 'text', notNull)
    .addColumn('period_override_days', 'integer')
    .addColumn('period_override_basis', 'text')
    .addColumn('review_round', 'integer', zero)
    .addColumn('secrecy_signed_by', 'integer')
    .addColumn('secrecy_signed_name', 'text')
    .addColumn('secrecy_signed_at', 'text')
    .addColumn('secrecy_note', 'text')
    .addColumn('secrecy_hits_json', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('publications_index_no_uq', ['agency_id', 'index_no'])
    .execute();
  await db.schema
    .createIndex('publications_agency_status_idx')
    .on('publications')
    .columns(['agency_id', 'status', 'published_on'])
    .execute();
  await db.schema
    .createIndex('publications_category_idx')
    .on('publications')
    .columns(['category_id', 'status', 'published_on'])
    .execute();
  await db.schema
    .createIndex('publications_due_idx')
    .on('publications')
    .columns(['status', 'due_on'])
    .execute();

  await withId(db, db.schema.createTable('publication_attachments'))
    .addColumn('publication_id', 'integer', (c) =>
      c.notNull().references('publications.id').onDelete('cascade'),
    )
    .addColumn('file_name', 'text', notNull)
    .addColumn('mime', 'text', notNull)
    .addColumn('size', 'integer', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('storage_key', 'text', notNull)
    .addColumn('text', 'text')
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('publication_attachments_pub_idx')
    .on('publication_attachments')
    .column('publication_id')
    .execute();

  await withId(db, db.schema.createTable('publication_reviews'))
    .addColumn('publication_id', 'integer', (c) =>
      c.notNull().references('publications.id').onDelete('cascade'),
    )
    .addColumn('round', 'integer', notNull)
    .addColumn('step', 'text', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('reason', 'text')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('user_name', 'text', notNull)
    .addColumn('signed_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('publication_reviews_pub_idx')
    .on('publication_reviews')
    .columns(['publication_id', 'round'])
    .execute();

  await withId(db, db.schema.createTable('publication_channels'))
    .addColumn('publication_id', 'integer', (c) =>
      c.notNull().references('publications.id').onDelete('cascade'),
    )
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('channel', 'text', notNull)
    .addColumn('used_at', 'text', notNull)
    .addColumn('used_on', 'text', notNull)
    .addColumn('user_name', 'text', notNull)
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('publication_channels_agency_idx')
    .on('publication_channels')
    .columns(['agency_id', 'used_on'])
    .execute();

  await db.schema
    .createTable('portal_pages')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('slug', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('body_html', 'text', notNull)
    .addColumn('version', 'integer', notNull)
    .addColumn('updated_by', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addPrimaryKeyConstraint('portal_pages_pk', ['agency_id', 'slug'])
    .execute();

  await withId(db, db.schema.createTable('art20_decisions'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('count', 'integer', notNull)
    .addColumn('decided_on', 'text')
    .addColumn('title', 'text')
    .addColumn('doc_no', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('art20_decisions_agency_year_idx')
    .on('art20_decisions')
    .columns(['agency_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('art20_fees'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', notNull)
    .addColumn('item', 'text', notNull)
    .addColumn('amount_yuan', 'integer', notNull)
    .addColumn('collected_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('art20_fees_agency_year_idx')
    .on('art20_fees')
    .columns(['agency_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('search_documents'))
    .addColumn('kind', 'text', notNull)
    .addColumn('ref_id', 'integer', notNull)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('is_public', 'integer', zero)
    .addColumn('title', 'text', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('url', 'text', notNull)
    .addColumn('public_url', 'text')
    .addColumn('category_id', 'integer')
    .addColumn('year', 'integer')
    .addColumn('issuer', 'text')
    .addColumn('validity', 'text')
    .addColumn('doc_no', 'text')
    .addColumn('status', 'text')
    .addColumn('dated_on', 'text')
    .addColumn('tokens', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addUniqueConstraint('search_documents_ref_uq', ['kind', 'ref_id'])
    .execute();
  await db.schema
    .createIndex('search_documents_scope_idx')
    .on('search_documents')
    .columns(['agency_id', 'kind', 'is_public'])
    .execute();

  // The only dialect-specific DDL: the full-text index over the app-side tokens.
  if (isPostgres(db)) {
    await sql`alter table search_documents add column tsv tsvector`.execute(db);
    await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`.execute(db);
  } else {
    // Tokens are produced by the application (CJK bigrams, digits, Latin words) and joined by spaces, so FTS5's
    // unicode61 tokenizer only has to split on spaces. rowid = search_documents.id.
    await sql`create virtual table search_fts using fts5(tokens, tokenize = 'unicode61 remove_diacritics 0')`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table if exists search_fts`.execute(db);
  for (const t of [
    'search_documents',
    'art20_fees',
    'art20_decisions',
    'portal_pages',
    'publication_channels',
    'publication_reviews',
    'publication_attachments',
    'publications',
    'pub_category_versions',
    'pub_categories',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
