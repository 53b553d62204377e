import type { Kysely } from 'kysely';
import { isPostgres, notNull } from './helpers.ts';

/**
 * The database file store (GONGKAI_FILE_STORE=database): one row per file with its size and SHA-256, and its bytes in
 * chunks of at most 256 KB, so a file is written and read a chunk at a time and any app node serves any file.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stored_files')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('size', 'bigint', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('chunks', 'integer', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createTable('stored_file_chunks')
    .addColumn('file_key', 'text', (c) => c.notNull().references('stored_files.key').onDelete('cascade'))
    .addColumn('seq', 'integer', notNull)
    .addColumn('data', isPostgres(db) ? 'bytea' : 'blob', notNull)
    .addPrimaryKeyConstraint('stored_file_chunks_pk', ['file_key', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stored_file_chunks').execute();
  await db.schema.dropTable('stored_files').execute();
}
