/**
 * Record a 四议两公开 decision (four-deliberations.ts) and generate its two disclosure drafts — 决议公开 (due within
 * RESOLUTION_DUE_DAYS days) and 实施结果公开 — from the 村民会议决定事项 template. The record tracks both until they
 * are published.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { addDays } from '../calendar/dates.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, parseInput, ValidationError } from '../errors.ts';
import { agencyScope } from '../org/org.queries.ts';
import { villagePolicy } from './village.policy.ts';
import { villageOf } from './villages.queries.ts';
import { createDisclosure } from './save-disclosure.ts';
import {
  ASSEMBLY_KINDS,
  ASSEMBLY_LABELS,
  checkDecision,
  RESOLUTION_DUE_DAYS,
  type DecisionStatus,
} from './four-deliberations.ts';
import { dateInput } from '../calendar/date-input.ts';

const date = dateInput('日期');
const count = z.coerce.number({ error: '应为人数' }).int('应为整数').min(0, '不能为负数');

export const DecisionInput = z.object({
  villageId: z.coerce.number().int().positive(),
  title: z.string().trim().min(1, '请填写事项名称').max(200),
  proposal: z.string().trim().min(1, '请填写党支部提议内容').max(4000),
  proposedOn: date,
  consultedOn: date,
  partyMeetingOn: date,
  partyTotal: count.min(1, '应到党员至少1人'),
  partyPresent: count,
  partyAgree: count,
  assemblyKind: z.enum(ASSEMBLY_KINDS),
  assemblyOn: date,
  assemblyTotal: count.min(1, '应到人数至少1人'),
  assemblyPresent: count,
  assemblyAgree: count,
});

export async function recordDecision(
  ctx: Ctx,
  raw: unknown,
): Promise<{ decisionId: number; itemIds: number[] }> {
  const d = parseInput(DecisionInput, raw);
  const errors = checkDecision(d);
  if (Object.keys(errors).length) throw new ValidationError(Object.values(errors)[0]!, errors);
  const village = await villageOf(ctx.db, d.villageId);
  const scope = await agencyScope(ctx.db, village.agencyId);
  assertCan(villagePolicy.draft(ctx.actor, scope, village.id), {
    message: '只有本村信息联络员可以登记四议两公开',
  });
  const actor = ctx.actor as Extract<Ctx['actor'], { kind: 'user' }>;
  const now = ctx.clock.now().toISOString();
  const decisionId = await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('village_decisions')
      .values({
        agency_id: village.agencyId,
        village_id: village.id,
        title: d.title,
        status: 'resolution_pending',
        proposed_on: d.proposedOn,
        proposal: d.proposal,
        consulted_on: d.consultedOn,
        party_meeting_on: d.partyMeetingOn,
        party_total: d.partyTotal,
        party_present: d.partyPresent,
        party_agree: d.partyAgree,
        assembly_kind: d.assemblyKind,
        assembly_on: d.assemblyOn,
        assembly_total: d.assemblyTotal,
        assembly_present: d.assemblyPresent,
        assembly_agree: d.assemblyAgree,
        created_by: actor.userId,
        created_by_name: actor.name,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      action: 'village_decision.recorded',
      objectType: 'village_decision',
      objectId: r.id,
      agencyId: village.agencyId,
      after: { title: d.title, assembly: d.assemblyKind, present: d.assemblyPresent, agree: d.assemblyAgree },
    });
    return r.id;
  });
  const meeting = `${ASSEMBLY_LABELS[d.assemblyKind]}（${d.assemblyOn}）`;
  const vote = `应到${d.assemblyTotal}人，实到${d.assemblyPresent}人，同意${d.assemblyAgree}人；党员大会应到${d.partyTotal}人，实到${d.partyPresent}人，同意${d.partyAgree}人`;
  const values = { meeting, decision: `${d.title}：${d.proposal}`, vote, progress: '', amount: '' };
  const resolution = await createDisclosure(
    ctx,
    { villageId: village.id, code: 'assembly_decision', title: `${village.name}关于${d.title}的决议公开` },
    { values, decisionId, decisionStage: 'resolution', dueOn: addDays(d.assemblyOn, RESOLUTION_DUE_DAYS) },
  );
  const result = await createDisclosure(
    ctx,
    {
      villageId: village.id,
      code: 'assembly_decision',
      title: `${village.name}关于${d.title}的实施结果公开`,
    },
    { values, decisionId, decisionStage: 'result' },
  );
  return { decisionId, itemIds: [resolution, result] };
}

/** Recompute a decision's status from its two items (inside the publishing transaction). */
export async function refreshDecisionStatus(trx: DbOrTrx, decisionId: number): Promise<DecisionStatus> {
  const items = await trx
    .selectFrom('village_disclosures')
    .select(['decision_stage', 'status'])
    .where('decision_id', '=', decisionId)
    .execute();
  const out = (stage: string) => items.some((i) => i.decision_stage === stage && i.status === 'published');
  const status: DecisionStatus = !out('resolution')
    ? 'resolution_pending'
    : out('result')
      ? 'complete'
      : 'result_pending';
  await trx.updateTable('village_decisions').set({ status }).where('id', '=', decisionId).execute();
  return status;
}
