/**
 * Checking report files: one file → CheckResult, or a CheckError when it cannot be checked at all
 * (report-check-output.md: such a file keeps its place in the output). Shared by the CLI and the web page.
 */
import { checkReport, type CheckError, type CheckResult } from './check-report.ts';
import type { CheckContext } from './cross-checks.ts';
import { parseReportAsync, type ParsedReport } from './parse-report.ts';
import { ReportInputError } from './report-input-error.ts';

export type FileCheck = { result: CheckResult; parsed: ParsedReport } | { error: CheckError };

/** Parse and check one file's bytes; an unreadable file becomes `{ error }`, never an exception. */
export async function checkReportBytes(
  name: string,
  bytes: Uint8Array,
  context: CheckContext = {},
): Promise<FileCheck> {
  try {
    const parsed = await parseReportAsync({ name, bytes });
    return { result: checkReport(parsed, context), parsed };
  } catch (e) {
    if (e instanceof ReportInputError) return { error: { file: name, error: e.message } };
    throw e;
  }
}

/** Count findings by severity. */
export function countFindings(result: CheckResult): { error: number; warning: number; info: number } {
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) n[f.severity]++;
  return n;
}
