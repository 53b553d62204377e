import type { Kysely } from 'kysely';
import { notNull, withId } from './helpers.ts';

/**
 * The citizen side of the portal: files a citizen uploaded with a form that came back with errors, held under a
 * random token until the form is sent again or the hold expires (a daily job removes expired ones); and the
 * idempotency keys of online requests, so a refreshed or re-posted form reaches the first receipt instead of filing
 * a second request.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('held_uploads'))
    .addColumn('token', 'text', notNull)
    .addColumn('purpose', 'text', notNull)
    .addColumn('file_name', 'text', notNull)
    .addColumn('content_type', 'text', notNull)
    .addColumn('size', 'integer', notNull)
    .addColumn('storage_path', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('expires_at', 'text', notNull)
    .addUniqueConstraint('held_uploads_token_uq', ['token'])
    .execute();
  await db.schema.createIndex('held_uploads_expires_idx').on('held_uploads').column('expires_at').execute();

  await withId(db, db.schema.createTable('online_submissions'))
    .addColumn('idempotency_key', 'text', notNull)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('info_requests.id'))
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('online_submissions_key_uq', ['idempotency_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('online_submissions').execute();
  await db.schema.dropTable('held_uploads').execute();
}
