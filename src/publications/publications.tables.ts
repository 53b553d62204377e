import type { Generated } from 'kysely';

/** Tables of 主动公开: catalogue, publications, review chain, attachments, channels, portal pages, art. 20 registers. */
export interface PublicationsTables {
  pub_categories: PubCategoryTable;
  pub_category_versions: PubCategoryVersionTable;
  publications: PublicationTable;
  publication_attachments: PublicationAttachmentTable;
  publication_reviews: PublicationReviewTable;
  publication_channels: PublicationChannelTable;
  portal_pages: PortalPageTable;
  art20_decisions: Art20DecisionTable;
  art20_fees: Art20FeeTable;
}

export interface PubCategoryTable {
  id: Generated<number>;
  agency_id: number;
  parent_id: number | null;
  code: string;
  name: string;
  sort_order: number;
  /** 0/1: shipped from art. 20 / 21 (cannot be deleted, only hidden). */
  is_statutory: number;
  is_active: number;
  version: number;
  created_at: string;
  updated_at: string;
}
export interface PubCategoryVersionTable {
  id: Generated<number>;
  category_id: number;
  version: number;
  name: string;
  parent_id: number | null;
  sort_order: number;
  is_active: number;
  changed_by: string;
  changed_at: string;
}
export interface PublicationTable {
  id: Generated<number>;
  agency_id: number;
  office_id: number | null;
  category_id: number;
  status: string;
  attribute: string;
  withhold_grounds: string | null;
  index_no: string | null;
  title: string;
  doc_no: string | null;
  issuer: string;
  written_on: string | null;
  published_on: string | null;
  topic: string | null;
  genre: string | null;
  validity: string;
  repealed_on: string | null;
  repealed_by_id: number | null;
  repealed_by_title: string | null;
  keywords: string | null;
  body_html: string;
  body_text: string;
  doc_kind: string;
  interprets_id: number | null;
  is_major: number;
  formed_on: string;
  due_on: string;
  period_override_days: number | null;
  period_override_basis: string | null;
  review_round: number;
  secrecy_signed_by: number | null;
  secrecy_signed_name: string | null;
  secrecy_signed_at: string | null;
  secrecy_note: string | null;
  secrecy_hits_json: string | null;
  created_by: number;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  version: number;
}
export interface PublicationAttachmentTable {
  id: Generated<number>;
  publication_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  text: string | null;
  /** 'read' | 'truncated' | a TextProblem of documents/read-text.ts; null: uploaded before the reader existed. */
  text_status: string | null;
  created_at: string;
}
export interface PublicationReviewTable {
  id: Generated<number>;
  publication_id: number;
  round: number;
  step: string;
  action: string;
  reason: string | null;
  user_id: number;
  user_name: string;
  signed_at: string;
}
export interface PublicationChannelTable {
  id: Generated<number>;
  publication_id: number;
  agency_id: number;
  channel: string;
  used_at: string;
  used_on: string;
  user_name: string;
  note: string | null;
  /** Where the item went out (a 公众号 article's URL), when the channel has links. */
  link: string | null;
}
export interface PortalPageTable {
  agency_id: number;
  slug: string;
  title: string;
  body_html: string;
  version: number;
  updated_by: string;
  updated_at: string;
}
export interface Art20DecisionTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  kind: string;
  count: number;
  decided_on: string | null;
  title: string | null;
  doc_no: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
}
export interface Art20FeeTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  item: string;
  /** Integer 元 (万元 with 4 decimals = 1 元): never a float. */
  amount_yuan: number;
  collected_on: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
}
