import type { Kysely } from 'kysely';
import { notNull, withId, zero } from './helpers.ts';

/** Annual reports (one per agency and year), the snapshot of each generation, acknowledged warnings. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('annual_reports'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', notNull)
    .addColumn('origin', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('cells_json', 'text', notNull)
    .addColumn('fees_json', 'text', notNull)
    .addColumn('texts_json', 'text', notNull)
    .addColumn('edited_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('findings_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('snapshot_id', 'integer')
    .addColumn('generated_at', 'text', notNull)
    .addColumn('generated_by_name', 'text', notNull)
    .addColumn('source_file', 'text')
    .addColumn('approver_name', 'text')
    .addColumn('finalised_at', 'text')
    .addColumn('finalised_by_name', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by_name', 'text')
    .addColumn('reopen_count', 'integer', zero)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addUniqueConstraint('annual_reports_agency_year_uq', ['agency_id', 'year'])
    .execute();
  await db.schema
    .createIndex('annual_reports_year_idx')
    .on('annual_reports')
    .columns(['year', 'status'])
    .execute();

  await withId(db, db.schema.createTable('annual_report_snapshots'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('annual_reports.id'))
    .addColumn('agency_id', 'integer', notNull)
    .addColumn('year', 'integer', notNull)
    .addColumn('taken_at', 'text', notNull)
    .addColumn('taken_by', 'integer')
    .addColumn('taken_by_name', 'text', notNull)
    .addColumn('source_counts_json', 'text', notNull)
    .addColumn('cells_json', 'text', notNull)
    .addColumn('fees_json', 'text', notNull)
    .addColumn('facts_json', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('annual_report_snapshots_report_idx')
    .on('annual_report_snapshots')
    .column('report_id')
    .execute();

  await withId(db, db.schema.createTable('annual_report_acks'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('annual_reports.id'))
    .addColumn('fingerprint', 'text', notNull)
    .addColumn('rule', 'text', notNull)
    .addColumn('message', 'text', notNull)
    .addColumn('reason', 'text', notNull)
    .addColumn('acked_by', 'integer')
    .addColumn('acked_by_name', 'text', notNull)
    .addColumn('acked_at', 'text', notNull)
    .addUniqueConstraint('annual_report_acks_uq', ['report_id', 'fingerprint'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('annual_report_acks').execute();
  await db.schema.dropTable('annual_report_snapshots').execute();
  await db.schema.dropTable('annual_reports').execute();
}
