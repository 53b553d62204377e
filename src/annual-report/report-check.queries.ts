/** All SQL of 年报体检 (report_check_uploads), with the row → domain mapping in one place. */
import type { DbOrTrx } from '../db/database.ts';
import type { CheckResult } from './check-report.ts';

export interface ReportCheckUpload {
  id: number;
  agencyId: number;
  uploadedByName: string;
  uploadedAt: string;
  fileName: string;
  sizeBytes: number;
  reportAgency: string | null;
  reportYear: number | null;
  errorCount: number;
  warningCount: number;
}

const listColumns = [
  'id',
  'agency_id',
  'uploaded_by_name',
  'uploaded_at',
  'file_name',
  'size_bytes',
  'report_agency',
  'report_year',
  'error_count',
  'warning_count',
] as const;

type ListRow = {
  id: number;
  agency_id: number;
  uploaded_by_name: string;
  uploaded_at: string;
  file_name: string;
  size_bytes: number;
  report_agency: string | null;
  report_year: number | null;
  error_count: number;
  warning_count: number;
};

function toUpload(r: ListRow): ReportCheckUpload {
  return {
    id: Number(r.id),
    agencyId: Number(r.agency_id),
    uploadedByName: r.uploaded_by_name,
    uploadedAt: r.uploaded_at,
    fileName: r.file_name,
    sizeBytes: Number(r.size_bytes),
    reportAgency: r.report_agency,
    reportYear: r.report_year === null ? null : Number(r.report_year),
    errorCount: Number(r.error_count),
    warningCount: Number(r.warning_count),
  };
}

export async function insertUpload(
  db: DbOrTrx,
  u: {
    agencyId: number;
    uploadedBy: number | null;
    uploadedByName: string;
    uploadedAt: string;
    fileName: string;
    bytes: Uint8Array;
    sha256: string;
    result: CheckResult;
  },
): Promise<number> {
  const count = (s: string) => u.result.findings.filter((f) => f.severity === s).length;
  const row = await db
    .insertInto('report_check_uploads')
    .values({
      agency_id: u.agencyId,
      uploaded_by: u.uploadedBy,
      uploaded_by_name: u.uploadedByName,
      uploaded_at: u.uploadedAt,
      file_name: u.fileName,
      size_bytes: u.bytes.length,
      sha256: u.sha256,
      content_base64: Buffer.from(u.bytes).toString('base64'),
      report_agency: u.result.agency,
      report_year: u.result.year,
      error_count: count('error'),
      warning_count: count('warning'),
      result_json: JSON.stringify(u.result),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Uploads of the given agencies, newest first. */
export async function listUploads(
  db: DbOrTrx,
  agencyIds: number[],
  limit = 200,
): Promise<ReportCheckUpload[]> {
  if (!agencyIds.length) return [];
  const rows = await db
    .selectFrom('report_check_uploads')
    .select([...listColumns])
    .where('agency_id', 'in', agencyIds)
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toUpload);
}

/** One upload with its stored check result. */
export async function findUpload(
  db: DbOrTrx,
  id: number,
): Promise<(ReportCheckUpload & { result: CheckResult }) | undefined> {
  const r = await db
    .selectFrom('report_check_uploads')
    .select([...listColumns, 'result_json'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { ...toUpload(r), result: JSON.parse(r.result_json) as CheckResult };
}

/** The uploaded file itself. */
export async function findUploadContent(
  db: DbOrTrx,
  id: number,
): Promise<{ agencyId: number; fileName: string; bytes: Uint8Array } | undefined> {
  const r = await db
    .selectFrom('report_check_uploads')
    .select(['agency_id', 'file_name', 'content_base64'])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    r && {
      agencyId: Number(r.agency_id),
      fileName: r.file_name,
      bytes: new Uint8Array(Buffer.from(r.content_base64, 'base64')),
    }
  );
}
