import type { Kysely } from 'kysely';
import { notNull, withId } from './helpers.ts';

/** Earlier password hashes of each user, so a password change cannot reuse one of the last few. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('password_history'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('password_hash', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('password_history_user')
    .on('password_history')
    .columns(['user_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('password_history').execute();
}
