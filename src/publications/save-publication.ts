/**
 * Save a draft (create, or change a draft/returned item): metadata, 属性认定, body (refused if it carries scripts,
 * else sanitised), and the due date of the 20-working-day rule from the agency's calendar.
 */
import type { Ctx } from '../context.ts';
import type { Trx } from '../db/database.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, ConflictError, parseInput, ValidationError } from '../errors.ts';
import { fromBool } from '../db/values.ts';
import { agencyScope } from '../org/org.queries.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { publicationPolicy } from './publication.policy.ts';
import { PublicationInput } from './publication.schema.ts';
import { activeContentProblem, htmlToText, sanitizeBody } from './sanitize-body.ts';
import { proactiveDueOn } from './timeliness.ts';
import { loadPublication, reindexPublication } from './publication-context.ts';
import { findPublication, getCategory } from './publications.queries.ts';
import { ensureCatalogue } from './seed-catalogue.ts';

async function checkReferences(ctx: Ctx, agencyId: number, input: PublicationInput, selfId: number | null) {
  const errors: Record<string, string> = {};
  const cat = await getCategory(ctx.db, input.categoryId).catch(() => null);
  if (!cat || cat.agencyId !== agencyId || !cat.isActive) errors.categoryId = '请选择本机关公开目录中的栏目';
  if (input.officeId != null) {
    const o = await ctx.db
      .selectFrom('offices')
      .select('id')
      .where('id', '=', input.officeId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    if (!o) errors.officeId = '请选择本机关的站办所';
  }
  for (const [field, id] of [
    ['interpretsId', input.interpretsId],
    ['repealedById', input.repealedById],
  ] as const) {
    if (id == null) continue;
    const other = await findPublication(ctx.db, id);
    if (!other || other.agencyId !== agencyId || other.id === selfId)
      errors[field] = '引用的文件不存在（请填写本机关已有政府信息的编号）';
  }
  if (Object.keys(errors).length) throw new ValidationError(Object.values(errors)[0]!, errors);
}

function bodyOf(raw: string): { html: string; text: string } {
  const problem = activeContentProblem(raw);
  if (problem) throw new ValidationError(problem, { body: problem });
  const html = sanitizeBody(raw);
  return { html, text: htmlToText(html) };
}

function columns(input: PublicationInput, body: { html: string; text: string }, dueOn: string) {
  return {
    category_id: input.categoryId,
    office_id: input.officeId,
    attribute: input.attribute,
    withhold_grounds: input.withholdGrounds.length ? JSON.stringify(input.withholdGrounds) : null,
    title: input.title,
    doc_no: input.docNo,
    issuer: input.issuer,
    written_on: input.writtenOn,
    topic: input.topic,
    genre: input.genre,
    keywords: input.keywords,
    body_html: body.html,
    body_text: body.text,
    doc_kind: input.docKind,
    interprets_id: input.interpretsId,
    is_major: fromBool(input.isMajor),
    formed_on: input.formedOn,
    due_on: dueOn,
    period_override_days: input.periodOverrideDays,
    period_override_basis: input.periodOverrideBasis,
    validity: input.validity,
    repealed_on: input.validity === 'in_force' ? null : input.repealedOn,
    repealed_by_id: input.validity === 'repealed' ? input.repealedById : null,
    repealed_by_title: input.validity === 'repealed' ? input.repealedByTitle : null,
  };
}

/** Create a draft in the actor's agency. Returns its id. */
export async function createPublication(ctx: Ctx, raw: unknown): Promise<number> {
  const actor = ctx.actor;
  assertCan(actor.kind === 'user');
  const scope = await agencyScope(ctx.db, actor.agencyId);
  assertCan(publicationPolicy.create(actor, scope), { message: '您没有撰写政府信息的权限' });
  await ensureCatalogue(ctx, actor.agencyId);
  const input = parseInput(PublicationInput, raw);
  if (input.officeId == null) input.officeId = actor.officeId;
  await checkReferences(ctx, actor.agencyId, input, null);
  const body = bodyOf(input.body);
  const cal = await getCalendar(ctx.db, actor.agencyId);
  const dueOn = proactiveDueOn(cal, input.formedOn, input.periodOverrideDays);
  return ctx.db.transaction().execute(async (trx: Trx) => {
    const now = ctx.clock.now();
    const row = await trx
      .insertInto('publications')
      .values({
        agency_id: actor.agencyId,
        status: 'draft',
        index_no: null,
        published_on: null,
        review_round: 0,
        secrecy_signed_by: null,
        secrecy_signed_name: null,
        secrecy_signed_at: null,
        secrecy_note: null,
        secrecy_hits_json: null,
        created_by: actor.userId,
        created_by_name: actor.name,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        version: 1,
        ...columns(input, body, dueOn),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      action: 'publication.created',
      objectType: 'publication',
      objectId: row.id,
      agencyId: actor.agencyId,
      after: { title: input.title, attribute: input.attribute, categoryId: input.categoryId, dueOn },
    });
    await reindexPublication(trx, row.id, now);
    return row.id;
  });
}

/** Change a draft or returned item (optimistic lock on `version`). */
export async function updatePublication(ctx: Ctx, id: number, version: number, raw: unknown): Promise<void> {
  const { item, scope, facts } = await loadPublication(ctx, id);
  assertCan(publicationPolicy.edit(ctx.actor, scope, facts), {
    message: '只有草稿或已退回的信息可以修改（审核中或已发布的信息不能直接修改）',
  });
  const input = parseInput(PublicationInput, raw);
  await checkReferences(ctx, item.agencyId, input, id);
  const body = bodyOf(input.body);
  const cal = await getCalendar(ctx.db, item.agencyId);
  const dueOn = proactiveDueOn(cal, input.formedOn, input.periodOverrideDays);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const r = await trx
      .updateTable('publications')
      .set({ ...columns(input, body, dueOn), updated_at: now.toISOString(), version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', 'in', ['draft', 'returned'])
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new ConflictError();
    await recordEvent(trx, ctx, {
      action: 'publication.updated',
      objectType: 'publication',
      objectId: id,
      agencyId: item.agencyId,
      before: { title: item.title, attribute: item.attribute, dueOn: item.dueOn },
      after: { title: input.title, attribute: input.attribute, dueOn },
    });
    await reindexPublication(trx, id, now);
  });
}
