import type { Generated } from 'kysely';

/** Tables of 依申请公开 (disclosure on request): requests, their steps, letters, fees and appeals. */
export interface RequestsTables {
  info_requests: InfoRequestTable;
  request_corrections: RequestCorrectionTable;
  request_consultations: RequestConsultationTable;
  request_notes: RequestNoteTable;
  request_attachments: RequestAttachmentTable;
  request_letters: RequestLetterTable;
  request_deliveries: RequestDeliveryTable;
  request_withheld_parts: RequestWithheldPartTable;
  request_fee_waivers: RequestFeeWaiverTable;
  request_appeals: RequestAppealTable;
  request_letter_templates: RequestLetterTemplateTable;
}

export interface InfoRequestTable {
  id: Generated<number>;
  agency_id: number;
  /** The year of the reference number (registration year). */
  ref_year: number;
  ref_serial: number;
  reference: string;
  tracking_code: string;
  status: string;
  channel: string;
  /** The day the request was handed in / arrived / submitted online. */
  submitted_on: string;
  /** 收到申请之日 (条例第三十一条); null while awaiting confirmation. */
  received_on: string | null;
  receipt_evidence: string | null;
  filled_on_behalf: number;
  applicant_kind: string;
  applicant_name: string;
  id_type: string;
  id_number: string;
  /** Normalised identity (ID number / credit code) for duplicates and the monthly fee counter. */
  applicant_key: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  info_description: string;
  info_doc_no: string | null;
  form_requested: string;
  delivery_requested: string;
  needs_assistance: number;
  assistance_note: string | null;
  office_id: number | null;
  handler_id: number | null;
  due_on: string | null;
  original_due_on: string | null;
  due_provisional: number;
  correction_notice_due_on: string | null;
  calendar_version: string | null;
  extension_days: number | null;
  extension_reason: string | null;
  extension_approved_by: number | null;
  extension_approved_by_name: string | null;
  extension_approved_at: string | null;
  fee_method: string;
  fee_pages: number | null;
  fee_amount: number;
  fee_notice_on: string | null;
  fee_due_on: string | null;
  fee_paid_on: string | null;
  fee_paid_amount: number;
  fee_receipt_no: string | null;
  outcome: string | null;
  report_row: string | null;
  basis: string | null;
  decision_reason: string | null;
  decision_detail: string | null;
  decided_by: number | null;
  decided_by_name: string | null;
  approved_by: number | null;
  approved_by_name: string | null;
  approved_at: string | null;
  /** The day the request was closed (reply issued, abandoned, withdrawn): the Table B year. */
  closed_on: string | null;
  delivered_on: string | null;
  archived_at: string | null;
  duplicate_of_id: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RequestCorrectionTable {
  id: Generated<number>;
  request_id: number;
  items: string;
  guidance: string | null;
  notice_on: string;
  period_days: number;
  period_end_on: string;
  received_on: string | null;
  override_reason: string | null;
  created_by_name: string;
  created_at: string;
}

export interface RequestConsultationTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  party: string;
  matter: string;
  sent_on: string;
  delivered_on: string | null;
  answered_on: string | null;
  answer: string | null;
  answer_note: string | null;
  created_at: string;
}

export interface RequestNoteTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  body: string;
  author_id: number | null;
  author_name: string;
  created_at: string;
}

export interface RequestAttachmentTable {
  id: Generated<number>;
  request_id: number;
  file_name: string;
  content_type: string;
  size: number;
  storage_path: string;
  source: string;
  uploaded_by_name: string;
  created_at: string;
}

export interface RequestLetterTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  doc_no: string;
  title: string;
  addressee: string;
  /** The frozen text: JSON array of paragraphs. */
  body_json: string;
  issued_on: string;
  /** Shown to the applicant on /track. */
  for_applicant: number;
  created_by_name: string;
  created_at: string;
}

export interface RequestDeliveryTable {
  id: Generated<number>;
  request_id: number;
  letter_id: number | null;
  method: string;
  delivered_on: string;
  proof: string | null;
  created_by_name: string;
  created_at: string;
}

export interface RequestWithheldPartTable {
  id: Generated<number>;
  request_id: number;
  part: string;
  ground: string;
  reason: string;
}

export interface RequestFeeWaiverTable {
  id: Generated<number>;
  request_id: number;
  is_full: number;
  amount_waived: number;
  reason: string;
  decided_by: number | null;
  decided_by_name: string;
  decided_role: string;
  decided_on: string;
  superseded: number;
  created_at: string;
}

export interface RequestAppealTable {
  id: Generated<number>;
  agency_id: number;
  request_id: number | null;
  kind: string;
  filed_on: string;
  body: string;
  case_no: string | null;
  result: string;
  concluded_on: string | null;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RequestLetterTemplateTable {
  agency_id: number;
  kind: string;
  title: string;
  body: string;
  updated_by_name: string;
  updated_at: string;
}
