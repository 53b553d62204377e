/**
 * Reopen a finalised or published report, with a reason (audited): the year's data is unlocked and the report
 * goes back to draft (and off the portal) until it is finalised and published again.
 */
import { touchPortal } from '../../portal/portal-version.ts';
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { recordEvent } from '../../audit/record-event.ts';
import { InvalidStateError, parseInput } from '../../errors.ts';
import { getReport } from './annual-reports.queries.ts';
import { resolveReport } from './report-context.ts';
import { isLocked, type AnnualReport } from './report.ts';

export const ReopenReportInput = z.object({
  reason: z.string().trim().min(4, '请说明重新打开的理由（至少4个字）').max(500, '理由过长'),
});
export type ReopenReportInput = z.infer<typeof ReopenReportInput>;

export async function reopenReport(
  ctx: Ctx,
  reportId: number,
  raw: ReopenReportInput,
): Promise<AnnualReport> {
  const input = parseInput(ReopenReportInput, raw);
  const { report } = await resolveReport(ctx.db, ctx.actor, reportId, 'reopen');
  if (!isLocked(report.status)) throw new InvalidStateError('该年度报告尚未定稿，无需重新打开');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // The portal's 信息公开年报 column and home page show published reports: invalidate cached pages.
    await touchPortal(trx);
    await trx
      .updateTable('annual_reports')
      .set({
        status: 'draft',
        finalised_at: null,
        finalised_by_name: null,
        approver_name: null,
        published_at: null,
        published_by_name: null,
        reopen_count: report.reopenCount + 1,
        version: report.version + 1,
        updated_at: now,
      })
      .where('id', '=', report.id)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'annual_report.reopened',
      objectType: 'annual_report',
      objectId: report.id,
      agencyId: report.agencyId,
      before: { status: report.status, approver: report.approverName },
      after: { status: 'draft' },
      note: input.reason,
    });
  });
  return getReport(ctx.db, report.id);
}
