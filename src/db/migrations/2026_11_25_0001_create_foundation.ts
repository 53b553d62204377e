import type { Kysely } from 'kysely';
import { notNull, withId, zero } from './helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('agencies'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('short_name', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('parent_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('is_people_government', 'integer', zero)
    .addColumn('disclosure_office_id', 'integer')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('agencies_parent_idx').on('agencies').column('parent_id').execute();

  await withId(db, db.schema.createTable('offices'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'text', notNull)
    .addColumn('sort_order', 'integer', zero)
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('offices_agency_name_uq', ['agency_id', 'name'])
    .execute();

  await withId(db, db.schema.createTable('villages'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'text', notNull)
    .addColumn('code', 'text')
    .addColumn('sort_order', 'integer', zero)
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('villages_agency_name_uq', ['agency_id', 'name'])
    .execute();

  await withId(db, db.schema.createTable('users'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('office_id', 'integer', (c) => c.references('offices.id'))
    .addColumn('village_id', 'integer', (c) => c.references('villages.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', notNull)
    .addColumn('password_hash', 'text', notNull)
    .addColumn('must_change_password', 'integer', zero)
    .addColumn('failed_attempts', 'integer', zero)
    .addColumn('locked_until', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('last_login_at', 'text')
    .addColumn('password_changed_at', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('users_agency_idx').on('users').column('agency_id').execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', notNull)
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('last_seen_at', 'text', notNull)
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await withId(db, db.schema.createTable('audit_events'))
    .addColumn('occurred_at', 'text', notNull)
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_name', 'text')
    .addColumn('agency_id', 'integer')
    .addColumn('ip', 'text')
    .addColumn('action', 'text', notNull)
    .addColumn('object_type', 'text', notNull)
    .addColumn('object_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('audit_events_occurred_idx').on('audit_events').column('occurred_at').execute();
  await db.schema
    .createIndex('audit_events_object_idx')
    .on('audit_events')
    .columns(['object_type', 'object_id'])
    .execute();
  await db.schema.createIndex('audit_events_actor_idx').on('audit_events').column('actor_user_id').execute();

  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source_title', 'text', notNull)
    .addColumn('source_doc_no', 'text')
    .addColumn('source_url', 'text')
    .addColumn('version', 'integer', notNull)
    .addColumn('loaded_by', 'integer')
    .addColumn('loaded_by_name', 'text')
    .addColumn('loaded_at', 'text', notNull)
    .execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().references('calendar_years.year').onDelete('cascade'))
    .addColumn('is_workday', 'integer', notNull)
    .addColumn('name', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('regional_holidays'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('date', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('basis', 'text')
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('regional_holidays_uq', ['agency_id', 'date'])
    .execute();

  await withId(db, db.schema.createTable('jobs'))
    .addColumn('kind', 'text', notNull)
    .addColumn('payload_json', 'text', notNull)
    .addColumn('run_at', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('attempts', 'integer', zero)
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('unique_key', 'text', (c) => c.unique())
    .addColumn('locked_by', 'text')
    .addColumn('locked_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('jobs_status_run_at_idx').on('jobs').columns(['status', 'run_at']).execute();

  await withId(db, db.schema.createTable('notifications'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'read_at'])
    .execute();

  await db.schema
    .createTable('agency_settings')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('key', 'text', notNull)
    .addColumn('value_json', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addPrimaryKeyConstraint('agency_settings_pk', ['agency_id', 'key'])
    .execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', notNull)
    .addColumn('count', 'integer', notNull)
    .execute();

  await db.schema
    .createTable('serials')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('next_value', 'integer', notNull)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'serials',
    'rate_limits',
    'agency_settings',
    'notifications',
    'jobs',
    'regional_holidays',
    'calendar_days',
    'calendar_years',
    'audit_events',
    'sessions',
    'user_roles',
    'users',
    'villages',
    'offices',
    'agencies',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
