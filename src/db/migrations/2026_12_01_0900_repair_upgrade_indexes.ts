import type { Kysely } from 'kysely';

/**
 * Repair for installations made before 2026-12-01. `2026_11_25_1101_index_report_sources` was extended after it had
 * landed, so a database that ran an earlier version of it never got the four indexes added later; and
 * `2026_11_25_0003_index_audit_agency` was added with a name sorting before migrations already run (the migrator
 * now accepts that one out-of-order file, and a test forbids new ones). Creating the indexes "if not exists" brings
 * every earlier installation to the schema of a fresh one; on a fresh database this is a no-op.
 */
const INDEXES: { name: string; table: string; columns: string[] }[] = [
  {
    name: 'publications_stats_idx',
    table: 'publications',
    columns: ['agency_id', 'published_on', 'status', 'attribute', 'category_id', 'due_on', 'doc_kind'],
  },
  {
    name: 'publications_category_list_idx',
    table: 'publications',
    columns: ['category_id', 'status', 'attribute', 'agency_id', 'published_on'],
  },
  { name: 'info_requests_ledger_idx', table: 'info_requests', columns: ['agency_id', 'id'] },
  {
    name: 'info_requests_timeliness_idx',
    table: 'info_requests',
    columns: ['agency_id', 'closed_on', 'approved_at', 'due_on'],
  },
  { name: 'audit_events_agency_idx', table: 'audit_events', columns: ['agency_id', 'id'] },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const i of INDEXES)
    await db.schema.createIndex(i.name).ifNotExists().on(i.table).columns(i.columns).execute();
}

export async function down(): Promise<void> {
  // The indexes belong to the migrations that declare them; their own down() drops them.
}
