/**
 * Villagers' queries and objections on a published item (《村民委员会组织法》第三十条: 村民委员会应当负责公布并答复
 * 村民的质询; 第三十一条: when the committee does not disclose or answer, villagers may go to the township, which
 * investigates and orders disclosure). Anyone may raise one from the item page or its QR code; the text is screened and
 * masked before it is stored or shown; the phone number is kept for the village to call back and is never shown.
 * Unanswered after the township's answer period, it escalates to the township (sweep below).
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { addDays } from '../calendar/dates.ts';
import { assertCan, NotFoundError, parseInput, ValidationError } from '../errors.ts';
import { agencyScope } from '../org/org.queries.ts';
import { maskText, scanText } from '../publications/index.ts';
import { villagePolicy } from './village.policy.ts';
import { findDisclosure } from './villages.queries.ts';
import { getVillageSettings } from './village-settings.ts';
import { itemLink } from './disclosure-context.ts';
import { notifyPersons, requireActors, whoActs } from './notify.ts';

export const OBJECTION_STATUSES = ['open', 'answered', 'escalated', 'resolved'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = {
  open: '待村委会答复',
  answered: '村委会已答复',
  escalated: '逾期未答复，已转乡镇调查',
  resolved: '乡镇已调查处理',
};

export interface Objection {
  id: number;
  disclosureId: number;
  villageId: number;
  agencyId: number;
  /** The villager's name as given (masked to 张某 on public pages). */
  name: string | null;
  hasPhone: boolean;
  body: string;
  status: ObjectionStatus;
  answerDueOn: string;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  escalatedOn: string | null;
  outcome: string | null;
  outcomeByName: string | null;
  outcomeAt: string | null;
  createdAt: string;
}

/** Objections of an item, or of a township by status. The phone number is never selected. */
export async function listObjections(
  ctx: Pick<Ctx, 'db'>,
  where: { disclosureId?: number; agencyId?: number; status?: ObjectionStatus[] },
): Promise<Objection[]> {
  let q = ctx.db
    .selectFrom('village_objections')
    .select([
      'id',
      'disclosure_id',
      'village_id',
      'agency_id',
      'name',
      'body',
      'status',
      'answer_due_on',
      'answer',
      'answered_by_name',
      'answered_at',
      'escalated_on',
      'outcome',
      'outcome_by_name',
      'outcome_at',
      'created_at',
    ])
    .select((eb) => eb.case().when('phone', 'is not', null).then(1).else(0).end().as('has_phone'));
  if (where.disclosureId) q = q.where('disclosure_id', '=', where.disclosureId);
  if (where.agencyId) q = q.where('agency_id', '=', where.agencyId);
  if (where.status?.length) q = q.where('status', 'in', where.status);
  const rows = await q.orderBy('id').limit(1000).execute();
  return rows.map((r) => ({
    id: r.id,
    disclosureId: r.disclosure_id,
    villageId: r.village_id,
    agencyId: r.agency_id,
    name: r.name,
    hasPhone: Number(r.has_phone) === 1,
    body: r.body,
    status: r.status as ObjectionStatus,
    answerDueOn: r.answer_due_on,
    answer: r.answer,
    answeredByName: r.answered_by_name,
    answeredAt: r.answered_at,
    escalatedOn: r.escalated_on,
    outcome: r.outcome,
    outcomeByName: r.outcome_by_name,
    outcomeAt: r.outcome_at,
    createdAt: r.created_at,
  }));
}

const screen = (s: string) => maskText(s, scanText(s));

export const ObjectionInput = z.object({
  body: z.string().trim().min(5, '请写明您的疑问或异议（至少5个字）').max(2000, '最多2000字'),
  name: z.string().trim().max(40, '姓名最多40字').optional().default(''),
  phone: z
    .string()
    .trim()
    .optional()
    .default('')
    .refine(
      (s) => s === '' || /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/.test(s.replace(/\s/g, '')),
      '请填写正确的手机或固定电话号码',
    ),
});

/** A villager raises a query or objection (public). Returns the id. */
export async function raiseObjection(
  ctx: Ctx,
  disclosureId: number,
  raw: z.input<typeof ObjectionInput>,
): Promise<number> {
  const input = parseInput(ObjectionInput, raw);
  const item = await findDisclosure(ctx.db, disclosureId);
  if (!item || item.status !== 'published') throw new NotFoundError('公开事项不存在');
  const settings = await getVillageSettings(ctx.db, item.agencyId);
  if (settings.objectionNameRequired && !input.name)
    throw new ValidationError('请填写姓名', { name: '请填写姓名' });
  if (settings.objectionPhoneRequired && !input.phone)
    throw new ValidationError('请留下联系电话，村委会答复时联系您（电话不会公开）', {
      phone: '请填写联系电话',
    });
  const today = ctx.clock.today();
  const liaisons = await whoActs(ctx.db, item.agencyId, item.villageId, 'objection_open');
  const due = addDays(today, settings.answerDays);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('village_objections')
      .values({
        disclosure_id: disclosureId,
        agency_id: item.agencyId,
        village_id: item.villageId,
        name: input.name || null,
        phone: input.phone.replace(/\s/g, '') || null,
        body: screen(input.body),
        status: 'open',
        answer_due_on: due,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      action: 'village_objection.raised',
      objectType: 'village_disclosure',
      objectId: disclosureId,
      agencyId: item.agencyId,
      after: { objection: r.id, answerDueOn: due },
    });
    // Nobody in the village to answer: it goes to the township at once (no dead end).
    const to = liaisons.length
      ? liaisons
      : await requireActors(trx, item.agencyId, item.villageId, 'objection_escalated');
    await notifyPersons(trx, ctx, to, {
      kind: 'village.objection',
      title: `村民对“${item.title}”提出质询，请于${due}前答复`,
      body: `村民委员会组织法第三十条：村民委员会应当答复村民的质询。逾期未答复的，将转乡镇人民政府调查处理（第三十一条）。`,
      link: itemLink(disclosureId),
    });
    return r.id;
  });
}

export const AnswerInput = z.object({ answer: z.string().trim().min(2, '请填写答复内容').max(4000) });

/** The village committee answers (the liaison records it). */
export async function answerObjection(
  ctx: Ctx,
  objectionId: number,
  raw: z.input<typeof AnswerInput>,
): Promise<void> {
  const input = parseInput(AnswerInput, raw);
  const o = await ctx.db
    .selectFrom('village_objections')
    .selectAll()
    .where('id', '=', objectionId)
    .executeTakeFirst();
  if (!o) throw new NotFoundError();
  const scope = await agencyScope(ctx.db, o.agency_id);
  assertCan(villagePolicy.answerObjection(ctx.actor, scope, o.village_id, o.status), {
    message: o.status === 'open' ? '只有本村信息联络员可以答复' : '该异议已不在待答复状态',
  });
  const actor = ctx.actor as Extract<Ctx['actor'], { kind: 'user' }>;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('village_objections')
      .set({
        status: 'answered',
        answer: screen(input.answer),
        answered_by_name: actor.name,
        answered_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', objectionId)
      .where('status', '=', 'open')
      .execute();
    await recordEvent(trx, ctx, {
      action: 'village_objection.answered',
      objectType: 'village_disclosure',
      objectId: o.disclosure_id,
      agencyId: o.agency_id,
      after: { objection: objectionId },
    });
  });
}

export const OutcomeInput = z.object({
  outcome: z.string().trim().min(2, '请填写调查处理结果').max(4000),
  orderDisclosure: z.boolean().default(false),
});

/** The township records its investigation and outcome (第三十一条: 调查核实，责令依法公布). */
export async function recordObjectionOutcome(
  ctx: Ctx,
  objectionId: number,
  raw: z.input<typeof OutcomeInput>,
): Promise<void> {
  const input = parseInput(OutcomeInput, raw);
  const o = await ctx.db
    .selectFrom('village_objections')
    .selectAll()
    .where('id', '=', objectionId)
    .executeTakeFirst();
  if (!o) throw new NotFoundError();
  const scope = await agencyScope(ctx.db, o.agency_id);
  assertCan(villagePolicy.recordOutcome(ctx.actor, scope, o.village_id, o.status), {
    message: '只有本村包村干部或乡党政办可以登记调查处理结果（仅限已转乡镇的异议）',
  });
  const actor = ctx.actor as Extract<Ctx['actor'], { kind: 'user' }>;
  const text = (input.orderDisclosure ? '【责令村民委员会依法公布】' : '') + screen(input.outcome);
  const liaisons = await whoActs(ctx.db, o.agency_id, o.village_id, 'objection_open');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('village_objections')
      .set({
        status: 'resolved',
        outcome: text,
        outcome_by_name: actor.name,
        outcome_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', objectionId)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'village_objection.outcome',
      objectType: 'village_disclosure',
      objectId: o.disclosure_id,
      agencyId: o.agency_id,
      after: { objection: objectionId, orderDisclosure: input.orderDisclosure },
    });
    await notifyPersons(trx, ctx, liaisons, {
      kind: 'village.objection_outcome',
      title: input.orderDisclosure
        ? '乡镇责令依法公布：请按调查结果重新公开'
        : '乡镇已对村民异议作出调查处理',
      body: text,
      link: itemLink(o.disclosure_id),
    });
  });
}

/** Daily: objections past their answer date go to the township (第三十一条). Returns how many escalated. */
export async function escalateLapsedObjections(ctx: Ctx): Promise<number> {
  const today = ctx.clock.today();
  const lapsed = await ctx.db
    .selectFrom('village_objections as o')
    .innerJoin('village_disclosures as d', 'd.id', 'o.disclosure_id')
    .select(['o.id', 'o.agency_id', 'o.village_id', 'o.disclosure_id', 'o.answer_due_on', 'd.title'])
    .where('o.status', '=', 'open')
    .where('o.answer_due_on', '<', today)
    .execute();
  for (const o of lapsed) {
    const to = await whoActs(ctx.db, o.agency_id, o.village_id, 'objection_escalated');
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('village_objections')
        .set({ status: 'escalated', escalated_on: today })
        .where('id', '=', o.id)
        .execute();
      await recordEvent(trx, ctx, {
        action: 'village_objection.escalated',
        objectType: 'village_disclosure',
        objectId: o.disclosure_id,
        agencyId: o.agency_id,
        after: { objection: o.id, answerDueOn: o.answer_due_on },
      });
      await notifyPersons(trx, ctx, to, {
        kind: 'village.escalated',
        title: `村民异议逾期未答复，转乡镇调查：${o.title}`,
        body: `村委会未在${o.answer_due_on}前答复。村民委员会组织法第三十一条：乡镇人民政府应当调查核实，责令依法公布。`,
        link: itemLink(o.disclosure_id),
      });
    });
  }
  return lapsed.length;
}
