import type { Kysely } from 'kysely';
import { notNull, withId, zero } from './helpers.ts';

/**
 * 互动交流: citizens' messages (inquiries) with their history, attachments, transfers between offices, routing
 * rules, the FAQ, monthly figures as published, the anti-abuse challenges, and 意见征集 (comment calls).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('inquiries'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('ref_year', 'integer', notNull)
    .addColumn('ref_serial', 'integer', notNull)
    .addColumn('reference', 'text', notNull)
    .addColumn('tracking_code', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('topic', 'text', notNull)
    .addColumn('village_id', 'integer', (c) => c.references('villages.id'))
    .addColumn('office_chosen_id', 'integer', (c) => c.references('offices.id'))
    .addColumn('office_id', 'integer', (c) => c.references('offices.id'))
    .addColumn('body', 'text', notNull)
    .addColumn('contact_name', 'text', notNull)
    .addColumn('contact_phone', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('contact_key', 'text')
    .addColumn('allow_publish', 'integer', zero)
    .addColumn('channel', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('screen_json', 'text')
    .addColumn('needs_screening', 'integer', zero)
    .addColumn('submitted_at', 'text', notNull)
    .addColumn('received_on', 'text', notNull)
    .addColumn('due_on', 'text', notNull)
    .addColumn('original_due_on', 'text', notNull)
    .addColumn('extension_days', 'integer')
    .addColumn('extension_reason', 'text')
    .addColumn('extended_by_name', 'text')
    .addColumn('draft_reply', 'text')
    .addColumn('draft_outcome', 'text')
    .addColumn('draft_by_name', 'text')
    .addColumn('returned_reason', 'text')
    .addColumn('reply', 'text')
    .addColumn('outcome', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('first_replied_on', 'text')
    .addColumn('first_on_time', 'integer')
    .addColumn('replied_on', 'text')
    .addColumn('referral_to', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('converted_request_id', 'integer', (c) => c.references('info_requests.id'))
    .addColumn('merged_into_id', 'integer', (c) => c.references('inquiries.id'))
    .addColumn('rating', 'text')
    .addColumn('rating_reason', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('reopen_count', 'integer', zero)
    .addColumn('is_published', 'integer', zero)
    .addColumn('public_title', 'text')
    .addColumn('public_body', 'text')
    .addColumn('public_reply', 'text')
    .addColumn('published_on', 'text')
    .addColumn('alarm_sent_on', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('inquiries_reference_uq', ['agency_id', 'reference'])
    .execute();
  await db.schema
    .createIndex('inquiries_agency_received_idx')
    .on('inquiries')
    .columns(['agency_id', 'received_on'])
    .execute();
  await db.schema
    .createIndex('inquiries_agency_status_idx')
    .on('inquiries')
    .columns(['agency_id', 'status'])
    .execute();
  await db.schema.createIndex('inquiries_merged_idx').on('inquiries').column('merged_into_id').execute();

  await withId(db, db.schema.createTable('inquiry_events'))
    .addColumn('inquiry_id', 'integer', (c) => c.notNull().references('inquiries.id'))
    .addColumn('at', 'text', notNull)
    .addColumn('on_date', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('for_citizen', 'integer', zero)
    .addColumn('actor_name', 'text', notNull)
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('inquiry_events_inquiry_idx')
    .on('inquiry_events')
    .column('inquiry_id')
    .execute();

  await withId(db, db.schema.createTable('inquiry_attachments'))
    .addColumn('inquiry_id', 'integer', (c) => c.notNull().references('inquiries.id'))
    .addColumn('file_name', 'text', notNull)
    .addColumn('content_type', 'text', notNull)
    .addColumn('size', 'integer', notNull)
    .addColumn('storage_path', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('inquiry_transfers'))
    .addColumn('inquiry_id', 'integer', (c) => c.notNull().references('inquiries.id'))
    .addColumn('from_office_id', 'integer', (c) => c.references('offices.id'))
    .addColumn('to_office_id', 'integer', (c) => c.notNull().references('offices.id'))
    .addColumn('reason', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('requested_by_name', 'text', notNull)
    .addColumn('requested_at', 'text', notNull)
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decline_reason', 'text')
    .execute();

  await withId(db, db.schema.createTable('inquiry_routing_rules'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('topic', 'text', notNull)
    .addColumn('village_id', 'integer', (c) => c.references('villages.id'))
    .addColumn('office_id', 'integer', (c) => c.notNull().references('offices.id'))
    .addColumn('created_at', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('inquiry_faqs'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('office_id', 'integer', (c) => c.references('offices.id'))
    .addColumn('source_inquiry_id', 'integer', (c) => c.references('inquiries.id'))
    .addColumn('question', 'text', notNull)
    .addColumn('answer', 'text', notNull)
    .addColumn('sort_order', 'integer', zero)
    .addColumn('is_published', 'integer', zero)
    .addColumn('updated_by_name', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('inquiry_monthly_figures'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('month', 'text', notNull)
    .addColumn('figures_json', 'text', notNull)
    .addColumn('published_at', 'text', notNull)
    .addUniqueConstraint('inquiry_monthly_figures_uq', ['agency_id', 'month'])
    .execute();

  await withId(db, db.schema.createTable('inquiry_challenges'))
    .addColumn('token', 'text', notNull)
    .addColumn('answer', 'text', notNull)
    .addColumn('expires_at', 'text', notNull)
    .addColumn('used_at', 'text')
    .addUniqueConstraint('inquiry_challenges_token_uq', ['token'])
    .execute();

  await withId(db, db.schema.createTable('comment_calls'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('office_id', 'integer', (c) => c.references('offices.id'))
    .addColumn('title', 'text', notNull)
    .addColumn('draft_text', 'text', notNull)
    .addColumn('opens_on', 'text', notNull)
    .addColumn('closes_on', 'text', notNull)
    .addColumn('adoption_due_on', 'text', notNull)
    .addColumn('adoption_summary', 'text')
    .addColumn('adoption_published_on', 'text')
    .addColumn('reminded_on', 'text')
    .addColumn('created_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('comment_call_comments'))
    .addColumn('call_id', 'integer', (c) => c.notNull().references('comment_calls.id'))
    .addColumn('body', 'text', notNull)
    .addColumn('public_body', 'text', notNull)
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('screen_json', 'text')
    .addColumn('status', 'text', notNull)
    .addColumn('adoption', 'text')
    .addColumn('adoption_note', 'text')
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('comment_call_comments_call_idx')
    .on('comment_call_comments')
    .column('call_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'comment_call_comments',
    'comment_calls',
    'inquiry_challenges',
    'inquiry_monthly_figures',
    'inquiry_faqs',
    'inquiry_routing_rules',
    'inquiry_transfers',
    'inquiry_attachments',
    'inquiry_events',
    'inquiries',
  ])
    await db.schema.dropTable(t).execute();
}
