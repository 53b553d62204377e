import type { Generated } from 'kysely';

/** Tables of the annual-report generator: one report per agency and year, its snapshots and acknowledgments. */
export interface AnnualReportTables {
  annual_reports: AnnualReportTable;
  annual_report_snapshots: AnnualReportSnapshotTable;
  annual_report_acks: AnnualReportAckTable;
}

export interface AnnualReportTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  /** 'generated' (from gongkai's own records) | 'imported' (a report published outside gongkai, read by the checker). */
  origin: string;
  /** 'draft' | 'finalised' | 'published'. */
  status: string;
  /** JSON: all 200 cells by the checker's addresses. */
  cells_json: string;
  /** JSON: section 六's 信息处理费 figures. */
  fees_json: string;
  /** JSON: narrative text per section id. */
  texts_json: string;
  /** JSON: section ids whose text a person has edited (kept on regeneration). */
  edited_json: string;
  /** JSON: findings of the last check run. */
  findings_json: string;
  snapshot_id: number | null;
  generated_at: string;
  generated_by_name: string;
  /** Imported reports: the file name given. */
  source_file: string | null;
  approver_name: string | null;
  finalised_at: string | null;
  finalised_by_name: string | null;
  published_at: string | null;
  published_by_name: string | null;
  reopen_count: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** What one generation read: when, by whom, how many source rows, and the cells it produced. */
export interface AnnualReportSnapshotTable {
  id: Generated<number>;
  report_id: number;
  agency_id: number;
  year: number;
  taken_at: string;
  taken_by: number | null;
  taken_by_name: string;
  source_counts_json: string;
  cells_json: string;
  fees_json: string;
  facts_json: string;
}

/** A warning acknowledged with a reason (a finding is identified by its rule and message). */
export interface AnnualReportAckTable {
  id: Generated<number>;
  report_id: number;
  fingerprint: string;
  rule: string;
  message: string;
  reason: string;
  acked_by: number | null;
  acked_by_name: string;
  acked_at: string;
}
