import type { Generated } from 'kysely';

/** Tables of 村级公开: item templates and their use, disclosures, files, review steps, decisions, objections. */
export interface VillagesTables {
  village_item_templates: VillageItemTemplateTable;
  village_template_uses: VillageTemplateUseTable;
  village_disclosures: VillageDisclosureTable;
  village_disclosure_files: VillageDisclosureFileTable;
  village_disclosure_steps: VillageDisclosureStepTable;
  village_decisions: VillageDecisionTable;
  village_objections: VillageObjectionTable;
}

export interface VillageItemTemplateTable {
  id: Generated<number>;
  agency_id: number;
  code: string;
  version: number;
  kind: string;
  name: string;
  cadence: string;
  min_notice_days: number;
  legal_basis: string;
  fields_json: string;
  offline_note: string | null;
  approvals_json: string;
  attachments_json: string;
  is_active: number;
  sort_order: number;
  created_by_name: string;
  created_at: string;
}
export interface VillageTemplateUseTable {
  village_id: number;
  code: string;
  template_id: number;
  pushed_at: string;
  pushed_by_name: string;
}
export interface VillageDisclosureTable {
  id: Generated<number>;
  agency_id: number;
  village_id: number;
  template_id: number;
  kind: string;
  code: string;
  title: string;
  period: string | null;
  due_on: string | null;
  status: string;
  values_json: string;
  notice_days: number;
  published_on: string | null;
  notice_end_on: string | null;
  round: number;
  supervision_opinion: string | null;
  supervision_reason: string | null;
  supervision_by_name: string | null;
  township_by_name: string | null;
  decision_id: number | null;
  decision_stage: string | null;
  board_posted_at: string | null;
  board_removed_at: string | null;
  board_removed_note: string | null;
  created_by: number;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  version: number;
}
export interface VillageDisclosureFileTable {
  id: Generated<number>;
  disclosure_id: number;
  purpose: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  width: number | null;
  height: number | null;
  taken_at: string | null;
  latitude: string | null;
  longitude: string | null;
  created_by_name: string;
  created_at: string;
}
export interface VillageDisclosureStepTable {
  id: Generated<number>;
  disclosure_id: number;
  round: number;
  step: string;
  action: string;
  reason: string | null;
  user_id: number | null;
  user_name: string;
  signed_at: string;
}
export interface VillageDecisionTable {
  id: Generated<number>;
  agency_id: number;
  village_id: number;
  title: string;
  status: string;
  proposed_on: string;
  proposal: string;
  consulted_on: string;
  party_meeting_on: string;
  party_total: number;
  party_present: number;
  party_agree: number;
  assembly_kind: string;
  assembly_on: string;
  assembly_total: number;
  assembly_present: number;
  assembly_agree: number;
  created_by: number;
  created_by_name: string;
  created_at: string;
  updated_at: string;
}
export interface VillageObjectionTable {
  id: Generated<number>;
  disclosure_id: number;
  agency_id: number;
  village_id: number;
  name: string | null;
  phone: string | null;
  body: string;
  status: string;
  answer_due_on: string;
  answer: string | null;
  answered_by_name: string | null;
  answered_at: string | null;
  escalated_on: string | null;
  outcome: string | null;
  outcome_by_name: string | null;
  outcome_at: string | null;
  created_at: string;
}
