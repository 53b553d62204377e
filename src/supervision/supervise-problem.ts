/**
 * 督办 (county) and the township's answer. The county's 督办 role (holding `county.supervision`) issues 督办 on a
 * township's overdue problem; the township's disclosure office and the
 * responsible people are notified and must answer by the date given; the answer notifies the issuer.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import type { Trx } from '../db/database.ts';
import { assertCan, InvalidStateError, NotFoundError, parseInput, ValidationError } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { toNumber } from '../db/values.ts';
import { supervisionPolicy } from './supervision.policy.ts';
import {
  clerkIds,
  loadProblem,
  notify,
  problemLink,
  rectifierIds,
  type Problem,
} from './supervision.queries.ts';
import { isOverdue } from './problem.ts';
import { dateInput } from '../calendar/date-input.ts';

export const SuperviseInput = z.object({
  demand: z.string().trim().min(4, '请填写督办要求（至少4个字）').max(2000, '不超过2000字'),
  answerBy: dateInput('答复期限'),
});

export interface Supervision {
  id: number;
  problemId: number;
  issuedByName: string;
  issuedAt: string;
  demand: string;
  answerBy: string;
  status: 'waiting' | 'answered';
  answer: string | null;
  answeredAt: string | null;
  answeredByName: string | null;
}

export async function listSupervisions(db: Ctx['db'], problemId: number): Promise<Supervision[]> {
  const rows = await db
    .selectFrom('sv_supervisions')
    .selectAll()
    .where('problem_id', '=', problemId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: toNumber(r.id),
    problemId: toNumber(r.problem_id),
    issuedByName: r.issued_by_name,
    issuedAt: r.issued_at,
    demand: r.demand,
    answerBy: r.answer_by,
    status: r.status as Supervision['status'],
    answer: r.answer,
    answeredAt: r.answered_at,
    answeredByName: r.answered_by_name,
  }));
}

export async function issueSupervision(
  ctx: Ctx,
  problemId: number,
  raw: z.input<typeof SuperviseInput> | Record<string, unknown>,
): Promise<void> {
  const { problem: p, scope } = await loadProblem(ctx.db, problemId);
  assertCan(supervisionPolicy.superviseFromAbove(ctx.actor, scope), {
    hide: !supervisionPolicy.readProblem(ctx.actor, scope, p),
    message: '督办须由上级政务公开办的督办人员发出',
  });
  const today = ctx.clock.today();
  if (!isOverdue(p, today)) throw new InvalidStateError('只能对整改逾期的问题督办');
  // Validated only once the actor may act on it now: nobody gets field errors for a form they are not shown.
  const input = parseInput(SuperviseInput, raw);
  if (input.answerBy < today)
    throw new ValidationError('答复期限不能早于今天', { answerBy: '答复期限不能早于今天' });
  await ctx.db.transaction().execute((trx) => writeSupervision(trx, ctx, p, input));
}

/** The 督办 row, its audit row and the township's notifications, inside the caller's transaction. Not authorised here. */
export async function writeSupervision(
  trx: Trx,
  ctx: Ctx,
  p: Problem,
  input: z.infer<typeof SuperviseInput>,
): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new InvalidStateError('督办须由人员发出');
  const problemId = p.id;
  const r = await trx
    .insertInto('sv_supervisions')
    .values({
      problem_id: problemId,
      issuer_agency_id: actor.agencyId,
      issued_by: actor.userId,
      issued_by_name: actor.name,
      issued_at: ctx.clock.now().toISOString(),
      demand: input.demand,
      answer_by: input.answerBy,
      status: 'waiting',
      answer: null,
      answered_at: null,
      answered_by_name: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordEvent(trx, ctx, {
    action: 'supervision.supervision_issued',
    objectType: 'sv_problem',
    objectId: problemId,
    agencyId: p.agencyId,
    after: { supervision: toNumber(r.id), demand: input.demand, answerBy: input.answerBy },
  });
  await notify(trx, ctx, [...(await clerkIds(trx, p.agencyId)), ...(await rectifierIds(trx, p))], {
    kind: 'supervision.supervision',
    title: `县级督办：${p.title}（请于${input.answerBy}前答复）`,
    body: `${p.reference}：${actor.name}督办要求：${input.demand}`,
    link: problemLink(problemId),
  });
}

export const AnswerInput = z.object({
  answer: z.string().trim().min(4, '请填写答复（至少4个字）').max(4000, '不超过4000字'),
});

export async function answerSupervision(
  ctx: Ctx,
  supervisionId: number,
  input: z.infer<typeof AnswerInput>,
): Promise<void> {
  const s = await ctx.db
    .selectFrom('sv_supervisions')
    .selectAll()
    .where('id', '=', supervisionId)
    .executeTakeFirst();
  if (!s) throw new NotFoundError('未找到该督办');
  const { problem: p, scope } = await loadProblem(ctx.db, toNumber(s.problem_id));
  assertCan(supervisionPolicy.answerSupervision(ctx.actor, scope), {
    hide: !supervisionPolicy.readProblem(ctx.actor, scope, p),
    message: '督办须由本级政务公开办答复',
  });
  if (s.status !== 'waiting') throw new InvalidStateError('该督办已答复');
  const name = ctx.actor.kind === 'user' ? ctx.actor.name : '';
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sv_supervisions')
      .set({
        status: 'answered',
        answer: input.answer,
        answered_at: ctx.clock.now().toISOString(),
        answered_by_name: name,
      })
      .where('id', '=', supervisionId)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'supervision.supervision_answered',
      objectType: 'sv_problem',
      objectId: p.id,
      agencyId: p.agencyId,
      after: { supervision: supervisionId, answer: input.answer },
    });
    if (s.issued_by != null)
      await notify(trx, ctx, [toNumber(s.issued_by)], {
        kind: 'supervision.supervision',
        title: `督办已答复：${p.title}`,
        body: `${p.reference}：${name}答复：${input.answer}`,
        link: problemLink(p.id),
      });
  });
}
