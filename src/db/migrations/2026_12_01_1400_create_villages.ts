import type { Kysely } from 'kysely';
import { notNull, withId, zero } from './helpers.ts';

/**
 * 村级公开: item templates (versioned), which version each village uses, disclosures with their review steps and
 * files, 四议两公开 decision records, and villagers' objections.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('village_item_templates'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('code', 'text', notNull)
    .addColumn('version', 'integer', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('cadence', 'text', notNull)
    .addColumn('min_notice_days', 'integer', zero)
    .addColumn('legal_basis', 'text', notNull)
    .addColumn('fields_json', 'text', notNull)
    .addColumn('offline_note', 'text')
    .addColumn('approvals_json', 'text', notNull)
    .addColumn('attachments_json', 'text', notNull)
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', zero)
    .addColumn('created_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('village_item_templates_uq', ['agency_id', 'code', 'version'])
    .execute();

  await db.schema
    .createTable('village_template_uses')
    .addColumn('village_id', 'integer', (c) => c.notNull().references('villages.id'))
    .addColumn('code', 'text', notNull)
    .addColumn('template_id', 'integer', (c) => c.notNull().references('village_item_templates.id'))
    .addColumn('pushed_at', 'text', notNull)
    .addColumn('pushed_by_name', 'text', notNull)
    .addPrimaryKeyConstraint('village_template_uses_pk', ['village_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('village_decisions'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('village_id', 'integer', (c) => c.notNull().references('villages.id'))
    .addColumn('title', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('proposed_on', 'text', notNull)
    .addColumn('proposal', 'text', notNull)
    .addColumn('consulted_on', 'text', notNull)
    .addColumn('party_meeting_on', 'text', notNull)
    .addColumn('party_total', 'integer', notNull)
    .addColumn('party_present', 'integer', notNull)
    .addColumn('party_agree', 'integer', notNull)
    .addColumn('assembly_kind', 'text', notNull)
    .addColumn('assembly_on', 'text', notNull)
    .addColumn('assembly_total', 'integer', notNull)
    .addColumn('assembly_present', 'integer', notNull)
    .addColumn('assembly_agree', 'integer', notNull)
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('village_disclosures'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('village_id', 'integer', (c) => c.notNull().references('villages.id'))
    .addColumn('template_id', 'integer', (c) => c.notNull().references('village_item_templates.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('code', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('period', 'text')
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', notNull)
    .addColumn('values_json', 'text', notNull)
    .addColumn('notice_days', 'integer', notNull)
    .addColumn('published_on', 'text')
    .addColumn('notice_end_on', 'text')
    .addColumn('round', 'integer', zero)
    .addColumn('supervision_opinion', 'text')
    .addColumn('supervision_reason', 'text')
    .addColumn('supervision_by_name', 'text')
    .addColumn('township_by_name', 'text')
    .addColumn('decision_id', 'integer', (c) => c.references('village_decisions.id'))
    .addColumn('decision_stage', 'text')
    .addColumn('board_posted_at', 'text')
    .addColumn('board_removed_at', 'text')
    .addColumn('board_removed_note', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('village_disclosures_village_idx')
    .on('village_disclosures')
    .columns(['village_id', 'status', 'published_on'])
    .execute();
  await db.schema
    .createIndex('village_disclosures_agency_idx')
    .on('village_disclosures')
    .columns(['agency_id', 'published_on'])
    .execute();
  await db.schema
    .createIndex('village_disclosures_slot_idx')
    .on('village_disclosures')
    .columns(['village_id', 'code', 'period'])
    .execute();

  await withId(db, db.schema.createTable('village_disclosure_files'))
    .addColumn('disclosure_id', 'integer', (c) => c.notNull().references('village_disclosures.id'))
    .addColumn('purpose', 'text', notNull)
    .addColumn('file_name', 'text', notNull)
    .addColumn('mime', 'text', notNull)
    .addColumn('size', 'integer', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('storage_key', 'text', notNull)
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('taken_at', 'text')
    .addColumn('latitude', 'text')
    .addColumn('longitude', 'text')
    .addColumn('created_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('village_disclosure_files_idx')
    .on('village_disclosure_files')
    .column('disclosure_id')
    .execute();

  await withId(db, db.schema.createTable('village_disclosure_steps'))
    .addColumn('disclosure_id', 'integer', (c) => c.notNull().references('village_disclosures.id'))
    .addColumn('round', 'integer', notNull)
    .addColumn('step', 'text', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('reason', 'text')
    .addColumn('user_id', 'integer')
    .addColumn('user_name', 'text', notNull)
    .addColumn('signed_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('village_disclosure_steps_idx')
    .on('village_disclosure_steps')
    .column('disclosure_id')
    .execute();

  await withId(db, db.schema.createTable('village_objections'))
    .addColumn('disclosure_id', 'integer', (c) => c.notNull().references('village_disclosures.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('village_id', 'integer', (c) => c.notNull().references('villages.id'))
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('body', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('answer_due_on', 'text', notNull)
    .addColumn('answer', 'text')
    .addColumn('answered_by_name', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('escalated_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('outcome_by_name', 'text')
    .addColumn('outcome_at', 'text')
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('village_objections_idx')
    .on('village_objections')
    .columns(['agency_id', 'status'])
    .execute();
  await db.schema
    .createIndex('village_objections_item_idx')
    .on('village_objections')
    .column('disclosure_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'village_objections',
    'village_disclosure_steps',
    'village_disclosure_files',
    'village_disclosures',
    'village_decisions',
    'village_template_uses',
    'village_item_templates',
  ])
    await db.schema.dropTable(t).execute();
}
