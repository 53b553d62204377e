import type { Generated } from 'kysely';

/** Tables of 监督保障 (migration 2026_12_01_1500_create_supervision). */
export interface SupervisionTables {
  sv_checklist_items: SvChecklistItemTable;
  sv_inspections: SvInspectionTable;
  sv_inspection_targets: SvInspectionTargetTable;
  sv_inspection_results: SvInspectionResultTable;
  sv_problems: SvProblemTable;
  sv_evidence: SvEvidenceTable;
  sv_follow_ups: SvFollowUpTable;
  sv_supervisions: SvSupervisionTable;
  sv_permissions: SvPermissionTable;
  sv_runs: SvRunTable;
  sv_bulletins: SvBulletinTable;
  sv_trainings: SvTrainingTable;
  sv_training_attendees: SvTrainingAttendeeTable;
  sv_questionnaires: SvQuestionnaireTable;
  sv_evaluation_responses: SvEvaluationResponseTable;
  sv_assessments: SvAssessmentTable;
  sv_accountability: SvAccountabilityTable;
}

export interface SvChecklistItemTable {
  id: Generated<number>;
  agency_id: number;
  code: string;
  label: string;
  basis: string | null;
  /** The daily-check provider that can verify this item by machine (null: checked by a person). */
  check_kind: string | null;
  sort_order: number;
  is_active: number;
  created_at: string;
}
export interface SvInspectionTable {
  id: Generated<number>;
  /** The agency inspected (whose ledger receives the problems). */
  agency_id: number;
  /** The agency that organised it: the same agency, or the county above it. */
  organizer_agency_id: number;
  year: number;
  quarter: number;
  title: string;
  /** 'planned' | 'in_progress' | 'closed'. */
  status: string;
  item_ids_json: string;
  planned_by: number | null;
  planned_by_name: string;
  summary: string | null;
  closed_at: string | null;
  closed_by_name: string | null;
  created_at: string;
}
export interface SvInspectionTargetTable {
  id: Generated<number>;
  inspection_id: number;
  /** 'office' | 'village' | 'agency'. */
  unit_kind: string;
  unit_id: number;
  unit_name: string;
  /** 'pending' | 'done'. */
  status: string;
  checked_at: string | null;
  checked_by_name: string | null;
}
export interface SvInspectionResultTable {
  id: Generated<number>;
  target_id: number;
  item_id: number;
  /** 'passed' | 'problem'. */
  outcome: string;
  problem_id: number | null;
  note: string | null;
  created_at: string;
}
export interface SvProblemTable {
  id: Generated<number>;
  agency_id: number;
  reference: string;
  /** 'inspection' | 'daily_check' | 'county' | 'manual' | 'annual_report'. */
  source: string;
  inspection_id: number | null;
  checklist_item_id: number | null;
  unit_kind: string;
  unit_id: number | null;
  unit_name: string;
  /**
   * The village the problem is about (所涉村), whoever is responsible (migration 2026_12_05_0200_problem_village):
   * its village accounts read it (supervisionPolicy.readProblem). Null: no village.
   */
  village_id: Generated<number | null>;
  responsible_user_id: number | null;
  responsible_name: string;
  title: string;
  description: string;
  link: string | null;
  check_kind: string | null;
  check_key: string | null;
  found_on: string;
  deadline: string;
  /** 'open' | 'rectified' | 'closed'. */
  status: string;
  is_recurring: number;
  reopen_count: number;
  rectified_on: string | null;
  rectification_note: string | null;
  rectified_by: number | null;
  rectified_by_name: string | null;
  closed_on: string | null;
  closed_by: number | null;
  closed_by_name: string | null;
  close_note: string | null;
  escalated_on: string | null;
  recorded_by: number | null;
  recorded_by_name: string;
  created_at: string;
  updated_at: string;
  version: number;
}
export interface SvEvidenceTable {
  id: Generated<number>;
  problem_id: number;
  /** 'found' | 'rectification' | 'follow_up' | 'answer'. */
  stage: string;
  /** 'text' | 'photo' | 'link'. */
  kind: string;
  text: string | null;
  file_name: string | null;
  mime: string | null;
  size_bytes: number | null;
  content_base64: string | null;
  created_by_name: string;
  created_at: string;
}
export interface SvFollowUpTable {
  id: Generated<number>;
  problem_id: number;
  offset_days: number;
  due_on: string;
  /** 'scheduled' | 'passed' | 'recurred' | 'cancelled'. */
  status: string;
  notified_on: string | null;
  done_at: string | null;
  done_by_name: string | null;
  note: string | null;
}
export interface SvSupervisionTable {
  id: Generated<number>;
  problem_id: number;
  issuer_agency_id: number;
  issued_by: number | null;
  issued_by_name: string;
  issued_at: string;
  demand: string;
  answer_by: string;
  /** 'waiting' | 'answered'. */
  status: string;
  answer: string | null;
  answered_at: string | null;
  answered_by_name: string | null;
}
export interface SvPermissionTable {
  user_id: number;
  permission: string;
  granted_by_name: string;
  granted_at: string;
}
export interface SvRunTable {
  id: Generated<number>;
  kind: string;
  period: string;
  started_at: string;
  finished_at: string | null;
  result_json: string | null;
}
export interface SvBulletinTable {
  id: Generated<number>;
  agency_id: number;
  /** 'YYYY-MM'. */
  period: string;
  /** 'draft' | 'published'. */
  status: string;
  title: string;
  /** The text drafted from the data (refreshed on every regeneration). */
  draft_text: string;
  /** The text that is exported and published (a person's edit, or the draft). */
  body_text: string;
  is_edited: number;
  stats_json: string;
  generated_at: string;
  edited_by_name: string | null;
  edited_at: string | null;
  published_at: string | null;
  published_by_name: string | null;
  version: number;
}
export interface SvTrainingTable {
  id: Generated<number>;
  agency_id: number;
  /** 'superior' (上级业务培训) | 'township' (本级业务培训). */
  level: string;
  /** 'held' | 'attended'. */
  mode: string;
  held_on: string;
  topic: string;
  trainer: string;
  materials: string | null;
  /** JSON string[]: attendees who are not users. */
  others_json: string;
  created_by_name: string;
  created_at: string;
}
export interface SvTrainingAttendeeTable {
  training_id: number;
  user_id: number;
}
export interface SvQuestionnaireTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  title: string;
  items_json: string;
  token: string;
  is_open: number;
  created_by_name: string;
  created_at: string;
}
export interface SvEvaluationResponseTable {
  id: Generated<number>;
  questionnaire_id: number;
  /** 'public' | 'npc_deputy' | 'cppcc_member'. */
  respondent_group: string;
  /** 'online' | 'paper'. */
  channel: string;
  respondent_name: string | null;
  scores_json: string;
  comment_raw: string | null;
  comment_screened: string | null;
  entered_by_name: string | null;
  created_at: string;
}
export interface SvAssessmentTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  /** 'draft' | 'final'. */
  status: string;
  manual_json: string;
  results_json: string;
  computed_at: string;
  computed_by_name: string;
  finalised_at: string | null;
  finalised_by_name: string | null;
}
export interface SvAccountabilityTable {
  id: Generated<number>;
  agency_id: number;
  decided_on: string;
  person: string;
  matter: string;
  basis: string;
  measure: string;
  created_by_name: string;
  created_at: string;
}
