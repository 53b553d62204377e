/**
 * Generate (or regenerate) an agency's annual report for a year from its records: all 200 cells from the
 * sources, the narrative drafted from the same numbers (sections a person has edited are kept), every check run,
 * and a snapshot of what was read — time, user, source row counts — stored with it.
 */
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { recordEvent } from '../../audit/record-event.ts';
import { InvalidStateError, assertCan, parseInput } from '../../errors.ts';
import { agencyScope, getAgency } from '../../org/org.queries.ts';
import { findReportFor, getReport, upsertReport } from './annual-reports.queries.ts';
import { draftTexts } from './narrative-draft.ts';
import { checkReportContent } from './report-context.ts';
import { isLocked, type AnnualReport, type Texts } from './report.ts';
import { reportPolicy } from './report.policy.ts';
import { gatherSources } from './sources.ts';

export const GenerateReportInput = z.object({
  agencyId: z.number().int().positive(),
  year: z.number().int().min(2008, '年份有误').max(2099, '年份有误'),
});
export type GenerateReportInput = z.infer<typeof GenerateReportInput>;

export async function generateReport(ctx: Ctx, raw: GenerateReportInput): Promise<AnnualReport> {
  const input = parseInput(GenerateReportInput, raw);
  const { db, actor, clock } = ctx;
  const agency = await getAgency(db, input.agencyId);
  const scope = await agencyScope(db, agency.id);
  assertCan(reportPolicy.draft(actor, scope), { hide: !reportPolicy.view(actor, scope) });

  if (input.year > Number(clock.today().slice(0, 4))) {
    throw new InvalidStateError(`${input.year}年尚未开始，不能生成该年度的报告`);
  }
  const existing = await findReportFor(db, agency.id, input.year);
  if (existing && isLocked(existing.status)) {
    throw new InvalidStateError(
      `${input.year}年度报告${existing.status === 'published' ? '已发布' : '已定稿'}，不能重新生成；如需修改，请先重新打开并说明理由`,
    );
  }

  const sources = await gatherSources(db, agency.id, input.year);
  const drafted = draftTexts({
    agencyName: agency.name,
    agencyShortName: agency.shortName,
    year: input.year,
    isPeoplesGovernment: agency.isPeopleGovernment,
    cells: sources.cells,
    fees: sources.fees,
    facts: sources.facts,
  });
  const kept = existing?.origin === 'generated' ? existing.edited : [];
  const texts = { ...drafted } as Texts;
  for (const id of kept) texts[id] = existing!.texts[id];
  const findings = await checkReportContent(
    db,
    agency,
    input.year,
    { cells: sources.cells, fees: sources.fees, texts },
    { unmapped: sources.unmapped },
  );

  const now = clock.now().toISOString();
  const byName = actor.kind === 'user' ? actor.name : actor.kind === 'system' ? actor.name : '公众';
  const row = {
    origin: 'generated',
    status: 'draft',
    cells_json: JSON.stringify(sources.cells),
    fees_json: JSON.stringify(sources.fees),
    texts_json: JSON.stringify(texts),
    edited_json: JSON.stringify(kept),
    findings_json: JSON.stringify(findings),
    generated_at: now,
    generated_by_name: byName,
    source_file: null,
    updated_at: now,
  };
  const id = await db.transaction().execute(async (trx) => {
    const reportId = await upsertReport(trx, existing, { agencyId: agency.id, year: input.year, now }, row);
    const snap = await trx
      .insertInto('annual_report_snapshots')
      .values({
        report_id: reportId,
        agency_id: agency.id,
        year: input.year,
        taken_at: now,
        taken_by: actor.kind === 'user' ? actor.userId : null,
        taken_by_name: byName,
        source_counts_json: JSON.stringify(sources.counts),
        cells_json: JSON.stringify(sources.cells),
        fees_json: JSON.stringify(sources.fees),
        facts_json: JSON.stringify(sources.facts),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('annual_reports')
      .set({ snapshot_id: snap.id })
      .where('id', '=', reportId)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'annual_report.generated',
      objectType: 'annual_report',
      objectId: reportId,
      agencyId: agency.id,
      after: {
        year: input.year,
        sources: sources.counts,
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
      },
    });
    return reportId;
  });
  return getReport(db, id);
}
