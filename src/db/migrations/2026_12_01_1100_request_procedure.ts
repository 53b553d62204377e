import type { Kysely } from 'kysely';
import { notNull, withId } from './helpers.ts';

/**
 * 依申请公开 procedure (issue 11): 补正 delivery, 说明理由 (第三十五条), the later reply date, late confirmation of
 * a 平信, fee items (一事一申请), the 决定公开告知书 to a third party and its waiting period, the responsible agency of
 * a 36(五) reply, the earlier reply of a 重复申请, and the register of 更正 requests (第四十一条).
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const [col, type] of [
    ['late_confirmation_reason', 'text'],
    ['later_reply_on', 'text'],
    ['later_reply_reason', 'text'],
    ['fee_item_count', 'integer'],
    ['fee_split_reason', 'text'],
    ['fee_notice_issued_on', 'text'],
    ['disclosure_not_before', 'text'],
    ['responsible_agency', 'text'],
    ['responsible_contact', 'text'],
    ['earlier_reply_ref', 'text'],
  ] as const)
    await db.schema.alterTable('info_requests').addColumn(col, type).execute();

  await db.schema.alterTable('request_corrections').addColumn('delivered_on', 'text').execute();
  await db.schema.alterTable('request_corrections').addColumn('delivery_method', 'text').execute();
  await db.schema.alterTable('request_corrections').addColumn('corrected_content', 'text').execute();
  await db.schema.alterTable('request_consultations').addColumn('decision_notice_on', 'text').execute();
  await db.schema
    .alterTable('request_consultations')
    .addColumn('decision_notice_delivered_on', 'text')
    .execute();

  await withId(db, db.schema.createTable('request_reason_requests'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('info_requests.id'))
    .addColumn('matter', 'text', notNull)
    .addColumn('notice_on', 'text', notNull)
    .addColumn('delivered_on', 'text')
    .addColumn('period_days', 'integer', notNull)
    .addColumn('period_end_on', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('answer', 'text')
    .addColumn('created_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('request_reason_requests_request')
    .on('request_reason_requests')
    .column('request_id')
    .execute();

  await withId(db, db.schema.createTable('record_corrections'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('reference', 'text', notNull)
    .addColumn('channel', 'text', notNull)
    .addColumn('received_on', 'text', notNull)
    .addColumn('applicant_name', 'text', notNull)
    .addColumn('contact', 'text', notNull)
    .addColumn('record', 'text', notNull)
    .addColumn('error', 'text', notNull)
    .addColumn('evidence', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('due_on', 'text')
    .addColumn('decision', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('referred_to', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('letter_doc_no', 'text')
    .addColumn('letter_title', 'text')
    .addColumn('letter_body_json', 'text')
    .addColumn('created_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('record_corrections_agency')
    .on('record_corrections')
    .columns(['agency_id', 'received_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('record_corrections').execute();
  await db.schema.dropTable('request_reason_requests').execute();
}
