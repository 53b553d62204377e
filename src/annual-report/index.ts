/**
 * The annual-report feature's public API: the model (200 cells), the cross-checks, the parsers and the checker.
 * Later features (generator, requests, publications, web) import from here only.
 */
export {
  CELL_ADDRESSES,
  A_CELL_ADDRESSES,
  B_CELL_ADDRESSES,
  C_CELL_ADDRESSES,
  A_BLOCKS,
  B_ROWS,
  B_COLUMNS,
  B_APPLICANT_COLUMNS,
  B_ROW_DEFS,
  C_GROUPS,
  C_COLUMNS,
  DECIMAL_CELL,
  FEE_FIELDS,
  FEE_LABELS,
  LABELS,
  SECTIONS,
  SECTION_IDS,
  TABLE_TITLES,
  describeCell,
  emptyCells,
  formatSpec,
  isCellAddress,
  zeroCells,
  type ABlockId,
  type ACellAddress,
  type BCellAddress,
  type CCellAddress,
  type BColumnId,
  type BRowId,
  type CColumnId,
  type CellAddress,
  type CellValue,
  type Cells,
  type CGroupId,
  type FeeFieldId,
  type Fees,
  type SectionDef,
  type SectionId,
} from './report-format.ts';
export { IDENTITIES, checkCells, type BodyLevel, type CheckContext, type Identity } from './cross-checks.ts';
export {
  CHECKER_FINDINGS,
  sortFindings,
  type CheckerFindingId,
  type Finding,
  type Severity,
} from './finding.ts';
export {
  MAX_REPORT_BYTES,
  ReportInputError,
  parseReport,
  parseReportAsync,
  type ParsedReport,
  type ParsedSection,
  type ReportInputProblem,
  type SourceKind,
} from './parse-report.ts';
export { checkReport, hasErrors, type CheckError, type CheckResult } from './check-report.ts';
export { checkReportBytes, countFindings, type FileCheck } from './check-files.ts';
export { writeCheckSummary } from './check-summary.ts';
export {
  AnnualReportExportSchema,
  buildExport,
  isExportJson,
  readExport,
  type AnnualReportExport,
} from './export-json.ts';
export type { Layout } from './read-tables.ts';
export { findReportFor, listPublishedReports } from './generator/annual-reports.queries.ts';
export { EXPORT_FORMATS } from './generator/export-formats.ts';
export {
  OVERVIEW_STATUS_LABELS,
  defaultDeadline,
  deadlineFor,
  overviewStatus,
  type OverviewStatus,
  type ReportStatus,
} from './generator/report.ts';
export { DEADLINE_SETTING, deadlineSettings } from './generator/annual-reports.queries.ts';
