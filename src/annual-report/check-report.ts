/**
 * checkReport: a parsed report → the JSON object of spec/report-check-output.md (without `file`, which the caller
 * adds). Pure: the reading findings, the cross-checks, and the narrative checks.
 */
import { CELL_ADDRESSES, type CellAddress, type Fees, type SectionId } from './report-format.ts';
import { checkCells, type CheckContext } from './cross-checks.ts';
import { finding, sortFindings, type Finding } from './finding.ts';
import {
  bodyLevelOf,
  checkAccountability,
  checkAccountabilityResults,
  checkPlaceholders,
  checkStatements,
  checkTextAgainstTable,
  checkTextBalance,
  isPeoplesGovernment,
  mentionsFees,
  quotedCounts,
} from './narrative.ts';
import type { ParsedReport } from './parse-report.ts';
import type { Layout } from './read-tables.ts';
import type { CellConfidence } from './template-align.ts';

/** One report's result, exactly the object of report-check-output.md. */
export interface CheckResult {
  file: string;
  format: Layout;
  year: number | null;
  agency: string | null;
  complete: boolean;
  sections: { no: string; id: SectionId; found: boolean; heading: string | null }[];
  cells: Record<CellAddress, number | null>;
  fees: Fees;
  findings: Finding[];
  /**
   * Optional extension of report-check-output.md (docs/report-check.md): for each cell whose value was not read
   * under its exact template label, how it was placed. Absent when every cell was read exactly (and for exports).
   */
  confidence?: Partial<Record<CellAddress, Exclude<CellConfidence, 'exact'>>>;
}

/** The object for a file that could not be checked (it keeps its place in the output array). */
export interface CheckError {
  file: string;
  error: string;
}

/** Check a parsed report. `context` may add what the text cannot tell (body level, last year's cells). */
export function checkReport(parsed: ParsedReport, context: CheckContext = {}): CheckResult {
  const findings: Finding[] = [...parsed.readingFindings];
  const bodyLevel = context.bodyLevel !== undefined ? context.bodyLevel : bodyLevelOf(parsed.agency);
  const cellFindings = checkCells(parsed.cells, { ...context, bodyLevel, fees: context.fees ?? parsed.fees });
  findings.push(...cellFindings.map((f) => locate(f, parsed.cellLines)));

  const other = parsed.sections.find((s) => s.id === 'other_matters')!;
  const feeText = other.found ? other.text : parsed.narrative.text;
  if (!mentionsFees(feeText)) {
    findings.push(
      finding(
        'FEE-STATEMENT-MISSING',
        other.found
          ? '“其他需要报告的事项”没有说明信息处理费的收取情况（即使未收费，也应写明“本年度未收取信息处理费”）'
          : '报告没有说明信息处理费的收取情况',
        [],
        other.line ?? undefined,
      ),
    );
  }
  if (isPeoplesGovernment(parsed.agency)) {
    const overview = parsed.sections.find((s) => s.id === 'overview')!;
    const text = overview.found ? overview.text : parsed.narrative.text;
    const missing = checkAccountability(text, overview.line ?? undefined);
    findings.push(
      ...(missing.length ? missing : checkAccountabilityResults(text, overview.line ?? undefined)),
    );
  }
  findings.push(...checkPlaceholders(parsed.narrative), ...checkStatements(parsed.narrative, parsed.cells));
  const quoted = quotedCounts(parsed.narrative);
  findings.push(...checkTextAgainstTable(quoted, parsed.cells), ...checkTextBalance(quoted));

  const cells = {} as Record<CellAddress, number | null>;
  const confidence: Partial<Record<CellAddress, Exclude<CellConfidence, 'exact'>>> = {};
  let inexact = false;
  for (const a of CELL_ADDRESSES) {
    cells[a] = parsed.cells[a];
    const how = parsed.confidence[a];
    if (how && how !== 'exact' && cells[a] !== null) {
      confidence[a] = how;
      inexact = true;
    }
  }
  return {
    file: parsed.name,
    format: parsed.format,
    year: parsed.year,
    agency: parsed.agency,
    complete: parsed.complete,
    sections: parsed.sections.map((s) => ({ no: s.no, id: s.id, found: s.found, heading: s.heading })),
    cells,
    fees: { ...parsed.fees },
    findings: sortFindings(findings).map(withoutEmptyLocation),
    ...(inexact ? { confidence } : {}),
  };
}

/** Point a cross-check finding at the line of the first of its cells that the document showed. */
function locate(f: Finding, lines: Partial<Record<CellAddress, number>>): Finding {
  if (f.location) return f;
  const line = f.cells.map((c) => lines[c]).find((l) => l !== undefined);
  return line ? { ...f, location: { line } } : f;
}

/** A location without a line (e.g. from a JSON export) is left out. */
function withoutEmptyLocation(f: Finding): Finding {
  if (!f.location || f.location.line > 0) return f;
  const { location: _location, ...rest } = f;
  return rest;
}

/** Exit status of report-check-output.md: 1 when any finding is an error, else 0 (2 is decided by the caller). */
export function hasErrors(results: (CheckResult | CheckError)[]): boolean {
  return results.some((r) => 'findings' in r && r.findings.some((f) => f.severity === 'error'));
}
