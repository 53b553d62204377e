import type { Kysely } from 'kysely';
import { notNull, withId, zero } from './helpers.ts';

/** 年报体检: uploaded annual reports, kept with their check result. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('report_check_uploads'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('uploaded_by', 'integer')
    .addColumn('uploaded_by_name', 'text', notNull)
    .addColumn('uploaded_at', 'text', notNull)
    .addColumn('file_name', 'text', notNull)
    .addColumn('size_bytes', 'integer', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('content_base64', 'text', notNull)
    .addColumn('report_agency', 'text')
    .addColumn('report_year', 'integer')
    .addColumn('error_count', 'integer', zero)
    .addColumn('warning_count', 'integer', zero)
    .addColumn('result_json', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('report_check_uploads_agency_idx')
    .on('report_check_uploads')
    .columns(['agency_id', 'uploaded_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_check_uploads').execute();
}
