/** Load what the 图解 of a published report is built from: its cells, last year's report, generation's facts. */
import type { DbOrTrx } from '../../db/database.ts';
import { NotFoundError } from '../../errors.ts';
import { findReportFor } from '../generator/annual-reports.queries.ts';
import type { AnnualReport } from '../generator/report.ts';
import { reportGraphic, type GraphicInput, type ReportGraphic } from './report-graphic.ts';

const isFinal = (r: AnnualReport | undefined): r is AnnualReport =>
  !!r && (r.status === 'finalised' || r.status === 'published');

async function proactiveFacts(db: DbOrTrx, r: AnnualReport): Promise<GraphicInput['proactive']> {
  if (r.origin !== 'generated' || r.snapshotId === null) return null;
  const s = await db
    .selectFrom('annual_report_snapshots')
    .select('facts_json')
    .where('id', '=', r.snapshotId)
    .executeTakeFirst();
  try {
    const p = s ? JSON.parse(s.facts_json)?.proactive : null;
    if (!p || typeof p.published !== 'number') return null;
    return {
      published: p.published,
      byCategory: (p.byCategory ?? []).map((b: { name?: unknown; count?: unknown }) => ({
        name: String(b.name),
        count: Number(b.count),
      })),
      byChannel: (p.byChannel ?? []).map((b: { label?: unknown; count?: unknown }) => ({
        label: String(b.label),
        count: Number(b.count),
      })),
    };
  } catch {
    return null;
  }
}

/**
 * The 图解 of an agency's report for a year. `publishedOnly` (the portal) also hides a finalised report that is not
 * yet published; a draft is never drawn. Built on every request from the stored cells, so a republished report's
 * 图解 follows at once.
 */
export async function loadReportGraphic(
  db: DbOrTrx,
  agency: { id: number; name: string },
  year: number,
  publishedOnly = true,
): Promise<{ report: AnnualReport; graphic: ReportGraphic }> {
  const report = await findReportFor(db, agency.id, year);
  if (!isFinal(report) || (publishedOnly && report.status !== 'published'))
    throw new NotFoundError('未找到该年度报告');
  const prev = await findReportFor(db, agency.id, year - 1);
  const previous =
    isFinal(prev) && (!publishedOnly || prev.status === 'published')
      ? { year: prev.year, cells: prev.cells, fees: prev.fees }
      : null;
  const graphic = reportGraphic({
    agencyName: agency.name,
    year,
    status: report.status,
    cells: report.cells,
    fees: report.fees,
    proactive: await proactiveFacts(db, report),
    previous,
  });
  return { report, graphic };
}
