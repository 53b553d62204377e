/**
 * Findings: what the checker says about a report. The ids and severities are a published contract
 * (spec/report-check-output.md, docs/report-check.md): never rename an id or change its severity.
 */
import type { CellAddress } from './report-format.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** A rule id of annual-report-format.json (B-BAL …) or one of CHECKER_FINDINGS. */
  rule: string;
  severity: Severity;
  /** Simplified Chinese, naming rows and columns in the report's own words. */
  message: string;
  cells: CellAddress[];
  /** Where in the input, when known (1-based line of the text, or of the HTML/DOCX paragraph stream). */
  location?: { line: number };
}

/**
 * The checker's own finding ids (report-check-output.md "Finding ids and their severity"), plus three ids added
 * by gongkai with their severity (allowed by the same document): CHECK-SKIPPED, CELL-RECOVERED, CELL-ANNOTATED, and
 * CELL-UNIT-CONVERTED (a money unit written in a cell that differs from the column's: "251000元" in the 万元 cell).
 * TABLE-LAYOUT-2019 is an error for a report on 2021 or later and info for 2019–2020 (see layout2019Severity).
 */
export const CHECKER_FINDINGS = {
  'SECTION-MISSING': 'error',
  'SECTION-ORDER': 'error',
  'SECTION-NUMBER-DUPLICATE': 'error',
  'SECTION-NUMBER-WRONG': 'warning',
  'SECTION-HEADING-NONSTANDARD': 'warning',
  'TABLE-MISSING': 'error',
  'TABLE-INCOMPLETE': 'warning',
  'TABLE-LAYOUT-2019': 'error',
  'LABEL-NONSTANDARD': 'warning',
  'CELL-BLANK-AS-ZERO': 'warning',
  'CELL-WU-AS-ZERO': 'warning',
  'CELL-SLASH-AS-ZERO': 'warning',
  'CELL-DASH-AS-ZERO': 'warning',
  'YEAR-MISSING': 'warning',
  'FEE-STATEMENT-MISSING': 'warning',
  'GOV-ACCOUNTABILITY-MISSING': 'warning',
  'TEXT-TABLE-MISMATCH': 'warning',
  'TEXT-BALANCE': 'warning',
  'CHECK-SKIPPED': 'info',
  'CELL-RECOVERED': 'info',
  'CELL-ANNOTATED': 'info',
  'CELL-UNIT-CONVERTED': 'warning',
  'CELL-SPLIT-AMBIGUOUS': 'warning',
  'PLACEHOLDER-TEXT': 'error',
  'TITLE-NONSTANDARD': 'warning',
  'UNIT-HALFWIDTH': 'warning',
  'GOV-ACCOUNTABILITY-NO-RESULT': 'warning',
} as const satisfies Record<string, Severity>;
export type CheckerFindingId = keyof typeof CHECKER_FINDINGS;

/** TABLE-LAYOUT-2019 is legitimate for the years the trial format was in force (2019–2020). */
export function layout2019Severity(year: number | null): Severity {
  return year !== null && year <= 2020 ? 'info' : 'error';
}

/** Build a finding of one of the checker's own ids with its published severity. */
export function finding(
  rule: CheckerFindingId,
  message: string,
  cells: CellAddress[] = [],
  line?: number,
  severity: Severity = CHECKER_FINDINGS[rule],
): Finding {
  const f: Finding = { rule, severity, message, cells };
  if (line !== undefined) f.location = { line };
  return f;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; stable within a severity. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => [f, i] as const)
    .sort((a, b) => severityRank[a[0].severity] - severityRank[b[0].severity] || a[1] - b[1])
    .map(([f]) => f);
}
