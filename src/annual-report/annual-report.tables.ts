import type { Generated } from 'kysely';

/** Tables of the annual-report checker (年报体检): the uploaded files, kept with their check result. */
export interface ReportCheckTables {
  report_check_uploads: ReportCheckUploadTable;
}

export interface ReportCheckUploadTable {
  id: Generated<number>;
  /** The uploader's agency (whose staff and inspectors above may see the upload). */
  agency_id: number;
  uploaded_by: number | null;
  uploaded_by_name: string;
  uploaded_at: string;
  file_name: string;
  size_bytes: number;
  sha256: string;
  /** The file itself, base64 (portable between SQLite and PostgreSQL; files are ≤ 20 MB). */
  content_base64: string;
  /** What the report says it is (from the check), for listing. */
  report_agency: string | null;
  report_year: number | null;
  error_count: number;
  warning_count: number;
  /** The CheckResult at upload time (JSON). */
  result_json: string;
}
