/** Acknowledge a warning of a draft report with a reason (a warning must be acknowledged before finalising). */
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { recordEvent } from '../../audit/record-event.ts';
import { InvalidStateError, ValidationError, parseInput } from '../../errors.ts';
import { resolveReport } from './report-context.ts';
import { fingerprintOf } from './report.ts';

export const AcknowledgeWarningInput = z.object({
  fingerprint: z.string().min(1),
  reason: z.string().trim().min(4, '请说明理由（至少4个字）').max(500, '理由过长'),
});
export type AcknowledgeWarningInput = z.infer<typeof AcknowledgeWarningInput>;

export async function acknowledgeWarning(
  ctx: Ctx,
  reportId: number,
  raw: AcknowledgeWarningInput,
): Promise<void> {
  const input = parseInput(AcknowledgeWarningInput, raw);
  const { report } = await resolveReport(ctx.db, ctx.actor, reportId, 'draft');
  if (report.status !== 'draft') throw new InvalidStateError('年度报告已定稿，不能再确认警告');
  const f = report.findings.find((x) => x.severity === 'warning' && fingerprintOf(x) === input.fingerprint);
  if (!f) throw new ValidationError('该警告已不存在，请刷新页面');
  const now = ctx.clock.now().toISOString();
  const byName = ctx.actor.kind === 'user' || ctx.actor.kind === 'system' ? ctx.actor.name : '公众';
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('annual_report_acks')
      .where('report_id', '=', report.id)
      .where('fingerprint', '=', input.fingerprint)
      .execute();
    await trx
      .insertInto('annual_report_acks')
      .values({
        report_id: report.id,
        fingerprint: input.fingerprint,
        rule: f.rule,
        message: f.message,
        reason: input.reason,
        acked_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        acked_by_name: byName,
        acked_at: now,
      })
      .execute();
    await recordEvent(trx, ctx, {
      action: 'annual_report.warning_acknowledged',
      objectType: 'annual_report',
      objectId: report.id,
      agencyId: report.agencyId,
      after: { rule: f.rule, message: f.message },
      note: input.reason,
    });
  });
}
