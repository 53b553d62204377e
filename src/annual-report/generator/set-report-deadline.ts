/** Set the date by which an agency must publish its annual report (the county's notice for its townships). */
import { writeSetting } from '../../settings/agency-settings.ts';
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { recordEvent } from '../../audit/record-event.ts';
import { assertCan, parseInput } from '../../errors.ts';
import { agencyScope, getAgency } from '../../org/org.queries.ts';
import { DEADLINE_SETTING, deadlineSetting } from './annual-reports.queries.ts';
import { isMonthDay } from './report.ts';
import { reportPolicy } from './report.policy.ts';

export const SetReportDeadlineInput = z.object({
  agencyId: z.number().int().positive(),
  /** 'MM-DD' of the year after the report's year. */
  monthDay: z.string().refine(isMonthDay, '请按“01-31”的格式填写月日'),
});
export type SetReportDeadlineInput = z.infer<typeof SetReportDeadlineInput>;

export async function setReportDeadline(ctx: Ctx, raw: SetReportDeadlineInput): Promise<void> {
  const input = parseInput(SetReportDeadlineInput, raw);
  const agency = await getAgency(ctx.db, input.agencyId);
  const scope = await agencyScope(ctx.db, agency.id);
  assertCan(reportPolicy.setDeadline(ctx.actor, scope), { hide: !reportPolicy.view(ctx.actor, scope) });
  const before = await deadlineSetting(ctx.db, agency.id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await writeSetting(trx, agency.id, DEADLINE_SETTING, input.monthDay, now);
    await recordEvent(trx, ctx, {
      action: 'annual_report.deadline_set',
      objectType: 'agency',
      objectId: agency.id,
      agencyId: agency.id,
      before: before ?? null,
      after: input.monthDay,
    });
  });
}
