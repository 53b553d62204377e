import type { Kysely } from 'kysely';
import { notNull, withId, zero } from './helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('info_requests'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('ref_year', 'integer', notNull)
    .addColumn('ref_serial', 'integer', notNull)
    .addColumn('reference', 'text', notNull)
    .addColumn('tracking_code', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('channel', 'text', notNull)
    .addColumn('submitted_on', 'text', notNull)
    .addColumn('received_on', 'text')
    .addColumn('receipt_evidence', 'text')
    .addColumn('filled_on_behalf', 'integer', zero)
    .addColumn('applicant_kind', 'text', notNull)
    .addColumn('applicant_name', 'text', notNull)
    .addColumn('id_type', 'text', notNull)
    .addColumn('id_number', 'text', notNull)
    .addColumn('applicant_key', 'text', notNull)
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('info_description', 'text', notNull)
    .addColumn('info_doc_no', 'text')
    .addColumn('form_requested', 'text', notNull)
    .addColumn('delivery_requested', 'text', notNull)
    .addColumn('needs_assistance', 'integer', zero)
    .addColumn('assistance_note', 'text')
    .addColumn('office_id', 'integer', (c) => c.references('offices.id'))
    .addColumn('handler_id', 'integer', (c) => c.references('users.id'))
    .addColumn('due_on', 'text')
    .addColumn('original_due_on', 'text')
    .addColumn('due_provisional', 'integer', zero)
    .addColumn('correction_notice_due_on', 'text')
    .addColumn('calendar_version', 'text')
    .addColumn('extension_days', 'integer')
    .addColumn('extension_reason', 'text')
    .addColumn('extension_approved_by', 'integer')
    .addColumn('extension_approved_by_name', 'text')
    .addColumn('extension_approved_at', 'text')
    .addColumn('fee_method', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('fee_pages', 'integer')
    .addColumn('fee_amount', 'integer', zero)
    .addColumn('fee_notice_on', 'text')
    .addColumn('fee_due_on', 'text')
    .addColumn('fee_paid_on', 'text')
    .addColumn('fee_paid_amount', 'integer', zero)
    .addColumn('fee_receipt_no', 'text')
    .addColumn('outcome', 'text')
    .addColumn('report_row', 'text')
    .addColumn('basis', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('decision_detail', 'text')
    .addColumn('decided_by', 'integer')
    .addColumn('decided_by_name', 'text')
    .addColumn('approved_by', 'integer')
    .addColumn('approved_by_name', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('delivered_on', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('duplicate_of_id', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addUniqueConstraint('info_requests_reference_uq', ['agency_id', 'ref_year', 'ref_serial'])
    .execute();
  await db.schema
    .createIndex('info_requests_agency_received_idx')
    .on('info_requests')
    .columns(['agency_id', 'received_on'])
    .execute();
  await db.schema
    .createIndex('info_requests_agency_closed_idx')
    .on('info_requests')
    .columns(['agency_id', 'closed_on'])
    .execute();
  await db.schema
    .createIndex('info_requests_agency_status_idx')
    .on('info_requests')
    .columns(['agency_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('info_requests_applicant_idx')
    .on('info_requests')
    .columns(['agency_id', 'applicant_key'])
    .execute();
  await db.schema
    .createIndex('info_requests_reference_idx')
    .on('info_requests')
    .column('reference')
    .execute();

  const child = (name: string) =>
    withId(db, db.schema.createTable(name)).addColumn('request_id', 'integer', (c) =>
      c.notNull().references('info_requests.id'),
    );

  await child('request_corrections')
    .addColumn('items', 'text', notNull)
    .addColumn('guidance', 'text')
    .addColumn('notice_on', 'text', notNull)
    .addColumn('period_days', 'integer', notNull)
    .addColumn('period_end_on', 'text', notNull)
    .addColumn('received_on', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('created_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();

  await child('request_consultations')
    .addColumn('kind', 'text', notNull)
    .addColumn('party', 'text', notNull)
    .addColumn('matter', 'text', notNull)
    .addColumn('sent_on', 'text', notNull)
    .addColumn('delivered_on', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('answer', 'text')
    .addColumn('answer_note', 'text')
    .addColumn('created_at', 'text', notNull)
    .execute();

  await child('request_notes')
    .addColumn('kind', 'text', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('author_id', 'integer')
    .addColumn('author_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();

  await child('request_attachments')
    .addColumn('file_name', 'text', notNull)
    .addColumn('content_type', 'text', notNull)
    .addColumn('size', 'integer', notNull)
    .addColumn('storage_path', 'text', notNull)
    .addColumn('source', 'text', notNull)
    .addColumn('uploaded_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();

  await child('request_letters')
    .addColumn('kind', 'text', notNull)
    .addColumn('doc_no', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('addressee', 'text', notNull)
    .addColumn('body_json', 'text', notNull)
    .addColumn('issued_on', 'text', notNull)
    .addColumn('for_applicant', 'integer', zero)
    .addColumn('created_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();

  await child('request_deliveries')
    .addColumn('letter_id', 'integer', (c) => c.references('request_letters.id'))
    .addColumn('method', 'text', notNull)
    .addColumn('delivered_on', 'text', notNull)
    .addColumn('proof', 'text')
    .addColumn('created_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();

  await child('request_withheld_parts')
    .addColumn('part', 'text', notNull)
    .addColumn('ground', 'text', notNull)
    .addColumn('reason', 'text', notNull)
    .execute();

  await child('request_fee_waivers')
    .addColumn('is_full', 'integer', notNull)
    .addColumn('amount_waived', 'integer', notNull)
    .addColumn('reason', 'text', notNull)
    .addColumn('decided_by', 'integer')
    .addColumn('decided_by_name', 'text', notNull)
    .addColumn('decided_role', 'text', notNull)
    .addColumn('decided_on', 'text', notNull)
    .addColumn('superseded', 'integer', zero)
    .addColumn('created_at', 'text', notNull)
    .execute();

  for (const t of [
    'request_corrections',
    'request_consultations',
    'request_notes',
    'request_attachments',
    'request_letters',
    'request_deliveries',
    'request_withheld_parts',
    'request_fee_waivers',
  ]) {
    await db.schema.createIndex(`${t}_request_idx`).on(t).column('request_id').execute();
  }

  await withId(db, db.schema.createTable('request_appeals'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('request_id', 'integer', (c) => c.references('info_requests.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('filed_on', 'text', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('case_no', 'text')
    .addColumn('result', 'text', notNull)
    .addColumn('concluded_on', 'text')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('request_appeals_agency_idx')
    .on('request_appeals')
    .columns(['agency_id', 'filed_on'])
    .execute();

  await db.schema
    .createTable('request_letter_templates')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('updated_by_name', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addPrimaryKeyConstraint('request_letter_templates_pk', ['agency_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'request_letter_templates',
    'request_appeals',
    'request_fee_waivers',
    'request_withheld_parts',
    'request_deliveries',
    'request_letters',
    'request_attachments',
    'request_notes',
    'request_consultations',
    'request_corrections',
    'info_requests',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
