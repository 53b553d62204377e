import type { Kysely } from 'kysely';

/**
 * A covering index for the annual report's table B: one pass over an agency's requests reads only the index
 * (receipt and closing dates, applicant kind, report row), never the table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('info_requests_report_idx')
    .on('info_requests')
    .columns(['agency_id', 'received_on', 'closed_on', 'applicant_kind', 'report_row'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('info_requests_report_idx').execute();
}
