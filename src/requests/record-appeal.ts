/**
 * 行政复议 / 行政诉讼 cases about the agency's disclosure work (Table C): kind, dates, the body hearing it, and the
 * result (尚未审结 until concluded).
 */
import type { Ctx } from '../context.ts';
import { assertCan, NotFoundError, parseInput, ValidationError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertReportYearOpen } from '../period-lock/assert-period-open.ts';
import { AppealInput } from './request.schema.ts';
import { requestPolicy } from './request.policy.ts';
import { requestScope } from './requests.queries.ts';
import { APPEAL_KIND_LABELS } from './request.ts';

function check(input: AppealInput, today: string): void {
  if (input.filedOn > today)
    throw new ValidationError('申请或起诉日期不能晚于今天', { filedOn: '不能晚于今天' });
  if (input.result !== 'pending' && !input.concludedOn)
    throw new ValidationError('已审结的案件请填写审结日期', { concludedOn: '请填写审结日期' });
  if (input.concludedOn && (input.concludedOn < input.filedOn || input.concludedOn > today))
    throw new ValidationError('审结日期应在申请或起诉日期与今天之间', { concludedOn: '日期不正确' });
  if (input.result === 'pending' && input.concludedOn)
    throw new ValidationError('尚未审结的案件不应填写审结日期', { concludedOn: '尚未审结' });
}

/** Record a new case. */
export async function recordAppeal(ctx: Ctx, agencyId: number, raw: unknown): Promise<number> {
  const scope = await requestScope(ctx.db, agencyId);
  assertCan(requestPolicy.view(ctx.actor, scope), { hide: true });
  assertCan(requestPolicy.manageAppeals(ctx.actor, scope));
  const input = parseInput(AppealInput, raw);
  check(input, ctx.clock.today());
  if (input.requestId != null) {
    const r = await ctx.db
      .selectFrom('info_requests')
      .select('id')
      .where('id', '=', input.requestId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    if (!r) throw new ValidationError('关联的申请不存在', { requestId: '申请不存在' });
  }
  return ctx.db.transaction().execute(async (trx) => {
    // Period lock: table C counts a case in its filing year, with its result as of 31 December.
    for (const d of [input.filedOn, input.concludedOn]) if (d) await assertReportYearOpen(trx, agencyId, d);
    const now = nowIso(ctx.clock.now());
    const row = await trx
      .insertInto('request_appeals')
      .values({
        agency_id: agencyId,
        request_id: input.requestId ?? null,
        kind: input.kind,
        filed_on: input.filedOn,
        body: input.body,
        case_no: input.caseNo ?? null,
        result: input.result,
        concluded_on: input.concludedOn ?? null,
        note: input.note ?? null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      action: 'request.appeal_recorded',
      objectType: 'request_appeal',
      objectId: row.id,
      agencyId,
      after: input,
      note: APPEAL_KIND_LABELS[input.kind],
    });
    return row.id;
  });
}

/** Update a case (its result when concluded). */
export async function updateAppeal(ctx: Ctx, id: number, raw: unknown): Promise<void> {
  const row = await ctx.db.selectFrom('request_appeals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('未找到该案件');
  const scope = await requestScope(ctx.db, row.agency_id);
  assertCan(requestPolicy.view(ctx.actor, scope), { hide: true });
  assertCan(requestPolicy.manageAppeals(ctx.actor, scope));
  const input = parseInput(AppealInput, raw);
  check(input, ctx.clock.today());
  await ctx.db.transaction().execute(async (trx) => {
    for (const d of [row.filed_on, row.concluded_on, input.filedOn, input.concludedOn])
      if (d) await assertReportYearOpen(trx, row.agency_id, d);
    await trx
      .updateTable('request_appeals')
      .set({
        kind: input.kind,
        filed_on: input.filedOn,
        body: input.body,
        case_no: input.caseNo ?? null,
        result: input.result,
        concluded_on: input.concludedOn ?? null,
        note: input.note ?? null,
        version: row.version + 1,
        updated_at: nowIso(ctx.clock.now()),
      })
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'request.appeal_updated',
      objectType: 'request_appeal',
      objectId: id,
      agencyId: row.agency_id,
      before: { result: row.result, concludedOn: row.concluded_on },
      after: { result: input.result, concludedOn: input.concludedOn ?? null },
    });
  });
}
