/**
 * Finalise a draft report under the approver's name. The records are read again: if they no longer give the
 * report's cells, it must be regenerated first (so a finalised report is exactly what the records say). Every
 * check runs again; an error blocks, and so does a warning without an acknowledgment. From now on the year is
 * locked (assertReportYearOpen).
 */
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { recordEvent } from '../../audit/record-event.ts';
import { InvalidStateError, parseInput } from '../../errors.ts';
import { CELL_ADDRESSES, FEE_FIELDS } from '../report-format.ts';
import { getReport, listAcknowledgments } from './annual-reports.queries.ts';
import { checkReportContent, resolveReport } from './report-context.ts';
import { readiness, type AnnualReport } from './report.ts';
import { gatherSources } from './sources.ts';

export const FinaliseReportInput = z.object({
  approverName: z.string().trim().min(2, '请填写审定人姓名').max(50, '姓名过长'),
});
export type FinaliseReportInput = z.infer<typeof FinaliseReportInput>;

/** A finalising attempt blocked by checks: the message lists what blocks. */
export class ReportNotReadyError extends InvalidStateError {
  constructor(readonly blocking: { rule: string; message: string }[]) {
    super(
      `年度报告尚不能定稿：${blocking
        .slice(0, 5)
        .map((f) => `${f.rule} ${f.message}`)
        .join('；')}${blocking.length > 5 ? `等${blocking.length}项` : ''}`,
    );
  }
}

export async function finaliseReport(
  ctx: Ctx,
  reportId: number,
  raw: FinaliseReportInput,
): Promise<AnnualReport> {
  const input = parseInput(FinaliseReportInput, raw);
  const { db, clock, actor } = ctx;
  const { report, agency } = await resolveReport(db, actor, reportId, 'finalise');
  if (report.status !== 'draft') throw new InvalidStateError('只有草稿状态的年度报告可以定稿');
  // The year must be over (31 December, Beijing time: clock.today() is an Asia/Shanghai date): the report states a
  // whole year's figures, and finalising locks the year (a request still open would be stopped by the lock).
  if (clock.today() <= `${report.year}-12-31`)
    throw new InvalidStateError(`${report.year}年尚未结束，年度报告须在${report.year + 1}年1月1日以后定稿`);

  let extra = {};
  if (report.origin === 'generated') {
    const sources = await gatherSources(db, report.agencyId, report.year);
    const changed =
      CELL_ADDRESSES.some((a) => sources.cells[a] !== report.cells[a]) ||
      FEE_FIELDS.some((f) => sources.fees[f] !== report.fees[f]);
    if (changed) throw new InvalidStateError('生成报告后业务数据已有变化，请先重新生成年度报告再定稿');
    extra = { unmapped: sources.unmapped };
  }
  const findings = await checkReportContent(db, agency, report.year, report, extra);
  const ready = readiness(findings, await listAcknowledgments(db, report.id));
  if (!ready.ready) throw new ReportNotReadyError([...ready.errors, ...ready.unacknowledged]);

  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('annual_reports')
      .set({
        status: 'finalised',
        approver_name: input.approverName,
        finalised_at: now,
        finalised_by_name: actor.kind === 'public' ? '公众' : actor.name,
        findings_json: JSON.stringify(findings),
        version: report.version + 1,
        updated_at: now,
      })
      .where('id', '=', report.id)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'annual_report.finalised',
      objectType: 'annual_report',
      objectId: report.id,
      agencyId: report.agencyId,
      after: { year: report.year, approver: input.approverName },
    });
  });
  return getReport(db, report.id);
}
