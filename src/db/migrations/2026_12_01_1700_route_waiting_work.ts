import type { Kysely } from 'kysely';
import { notNull, withId } from './helpers.ts';

/**
 * Work nobody can get stuck in (issue 10): an office's substitute reviewer (when it has no head), an admin's
 * reassignment of a waiting step to a named person, the clerk's extension request awaiting the disclosure office
 * head's approval, and each user's choice of e-mail per notification kind.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // No foreign key: users already reference offices, and a cycle would leave backups no order to restore in.
  await db.schema.alterTable('offices').addColumn('substitute_user_id', 'integer').execute();

  for (const [col, type] of [
    ['extension_requested_days', 'integer'],
    ['extension_requested_reason', 'text'],
    ['extension_requested_by', 'integer'],
    ['extension_requested_by_name', 'text'],
    ['extension_requested_at', 'text'],
  ] as const)
    await db.schema.alterTable('info_requests').addColumn(col, type).execute();

  await withId(db, db.schema.createTable('work_assignments'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('object_type', 'text', notNull)
    .addColumn('object_id', 'integer', notNull)
    .addColumn('step', 'text', notNull)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', notNull)
    .addColumn('assigned_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('work_assignments_object')
    .on('work_assignments')
    .columns(['object_type', 'object_id', 'step'])
    .execute();

  await db.schema
    .createTable('notification_prefs')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('email', 'integer', notNull)
    .addPrimaryKeyConstraint('notification_prefs_pk', ['user_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_prefs').execute();
  await db.schema.dropTable('work_assignments').execute();
  for (const col of [
    'extension_requested_days',
    'extension_requested_reason',
    'extension_requested_by',
    'extension_requested_by_name',
    'extension_requested_at',
  ])
    await db.schema.alterTable('info_requests').dropColumn(col).execute();
  await db.schema.alterTable('offices').dropColumn('substitute_user_id').execute();
}
