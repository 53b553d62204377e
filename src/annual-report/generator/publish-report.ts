/** Publish a finalised report in the portal's 信息公开年报 column (条例第四十九条: 向社会公布). */
import { touchPortal } from '../../portal/portal-version.ts';
import type { Ctx } from '../../context.ts';
import { recordEvent } from '../../audit/record-event.ts';
import { InvalidStateError } from '../../errors.ts';
import { getReport } from './annual-reports.queries.ts';
import { resolveReport } from './report-context.ts';
import type { AnnualReport } from './report.ts';

export async function publishReport(ctx: Ctx, reportId: number): Promise<AnnualReport> {
  const { report } = await resolveReport(ctx.db, ctx.actor, reportId, 'finalise');
  if (report.status !== 'finalised') throw new InvalidStateError('只有已定稿的年度报告可以发布');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // The portal's 信息公开年报 column and home page show published reports: invalidate cached pages.
    await touchPortal(trx);
    await trx
      .updateTable('annual_reports')
      .set({
        status: 'published',
        published_at: now,
        published_by_name: ctx.actor.kind === 'public' ? '公众' : ctx.actor.name,
        version: report.version + 1,
        updated_at: now,
      })
      .where('id', '=', report.id)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'annual_report.published',
      objectType: 'annual_report',
      objectId: report.id,
      agencyId: report.agencyId,
      after: { year: report.year },
    });
  });
  return getReport(ctx.db, report.id);
}
