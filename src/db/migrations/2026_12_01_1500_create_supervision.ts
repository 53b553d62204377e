import type { Kysely } from 'kysely';
import { notNull, withId, zero } from './helpers.ts';

/**
 * 监督保障: inspections and their checklist, the problem ledger (evidence, 回头看, 督办), the runs of the daily,
 * weekly and monthly jobs, monthly bulletins, trainings, social evaluation, assessment and 责任追究, and the county's
 * named supervision permission.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('sv_checklist_items'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('code', 'text', notNull)
    .addColumn('label', 'text', notNull)
    .addColumn('basis', 'text')
    .addColumn('check_kind', 'text')
    .addColumn('sort_order', 'integer', zero)
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('sv_checklist_items_code_uq', ['agency_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('sv_inspections'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('organizer_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', notNull)
    .addColumn('quarter', 'integer', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('item_ids_json', 'text', notNull)
    .addColumn('planned_by', 'integer')
    .addColumn('planned_by_name', 'text', notNull)
    .addColumn('summary', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by_name', 'text')
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('sv_inspections_agency_idx')
    .on('sv_inspections')
    .columns(['agency_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('sv_inspection_targets'))
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('sv_inspections.id'))
    .addColumn('unit_kind', 'text', notNull)
    .addColumn('unit_id', 'integer', notNull)
    .addColumn('unit_name', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('checked_at', 'text')
    .addColumn('checked_by_name', 'text')
    .execute();

  await withId(db, db.schema.createTable('sv_inspection_results'))
    .addColumn('target_id', 'integer', (c) => c.notNull().references('sv_inspection_targets.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('sv_checklist_items.id'))
    .addColumn('outcome', 'text', notNull)
    .addColumn('problem_id', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('sv_inspection_results_uq', ['target_id', 'item_id'])
    .execute();

  await withId(db, db.schema.createTable('sv_problems'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('reference', 'text', notNull)
    .addColumn('source', 'text', notNull)
    .addColumn('inspection_id', 'integer')
    .addColumn('checklist_item_id', 'integer')
    .addColumn('unit_kind', 'text', notNull)
    .addColumn('unit_id', 'integer')
    .addColumn('unit_name', 'text', notNull)
    .addColumn('responsible_user_id', 'integer')
    .addColumn('responsible_name', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('description', 'text', notNull)
    .addColumn('link', 'text')
    .addColumn('check_kind', 'text')
    .addColumn('check_key', 'text')
    .addColumn('found_on', 'text', notNull)
    .addColumn('deadline', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('is_recurring', 'integer', zero)
    .addColumn('reopen_count', 'integer', zero)
    .addColumn('rectified_on', 'text')
    .addColumn('rectification_note', 'text')
    .addColumn('rectified_by', 'integer')
    .addColumn('rectified_by_name', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('closed_by', 'integer')
    .addColumn('closed_by_name', 'text')
    .addColumn('close_note', 'text')
    .addColumn('escalated_on', 'text')
    .addColumn('recorded_by', 'integer')
    .addColumn('recorded_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('sv_problems_agency_idx')
    .on('sv_problems')
    .columns(['agency_id', 'status'])
    .execute();
  await db.schema
    .createIndex('sv_problems_check_idx')
    .on('sv_problems')
    .columns(['agency_id', 'check_key'])
    .execute();
  await db.schema.createIndex('sv_problems_ref_uq').on('sv_problems').column('reference').unique().execute();

  await withId(db, db.schema.createTable('sv_evidence'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('sv_problems.id'))
    .addColumn('stage', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('text', 'text')
    .addColumn('file_name', 'text')
    .addColumn('mime', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('content_base64', 'text')
    .addColumn('created_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('sv_evidence_problem_idx').on('sv_evidence').column('problem_id').execute();

  await withId(db, db.schema.createTable('sv_follow_ups'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('sv_problems.id'))
    .addColumn('offset_days', 'integer', notNull)
    .addColumn('due_on', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('notified_on', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_by_name', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('sv_follow_ups_due_idx')
    .on('sv_follow_ups')
    .columns(['status', 'due_on'])
    .execute();

  await withId(db, db.schema.createTable('sv_supervisions'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('sv_problems.id'))
    .addColumn('issuer_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('issued_by', 'integer')
    .addColumn('issued_by_name', 'text', notNull)
    .addColumn('issued_at', 'text', notNull)
    .addColumn('demand', 'text', notNull)
    .addColumn('answer_by', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by_name', 'text')
    .execute();

  await db.schema
    .createTable('sv_permissions')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('permission', 'text', notNull)
    .addColumn('granted_by_name', 'text', notNull)
    .addColumn('granted_at', 'text', notNull)
    .addPrimaryKeyConstraint('sv_permissions_pk', ['user_id', 'permission'])
    .execute();

  await withId(db, db.schema.createTable('sv_runs'))
    .addColumn('kind', 'text', notNull)
    .addColumn('period', 'text', notNull)
    .addColumn('started_at', 'text', notNull)
    .addColumn('finished_at', 'text')
    .addColumn('result_json', 'text')
    .execute();

  await withId(db, db.schema.createTable('sv_bulletins'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('period', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('draft_text', 'text', notNull)
    .addColumn('body_text', 'text', notNull)
    .addColumn('is_edited', 'integer', zero)
    .addColumn('stats_json', 'text', notNull)
    .addColumn('generated_at', 'text', notNull)
    .addColumn('edited_by_name', 'text')
    .addColumn('edited_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('sv_bulletins_period_uq', ['agency_id', 'period'])
    .execute();

  await withId(db, db.schema.createTable('sv_trainings'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('level', 'text', notNull)
    .addColumn('mode', 'text', notNull)
    .addColumn('held_on', 'text', notNull)
    .addColumn('topic', 'text', notNull)
    .addColumn('trainer', 'text', notNull)
    .addColumn('materials', 'text')
    .addColumn('others_json', 'text', notNull)
    .addColumn('created_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createTable('sv_training_attendees')
    .addColumn('training_id', 'integer', (c) => c.notNull().references('sv_trainings.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('sv_training_attendees_pk', ['training_id', 'user_id'])
    .execute();

  await withId(db, db.schema.createTable('sv_questionnaires'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('items_json', 'text', notNull)
    .addColumn('token', 'text', notNull)
    .addColumn('is_open', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('sv_questionnaires_token_uq')
    .on('sv_questionnaires')
    .column('token')
    .unique()
    .execute();
  await withId(db, db.schema.createTable('sv_evaluation_responses'))
    .addColumn('questionnaire_id', 'integer', (c) => c.notNull().references('sv_questionnaires.id'))
    .addColumn('respondent_group', 'text', notNull)
    .addColumn('channel', 'text', notNull)
    .addColumn('respondent_name', 'text')
    .addColumn('scores_json', 'text', notNull)
    .addColumn('comment_raw', 'text')
    .addColumn('comment_screened', 'text')
    .addColumn('entered_by_name', 'text')
    .addColumn('created_at', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('sv_assessments'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('manual_json', 'text', notNull)
    .addColumn('results_json', 'text', notNull)
    .addColumn('computed_at', 'text', notNull)
    .addColumn('computed_by_name', 'text', notNull)
    .addColumn('finalised_at', 'text')
    .addColumn('finalised_by_name', 'text')
    .addUniqueConstraint('sv_assessments_year_uq', ['agency_id', 'year'])
    .execute();
  await withId(db, db.schema.createTable('sv_accountability'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('decided_on', 'text', notNull)
    .addColumn('person', 'text', notNull)
    .addColumn('matter', 'text', notNull)
    .addColumn('basis', 'text', notNull)
    .addColumn('measure', 'text', notNull)
    .addColumn('created_by_name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'sv_accountability',
    'sv_assessments',
    'sv_evaluation_responses',
    'sv_questionnaires',
    'sv_training_attendees',
    'sv_trainings',
    'sv_bulletins',
    'sv_runs',
    'sv_permissions',
    'sv_supervisions',
    'sv_follow_ups',
    'sv_evidence',
    'sv_problems',
    'sv_inspection_results',
    'sv_inspection_targets',
    'sv_inspections',
    'sv_checklist_items',
  ])
    await db.schema.dropTable(t).execute();
}
