/**
 * The responsible unit records its rectification with evidence (text, photos, a link to the corrected item); the
 * problem then waits for a second person's 销号, and the disclosure office is notified.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { assertCan, ConflictError, InvalidStateError, parseInput, ValidationError } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { supervisionPolicy } from './supervision.policy.ts';
import { loadProblem, notify, problemLink, type Problem } from './supervision.queries.ts';
import { checkEvidence, insertEvidence, type EvidenceInput } from './evidence.ts';
import { orgSnapshot } from '../org/acting-persons.ts';
import { problemClosers, rectifyDeadEnd } from './waiting.ts';

export const RectifyInput = z.object({
  version: z.number().int(),
  note: z.string().trim().min(4, '请说明整改情况（至少4个字）').max(4000, '整改情况不超过4000字'),
  link: z.string().trim().max(500).default(''),
});

export async function rectifyProblem(
  ctx: Ctx,
  id: number,
  raw: z.input<typeof RectifyInput> | Record<string, unknown>,
  photos: EvidenceInput[],
): Promise<Problem> {
  const { problem: p, scope } = await loadProblem(ctx.db, id);
  assertCan(supervisionPolicy.rectify(ctx.actor, scope, p), {
    hide: !supervisionPolicy.readProblem(ctx.actor, scope, p),
    message: `该问题由责任单位${p.unitName}整改，您可以查看进展，不能代为提交整改`,
  });
  if (p.status !== 'open') throw new InvalidStateError('该问题不在待整改状态');
  if (ctx.actor.kind !== 'user') throw new InvalidStateError('整改须由责任单位人员提交');
  // Validated only once the actor may act on it now: nobody gets field errors for a form they are not shown.
  const input = parseInput(RectifyInput, raw);
  const evidence: EvidenceInput[] = [...photos];
  if (input.link) evidence.push({ kind: 'link', text: input.link });
  checkEvidence(evidence);
  if (!evidence.length)
    throw new ValidationError('请上传整改照片或填写整改后信息的链接作为佐证', { photos: '至少一项佐证' });
  const actor = ctx.actor;
  // Four-eyes rule: refuse before the move when nobody could then 销号 (rectifyDeadEnd says why not route it).
  const org = await orgSnapshot(ctx.db, p.agencyId);
  const deadEnd = rectifyDeadEnd(org, p, actor.userId);
  if (deadEnd) throw new InvalidStateError(deadEnd);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('sv_problems')
      .set({
        status: 'rectified',
        rectified_on: ctx.clock.today(),
        rectification_note: input.note,
        rectified_by: actor.userId,
        rectified_by_name: actor.name,
        updated_at: ctx.clock.now().toISOString(),
        version: p.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new ConflictError();
    await insertEvidence(trx, ctx, id, 'rectification', [{ kind: 'text', text: input.note }, ...evidence]);
    await recordEvent(trx, ctx, {
      action: 'supervision.problem_rectified',
      objectType: 'sv_problem',
      objectId: id,
      agencyId: p.agencyId,
      before: { status: p.status },
      after: { status: 'rectified', note: input.note, evidence: evidence.length },
    });
    // Told: whoever may now 销号 (the clerks, else the leaders or the administrator; never the rectifier).
    const checkers = problemClosers(org, {
      rectifiedBy: actor.userId,
      responsibleUserId: p.responsibleUserId,
    });
    const recorder = p.recordedBy != null && p.recordedBy !== actor.userId ? [p.recordedBy] : [];
    await notify(trx, ctx, [...checkers, ...recorder], {
      kind: 'supervision.close_out',
      title: `待销号：${p.title}（${p.unitName}已整改）`,
      body: `${p.reference}：${actor.name}已提交整改佐证，请复核后销号；复核不通过可退回重新整改。`,
      link: problemLink(id),
    });
  });
  return (await loadProblem(ctx.db, id)).problem;
}
