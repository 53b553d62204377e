import type { Kysely } from 'kysely';

/** The audit log page lists an agency's events newest first: serve it from an index, not by scanning the log. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('audit_events_agency_idx')
    .on('audit_events')
    .columns(['agency_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_events_agency_idx').execute();
}
