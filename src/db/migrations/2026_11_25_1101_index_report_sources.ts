import type { Kysely } from 'kysely';

/**
 * Indexes for the annual report's sources and the portal detail page, found by the benchmarks at 200,000
 * publications and 100,000 requests: table A reads only 规章/规范性文件 (a handful among thousands of items), the
 * detail page looks up an item's 政策解读, and section 六 sums fee notices and payments by date.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('publications_doc_kind_idx')
    .on('publications')
    .columns(['agency_id', 'doc_kind'])
    .execute();
  // The year's published items for the narrative's statistics (one pass, index only).
  await db.schema
    .createIndex('publications_stats_idx')
    .on('publications')
    .columns(['agency_id', 'published_on', 'status', 'attribute', 'category_id', 'due_on', 'doc_kind'])
    .execute();
  // A portal category page: its count and its newest items, from the index alone.
  await db.schema
    .createIndex('publications_category_list_idx')
    .on('publications')
    .columns(['category_id', 'status', 'attribute', 'agency_id', 'published_on'])
    .execute();
  await db.schema
    .createIndex('publications_interprets_idx')
    .on('publications')
    .column('interprets_id')
    .execute();
  // The ledger: an agency's requests newest first, a page at a time, without sorting the agency's whole ledger.
  await db.schema
    .createIndex('info_requests_ledger_idx')
    .on('info_requests')
    .columns(['agency_id', 'id'])
    .execute();
  // Replies in time, for the narrative: read from the index alone.
  await db.schema
    .createIndex('info_requests_timeliness_idx')
    .on('info_requests')
    .columns(['agency_id', 'closed_on', 'approved_at', 'due_on'])
    .execute();
  await db.schema
    .createIndex('info_requests_fee_notice_idx')
    .on('info_requests')
    .columns(['agency_id', 'fee_notice_on'])
    .execute();
  await db.schema
    .createIndex('info_requests_fee_paid_idx')
    .on('info_requests')
    .columns(['agency_id', 'fee_paid_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const i of [
    'publications_doc_kind_idx',
    'publications_stats_idx',
    'publications_category_list_idx',
    'publications_interprets_idx',
    'info_requests_ledger_idx',
    'info_requests_timeliness_idx',
    'info_requests_fee_notice_idx',
    'info_requests_fee_paid_idx',
  ]) {
    await db.schema.dropIndex(i).execute();
  }
}
