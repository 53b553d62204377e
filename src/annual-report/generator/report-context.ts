/** Shared steps of the report use cases: resolve a report with its agency and scope, and check its content. */
import type { DbOrTrx } from '../../db/database.ts';
import { assertCan } from '../../errors.ts';
import type { Actor } from '../../context.ts';
import { agencyScope, getAgency } from '../../org/org.queries.ts';
import type { AgencyScope } from '../../org/access.ts';
import type { Agency } from '../../org/org.ts';
import type { Finding } from '../finding.ts';
import { findReportFor, getReport } from './annual-reports.queries.ts';
import { checkContent } from './check-content.ts';
import { bodyLevelOfKind, type AnnualReport, type Texts } from './report.ts';
import { reportPolicy, type ReportAction } from './report.policy.ts';
import type { Cells, Fees } from '../report-format.ts';

export interface ResolvedReport {
  report: AnnualReport;
  agency: Agency;
  scope: AgencyScope;
}

/** Load a report and check the actor may do `action` with it (outsiders get “not found”). */
export async function resolveReport(
  db: DbOrTrx,
  actor: Actor,
  reportId: number,
  action: ReportAction,
): Promise<ResolvedReport> {
  const report = await getReport(db, reportId);
  const scope = await agencyScope(db, report.agencyId);
  assertCan(reportPolicy[action](actor, scope), { hide: !reportPolicy.view(actor, scope) });
  return { report, agency: await getAgency(db, report.agencyId), scope };
}

/** The cells of the agency's report for the year before, when gongkai holds one (generated or imported). */
export async function previousCells(db: DbOrTrx, agencyId: number, year: number): Promise<Cells | null> {
  return (await findReportFor(db, agencyId, year - 1))?.cells ?? null;
}

/** Check a report's content with everything gongkai knows about its agency and year. */
export async function checkReportContent(
  db: DbOrTrx,
  agency: Agency,
  year: number,
  content: { cells: Cells; fees: Fees; texts: Texts },
  extra: { unmapped?: string[] } = {},
): Promise<Finding[]> {
  return checkContent({
    agencyName: agency.name,
    year,
    ...content,
    bodyLevel: bodyLevelOfKind(agency.kind),
    previous: await previousCells(db, agency.id, year),
    ...extra,
  });
}
