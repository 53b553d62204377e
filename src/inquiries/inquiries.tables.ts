import type { Generated } from 'kysely';

/** Tables of 互动交流 (inquiries) and 意见征集 (comment calls). */
export interface InquiriesTables {
  inquiries: InquiryTable;
  inquiry_events: InquiryEventTable;
  inquiry_attachments: InquiryAttachmentTable;
  inquiry_transfers: InquiryTransferTable;
  inquiry_routing_rules: InquiryRoutingRuleTable;
  inquiry_faqs: InquiryFaqTable;
  inquiry_monthly_figures: InquiryMonthlyFiguresTable;
  inquiry_challenges: InquiryChallengeTable;
  comment_calls: CommentCallTable;
  comment_call_comments: CommentCallCommentTable;
}

export interface InquiryTable {
  id: Generated<number>;
  agency_id: number;
  ref_year: number;
  ref_serial: number;
  reference: string;
  tracking_code: string;
  kind: string;
  topic: string;
  village_id: number | null;
  /** The office the citizen chose (null: 不清楚). */
  office_chosen_id: number | null;
  /** The responsible office (首问负责: stays until another office accepts a transfer). */
  office_id: number | null;
  body: string;
  contact_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  /** Normalised phone or e-mail, for the per-contact rate limit. */
  contact_key: string | null;
  allow_publish: number;
  channel: string;
  status: string;
  /** Screening result at intake (secrecy scan + sensitive words), JSON. */
  screen_json: string | null;
  needs_screening: number;
  submitted_at: string;
  received_on: string;
  due_on: string;
  original_due_on: string;
  extension_days: number | null;
  extension_reason: string | null;
  extended_by_name: string | null;
  draft_reply: string | null;
  draft_outcome: string | null;
  draft_by_name: string | null;
  returned_reason: string | null;
  reply: string | null;
  outcome: string | null;
  approved_by_name: string | null;
  first_replied_on: string | null;
  /** 0/1: the first answer came by the (possibly extended) due date. */
  first_on_time: number | null;
  replied_on: string | null;
  referral_to: string | null;
  reject_reason: string | null;
  converted_request_id: number | null;
  merged_into_id: number | null;
  rating: string | null;
  rating_reason: string | null;
  rated_at: string | null;
  reopen_count: number;
  is_published: number;
  public_title: string | null;
  public_body: string | null;
  public_reply: string | null;
  published_on: string | null;
  alarm_sent_on: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface InquiryEventTable {
  id: Generated<number>;
  inquiry_id: number;
  at: string;
  on_date: string;
  kind: string;
  for_citizen: number;
  actor_name: string;
  note: string | null;
}

export interface InquiryAttachmentTable {
  id: Generated<number>;
  inquiry_id: number;
  file_name: string;
  content_type: string;
  size: number;
  storage_path: string;
  created_at: string;
}

export interface InquiryTransferTable {
  id: Generated<number>;
  inquiry_id: number;
  from_office_id: number | null;
  to_office_id: number;
  reason: string;
  status: string;
  requested_by_name: string;
  requested_at: string;
  decided_by_name: string | null;
  decided_at: string | null;
  decline_reason: string | null;
}

export interface InquiryRoutingRuleTable {
  id: Generated<number>;
  agency_id: number;
  topic: string;
  village_id: number | null;
  office_id: number;
  created_at: string;
}

export interface InquiryFaqTable {
  id: Generated<number>;
  agency_id: number;
  office_id: number | null;
  source_inquiry_id: number | null;
  question: string;
  answer: string;
  sort_order: number;
  is_published: number;
  updated_by_name: string;
  updated_at: string;
}

export interface InquiryMonthlyFiguresTable {
  id: Generated<number>;
  agency_id: number;
  month: string;
  figures_json: string;
  published_at: string;
}

export interface InquiryChallengeTable {
  id: Generated<number>;
  token: string;
  answer: string;
  expires_at: string;
  used_at: string | null;
}

export interface CommentCallTable {
  id: Generated<number>;
  agency_id: number;
  office_id: number | null;
  title: string;
  draft_text: string;
  opens_on: string;
  closes_on: string;
  adoption_due_on: string;
  adoption_summary: string | null;
  adoption_published_on: string | null;
  reminded_on: string | null;
  created_by_name: string;
  created_at: string;
  updated_at: string;
}

export interface CommentCallCommentTable {
  id: Generated<number>;
  call_id: number;
  body: string;
  public_body: string;
  contact_name: string | null;
  contact_phone: string | null;
  screen_json: string | null;
  status: string;
  adoption: string | null;
  adoption_note: string | null;
  created_at: string;
}
