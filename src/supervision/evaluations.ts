/**
 * 社会评议 (条例第五十条第（四）项; the seed report: 群众代表、人大代表、政协委员评议): a questionnaire of configurable
 * items scored 1–5 with a comment, filled online through its link or QR code (rate-limited; anonymous or named) or
 * typed from paper by staff. Results per group and item. Comments are screened for personal data (the secrecy scan:
 * ID numbers, phone numbers, bank cards, addresses) and masked before anyone outside the office sees them; the raw
 * comment is kept for the office only.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { parseJson, toBool, toNumber } from '../db/values.ts';
import { assertCan, DomainError, InvalidStateError, NotFoundError, ValidationError } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { agencyScope } from '../org/org.queries.ts';
import { takeToken } from '../auth/rate-limit.ts';
import { maskText, scanText } from '../publications/index.ts';
import { supervisionPolicy } from './supervision.policy.ts';
import type { Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';

export const GROUPS = ['public', 'npc_deputy', 'cppcc_member'] as const;
export type RespondentGroup = (typeof GROUPS)[number];
export const GROUP_LABELS: Record<RespondentGroup, string> = {
  public: '群众代表',
  npc_deputy: '人大代表',
  cppcc_member: '政协委员',
};

export const DEFAULT_ITEMS = [
  '公开内容全面准确',
  '公开及时',
  '查阅获取方便',
  '依申请公开答复规范',
  '对政务公开工作总体评价',
];

export interface Questionnaire {
  id: number;
  agencyId: number;
  year: number;
  title: string;
  items: string[];
  token: string;
  isOpen: boolean;
}

const toQ = (r: Selectable<DB['sv_questionnaires']>): Questionnaire => ({
  id: toNumber(r.id),
  agencyId: toNumber(r.agency_id),
  year: toNumber(r.year),
  title: r.title,
  items: parseJson<string[]>(r.items_json, []),
  token: r.token,
  isOpen: toBool(r.is_open),
});

export const QuestionnaireInput = z.object({
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(4, '请填写问卷标题').max(100, '标题不超过100字'),
  items: z
    .array(z.string().trim().min(2).max(60))
    .min(1, '请至少填写一个评议项目')
    .max(20, '评议项目不超过20个'),
});

export async function createQuestionnaire(
  ctx: Ctx,
  agencyId: number,
  input: z.infer<typeof QuestionnaireInput>,
): Promise<Questionnaire> {
  assertCan(supervisionPolicy.manage(ctx.actor, await agencyScope(ctx.db, agencyId)));
  const token = crypto.randomBytes(12).toString('base64url');
  const by = ctx.actor.kind === 'user' ? ctx.actor.name : '系统';
  const id = await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('sv_questionnaires')
      .values({
        agency_id: agencyId,
        year: input.year,
        title: input.title,
        items_json: JSON.stringify(input.items),
        token,
        is_open: 1,
        created_by_name: by,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      action: 'supervision.questionnaire_created',
      objectType: 'sv_questionnaire',
      objectId: toNumber(r.id),
      agencyId,
      after: input,
    });
    return toNumber(r.id);
  });
  return (await getQuestionnaire(ctx.db, id))!;
}

export async function getQuestionnaire(db: DbOrTrx, id: number): Promise<Questionnaire | undefined> {
  const r = await db.selectFrom('sv_questionnaires').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toQ(r) : undefined;
}
export async function questionnaireByToken(db: DbOrTrx, token: string): Promise<Questionnaire | undefined> {
  const r = await db
    .selectFrom('sv_questionnaires')
    .selectAll()
    .where('token', '=', token)
    .executeTakeFirst();
  return r ? toQ(r) : undefined;
}
export async function listQuestionnaires(db: DbOrTrx, agencyId: number): Promise<Questionnaire[]> {
  return (
    await db
      .selectFrom('sv_questionnaires')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('id', 'desc')
      .execute()
  ).map(toQ);
}

export const ResponseInput = z.object({
  group: z.enum(GROUPS, { message: '请选择您的身份' }),
  name: z.string().trim().max(20, '姓名不超过20字').default(''),
  scores: z.array(z.number().int().min(1, '请为每一项打分（1—5分）').max(5, '分数为1—5分')),
  comment: z.string().trim().max(1000, '意见建议不超过1000字').default(''),
});

/** Mask personal data in a comment (what outsiders see). */
export function screenComment(raw: string): string {
  return maskText(
    raw,
    scanText(raw).filter((h) => h.kind !== 'sensitive_person' && h.kind !== 'marking'),
  );
}

/** Online submission through the link or QR code: rate-limited per address, 10 an hour. */
export async function submitOnline(
  db: Db,
  clock: Ctx['clock'],
  token: string,
  ip: string | null,
  input: z.infer<typeof ResponseInput>,
): Promise<void> {
  const q = await questionnaireByToken(db, token);
  if (!q) throw new NotFoundError('未找到该评议问卷');
  if (!q.isOpen) throw new InvalidStateError('该评议已结束');
  if (!(await takeToken(db, `evaluation:${q.id}:${ip ?? 'unknown'}`, 10, 60 * 60 * 1000, clock.now())))
    throw new DomainError('rate_limited', '提交过于频繁，请稍后再试');
  await insertResponse(db, { clock, actor: { kind: 'public' }, meta: { ip } }, q, input, 'online');
}

/** Staff type a paper questionnaire in. */
export async function enterPaperResponse(
  ctx: Ctx,
  questionnaireId: number,
  input: z.infer<typeof ResponseInput>,
): Promise<void> {
  const q = await getQuestionnaire(ctx.db, questionnaireId);
  if (!q) throw new NotFoundError('未找到该评议问卷');
  assertCan(supervisionPolicy.manage(ctx.actor, await agencyScope(ctx.db, q.agencyId)));
  await insertResponse(ctx.db, ctx, q, input, 'paper');
}

async function insertResponse(
  db: DbOrTrx,
  ctx: Pick<Ctx, 'actor' | 'clock' | 'meta'>,
  q: Questionnaire,
  input: z.infer<typeof ResponseInput>,
  channel: 'online' | 'paper',
): Promise<void> {
  if (input.scores.length !== q.items.length)
    throw new ValidationError('请为每一项打分（1—5分）', { scores: '请为每一项打分' });
  const comment = input.comment || null;
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('sv_evaluation_responses')
      .values({
        questionnaire_id: q.id,
        respondent_group: input.group,
        channel,
        respondent_name: input.name || null,
        scores_json: JSON.stringify(input.scores),
        comment_raw: comment,
        comment_screened: comment ? screenComment(comment) : null,
        entered_by_name: ctx.actor.kind === 'user' ? ctx.actor.name : null,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      action: 'supervision.evaluation_entered',
      objectType: 'sv_questionnaire',
      objectId: q.id,
      agencyId: q.agencyId,
      after: { response: toNumber(r.id), channel, group: input.group },
    });
  });
}

export interface EvaluationResults {
  responses: number;
  byGroup: { group: RespondentGroup; label: string; responses: number; averages: (number | null)[] }[];
  overall: (number | null)[];
  /** Mean of the item means over all responses. */
  average: number | null;
  comments: { group: string; text: string; channel: string }[];
}

const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null;

/** Results per group and item; comments screened unless the reader may see the raw text. */
export async function evaluationResults(
  db: DbOrTrx,
  q: Questionnaire,
  raw: boolean,
): Promise<EvaluationResults> {
  const rows = await db
    .selectFrom('sv_evaluation_responses')
    .selectAll()
    .where('questionnaire_id', '=', q.id)
    .orderBy('id')
    .execute();
  const scores = rows.map((r) => ({
    group: r.respondent_group as RespondentGroup,
    s: parseJson<number[]>(r.scores_json, []),
  }));
  const perItem = (list: typeof scores) =>
    q.items.map((_, i) => mean(list.map((x) => x.s[i]).filter((v): v is number => typeof v === 'number')));
  const overall = perItem(scores);
  const valid = overall.filter((v): v is number => v != null);
  return {
    responses: rows.length,
    byGroup: GROUPS.map((g) => {
      const list = scores.filter((x) => x.group === g);
      return { group: g, label: GROUP_LABELS[g], responses: list.length, averages: perItem(list) };
    }),
    overall,
    average: mean(valid),
    comments: rows
      .filter((r) => r.comment_raw)
      .map((r) => ({
        group: GROUP_LABELS[r.respondent_group as RespondentGroup] ?? r.respondent_group,
        text: (raw ? r.comment_raw : r.comment_screened) ?? '',
        channel: r.channel === 'paper' ? '纸质' : '线上',
      })),
  };
}

/** The year's questionnaires and their responses, for the report and the assessment. */
export async function yearEvaluation(
  db: DbOrTrx,
  agencyId: number,
  year: number,
): Promise<{ responses: number; average: number | null; groups: string[] }> {
  const qs = (await listQuestionnaires(db, agencyId)).filter((q) => q.year === year);
  let responses = 0;
  const avgs: number[] = [];
  const groups = new Set<string>();
  for (const q of qs) {
    const r = await evaluationResults(db, q, false);
    responses += r.responses;
    if (r.average != null) avgs.push(r.average);
    for (const g of r.byGroup) if (g.responses) groups.add(g.label);
  }
  return { responses, average: mean(avgs), groups: [...groups] };
}
