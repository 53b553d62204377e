/** Page queries of the back office's 年度报告 pages: what one page shows, read in one call. */
import type { Actor } from '../../context.ts';
import { assertCan } from '../../errors.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { agencyScope, descendantIds, getAgency, listAgencies } from '../../org/org.queries.ts';
import type { Agency } from '../../org/org.ts';
import type { CellAddress } from '../index.ts';
import { findReportFor, findSnapshot, listAcknowledgments, listReports } from './annual-reports.queries.ts';
import { resolveReport } from './report-context.ts';
import { reportPolicy } from './report.policy.ts';
import { fingerprintOf, readiness } from './report.ts';

/** Agencies the actor may import a report for: its own and, for a county inspector/admin, those below it. */
async function importTargets(db: DbOrTrx, actor: Extract<Actor, { kind: 'user' }>): Promise<Agency[]> {
  const ids = await descendantIds(db, actor.agencyId);
  const all = await listAgencies(db);
  const out: Agency[] = [];
  for (const a of all.filter((x) => ids.includes(x.id))) {
    if (reportPolicy.import(actor, await agencyScope(db, a.id))) out.push(a);
  }
  return out;
}

/** The list page: the actor's agency, its reports, and whether it may generate, import (for whom) and overview. */
export async function reportListPage(db: DbOrTrx, actor: Extract<Actor, { kind: 'user' }>) {
  const agency = await getAgency(db, actor.agencyId);
  const scope = await agencyScope(db, agency.id);
  assertCan(reportPolicy.view(actor, scope), { hide: true });
  const reports = await listReports(db, agency.id);
  const canDraft = reportPolicy.draft(actor, scope);
  const hasBelow = (await descendantIds(db, agency.id)).length > 1;
  const canOverview = hasBelow && reportPolicy.overview(actor, scope);
  const targets = await importTargets(db, actor);
  return { agency, reports, canDraft, canOverview, targets };
}
export type ReportListPage = Awaited<ReturnType<typeof reportListPage>>;

/**
 * A report's page: the report and its agency, the acknowledged warnings (fingerprint → reason and who), the
 * snapshot's source counts, last year's report, what the actor may do, readiness, and the cells to mark.
 * (The document itself is `documentOf` in export-report.ts, which imports this feature's index.)
 */
export async function reportDetailPage(db: DbOrTrx, actor: Actor, id: number) {
  const { report, agency, scope } = await resolveReport(db, actor, id, 'view');
  const acks = await listAcknowledgments(db, report.id);
  const acked = new Map(acks.map((a) => [a.fingerprint, `${a.reason}（${a.ackedByName}）`]));
  const snapshot = report.snapshotId ? await findSnapshot(db, report.snapshotId) : undefined;
  const previous = await findReportFor(db, agency.id, report.year - 1);
  return {
    report,
    agency,
    acked,
    snapshot,
    previous,
    canDraft: reportPolicy.draft(actor, scope) && report.status === 'draft',
    canFinalise: reportPolicy.finalise(actor, scope),
    canReopen: reportPolicy.reopen(actor, scope) && report.status !== 'draft',
    ready: readiness(report.findings, acks),
    highlight: new Set<CellAddress>(
      report.findings.filter((f) => f.severity !== 'info').flatMap((f) => f.cells),
    ),
    unacked: report.findings.filter((f) => f.severity === 'warning' && !acked.has(fingerprintOf(f))),
  };
}
export type ReportDetailPage = Awaited<ReturnType<typeof reportDetailPage>>;
