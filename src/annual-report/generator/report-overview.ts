/**
 * A parent agency's (county's) view of a year: the report status of itself and every agency below it against
 * each one's deadline, and the consolidated table — the sum of the finalised or published reports of the agencies
 * below — checked like any report.
 */
import type { Ctx } from '../../context.ts';
import { assertCan, NotFoundError } from '../../errors.ts';
import { descendantsInTree, scopesFromTree } from '../../org/org.queries.ts';
import type { Agency } from '../../org/org.ts';
import { checkCells, type Finding } from '../index.ts';
import { CELL_ADDRESSES, emptyCells, type Cells } from '../report-format.ts';
import { overviewRead } from './annual-reports.queries.ts';
import {
  deadlineFor,
  defaultDeadline,
  isLocked,
  overviewStatus,
  type ReportHead,
  type OverviewStatus,
} from './report.ts';
import { reportPolicy } from './report.policy.ts';

export interface OverviewRow {
  agency: Agency;
  /** Depth below the parent (0 = the parent itself). */
  depth: number;
  /** Its report of the year without the narrative (the overview never shows it). */
  report: ReportHead | null;
  status: OverviewStatus;
  deadline: string;
  errors: number;
  warnings: number;
}

export interface Consolidated {
  cells: Cells;
  findings: Finding[];
  /** Agencies whose reports are summed (finalised or published). */
  included: Agency[];
  /** Agencies below the parent without a finalised report (not in the sum). */
  missing: Agency[];
}

export interface ReportOverview {
  parent: Agency;
  year: number;
  rows: OverviewRow[];
  consolidated: Consolidated;
}

/** Sum cells; a cell unreadable in any summed report is unreadable in the sum (never invented). */
export function sumCells(list: readonly Cells[]): Cells {
  const out = emptyCells();
  for (const a of CELL_ADDRESSES) {
    let total = 0;
    let known = true;
    for (const c of list) {
      const v = c[a];
      if (v === null) known = false;
      else total += v;
    }
    // 万元 stays at 4 decimals (1 元) without float noise.
    out[a] = known ? Math.round(total * 10000) / 10000 : null;
  }
  return out;
}

/** The order of String#localeCompare (the default locale), without building a collator on every comparison. */
const byCode = new Intl.Collator();

export async function reportOverview(ctx: Ctx, parentId: number, year: number): Promise<ReportOverview> {
  const { db, actor, clock } = ctx;
  // One statement: the agencies (the parent, its scope, the agencies below), and the reports and deadline settings
  // of those below. Nothing of it leaves this function unless the actor may see the overview.
  const { agencies: all, reports: reportOf, deadlines } = await overviewRead(db, parentId, year);
  const byId = new Map(all.map((a) => [a.id, a]));
  const parent = byId.get(parentId);
  if (!parent) throw new NotFoundError('未找到该机关');
  const scope = scopesFromTree(all, [parent.id]).get(parent.id)!;
  assertCan(reportPolicy.overview(actor, scope), { hide: !reportPolicy.view(actor, scope) });

  const ids = descendantsInTree(all, parent.id);
  const depthOf = (a: Agency): number =>
    a.id === parent.id || a.parentId == null ? 0 : 1 + depthOf(byId.get(a.parentId)!);
  const today = clock.today();

  const rows: OverviewRow[] = ids
    .map((id) => byId.get(id)!)
    .map((agency) => {
      const report = reportOf.get(agency.id) ?? null;
      const deadline = deadlineFor(year, deadlines.get(agency.id) ?? defaultDeadline(agency.kind));
      return {
        agency,
        depth: depthOf(agency),
        report,
        // A report the county recorded from elsewhere was published there.
        status: overviewStatus(
          report?.origin === 'imported' && report.publishedAt ? 'published' : (report?.status ?? null),
          deadline,
          today,
        ),
        deadline,
        errors: report?.findings.filter((f) => f.severity === 'error').length ?? 0,
        warnings: report?.findings.filter((f) => f.severity === 'warning').length ?? 0,
      };
    })
    .sort((a, b) => a.depth - b.depth || byCode.compare(a.agency.code, b.agency.code));

  const below = rows.filter((r) => r.agency.id !== parent.id);
  const summed = below.filter((r) => r.report && isLocked(r.report.status));
  const cells = sumCells(summed.map((r) => r.report!.cells));
  return {
    parent,
    year,
    rows,
    consolidated: {
      cells,
      findings: summed.length ? checkCells(cells) : [],
      included: summed.map((r) => r.agency),
      missing: below.filter((r) => !summed.includes(r)).map((r) => r.agency),
    },
  };
}
