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
  request_reason_requests: RequestReasonRequestTable;
  record_corrections: RecordCorrectionTable;
  online_submissions: OnlineSubmissionTable;
  request_month_stats: RequestMonthStatsTable;
  request_summary_state: RequestSummaryStateTable;
}

/** Per agency and month ('YYYY-MM'): the counts the request dashboards show (request-summary.ts keeps them). */
export interface RequestMonthStatsTable {
  agency_id: number;
  month: string;
  received: number;
  closed_granted: number;
  closed_partially_granted: number;
  closed_withheld: number;
  closed_unable: number;
  closed_not_processed: number;
  closed_other: number;
  replies: number;
  on_time: number;
  /** The month's replies by working days from receipt, `[[6, 2], [11, 1]]` (the median's histogram). */
  reply_days_json: string;
}

/** An agency whose summary rows are complete, computed on the calendar with this fingerprint. */
export interface RequestSummaryStateTable {
  agency_id: number;
  calendar_fingerprint: string;
  built_at: string;
}

/** The idempotency key of each online request: a refreshed or re-posted form finds the request it filed. */
export interface OnlineSubmissionTable {
  id: Generated<number>;
  idempotency_key: string;
  agency_id: number;
  request_id: number;
  created_at: string;
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
  /** The clerk's request for an extension, awaiting the disclosure office head (issue 10). */
  extension_requested_days: number | null;
  extension_requested_reason: string | null;
  extension_requested_by: number | null;
  extension_requested_by_name: string | null;
  extension_requested_at: string | null;
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
  /** A 平信 confirmed after the day it arrived: why (条例第三十一条: confirm on arrival). */
  late_confirmation_reason: string | null;
  /** 第三十五条: the later reply date the agency set after asking for reasons, and why. */
  later_reply_on: string | null;
  later_reply_reason: string | null;
  /** 一事一申请 (办法第四条): the request counted as this many items, and why. */
  fee_item_count: number | null;
  fee_split_reason: string | null;
  /** The day the fee notice was issued (the applicant's receipt is fee_notice_on). */
  fee_notice_issued_on: string | null;
  /** 第三十二条: the information is provided no earlier than this (after the 决定公开告知书 + waiting period). */
  disclosure_not_before: string | null;
  /** 第三十六条第（五）项: the agency responsible and its contact. */
  responsible_agency: string | null;
  responsible_contact: string | null;
  /** 第三十六条第（六）项: the earlier reply this repeats. */
  earlier_reply_ref: string | null;
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
  /** The day the applicant received the notice: the correction period runs from it (条例第三十条). */
  delivered_on: string | null;
  delivery_method: string | null;
  /** The request as narrowed by the 补正 (quoted by the reply). */
  corrected_content: string | null;
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
  /** 第三十二条: the 决定公开告知书 sent to the third party that objected, and its delivery. */
  decision_notice_on: string | null;
  decision_notice_delivered_on: string | null;
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

/** 说明理由 (条例第三十五条): the agency asks the applicant for the reasons of a large or repeated request. */
export interface RequestReasonRequestTable {
  id: Generated<number>;
  request_id: number;
  matter: string;
  notice_on: string;
  delivered_on: string | null;
  period_days: number;
  period_end_on: string | null;
  answered_on: string | null;
  answer: string | null;
  created_by_name: string;
  created_at: string;
}

/** 更正 (条例第四十一条): a request to correct a record about the applicant. */
export interface RecordCorrectionTable {
  id: Generated<number>;
  agency_id: number;
  reference: string;
  channel: string;
  received_on: string;
  applicant_name: string;
  contact: string;
  record: string;
  error: string;
  evidence: string;
  status: string;
  due_on: string | null;
  decision: string | null;
  decision_reason: string | null;
  referred_to: string | null;
  decided_on: string | null;
  decided_by_name: string | null;
  letter_doc_no: string | null;
  letter_title: string | null;
  letter_body_json: string | null;
  created_by_name: string;
  created_at: string;
  updated_at: string;
}
