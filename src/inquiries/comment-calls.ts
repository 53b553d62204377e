/**
 * 意见征集 (public comment): an office publishes a draft (a policy or plan) for comments until a closing date;
 * citizens comment (screened like messages, rate-limited, honeypot); clean comments are shown at once with personal
 * data masked, a comment with a sensitive word waits for the clerk. After closing the office records, comment by
 * comment, what was adopted and why not, and publishes the 采纳情况; it is due a set number of working days after
 * closing, and the daily run reminds the office when it is late.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { assertCan, InvalidStateError, NotFoundError, parseInput, ValidationError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { touchPortal } from '../portal/portal-version.ts';
import type { Agency } from '../org/org.ts';
import { ADOPTIONS, CommentCallInput, CommentInput, textField } from './inquiry.schema.ts';
import { inquiryPolicy } from './inquiry.policy.ts';
import { getInquirySettings } from './settings.ts';
import { screenText } from './screening.ts';
import { guardSubmission, type AbuseInput } from './abuse.ts';
import { clerksOf, inquiryAgencyScope, notifyUsers } from './inquiries.queries.ts';
import { contactKeyOf } from './submit-inquiry.ts';

export interface CommentCall {
  id: number;
  agencyId: number;
  officeId: number | null;
  title: string;
  draftText: string;
  opensOn: string;
  closesOn: string;
  adoptionDueOn: string;
  adoptionSummary: string | null;
  adoptionPublishedOn: string | null;
}

export interface CallComment {
  id: number;
  body: string;
  publicBody: string;
  contactName: string | null;
  status: 'shown' | 'held' | 'hidden';
  adoption: (typeof ADOPTIONS)[number] | null;
  adoptionNote: string | null;
  createdAt: string;
  screen: ReturnType<typeof screenText> | null;
}

type CallRow = {
  id: number;
  agency_id: number;
  office_id: number | null;
  title: string;
  draft_text: string;
  opens_on: string;
  closes_on: string;
  adoption_due_on: string;
  adoption_summary: string | null;
  adoption_published_on: string | null;
};
const toCall = (r: CallRow): CommentCall => ({
  id: r.id,
  agencyId: r.agency_id,
  officeId: r.office_id,
  title: r.title,
  draftText: r.draft_text,
  opensOn: r.opens_on,
  closesOn: r.closes_on,
  adoptionDueOn: r.adoption_due_on,
  adoptionSummary: r.adoption_summary,
  adoptionPublishedOn: r.adoption_published_on,
});

export async function listCommentCalls(db: DbOrTrx, agencyId: number): Promise<CommentCall[]> {
  const rows = await db
    .selectFrom('comment_calls')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toCall);
}

export async function getCommentCall(db: DbOrTrx, id: number): Promise<CommentCall> {
  const r = await db.selectFrom('comment_calls').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('未找到该意见征集');
  return toCall(r);
}

export async function listComments(db: DbOrTrx, callId: number, shownOnly = false): Promise<CallComment[]> {
  let q = db.selectFrom('comment_call_comments').selectAll().where('call_id', '=', callId);
  if (shownOnly) q = q.where('status', '=', 'shown');
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    publicBody: r.public_body,
    contactName: r.contact_name,
    status: r.status as CallComment['status'],
    adoption: r.adoption as CallComment['adoption'],
    adoptionNote: r.adoption_note,
    createdAt: r.created_at,
    screen: r.screen_json ? JSON.parse(r.screen_json) : null,
  }));
}

/** The office (through the clerk) publishes a draft for comments. */
export async function createCommentCall(ctx: Ctx, agencyId: number, raw: unknown): Promise<CommentCall> {
  assertCan(inquiryPolicy.manage(ctx.actor, await inquiryAgencyScope(ctx.db, agencyId)), { hide: true });
  const input = parseInput(CommentCallInput, raw);
  const today = ctx.clock.today();
  if (input.closesOn <= today) throw new ValidationError('截止日期应晚于今天', { closesOn: '应晚于今天' });
  const settings = await getInquirySettings(ctx.db, agencyId);
  const cal = await getCalendar(ctx.db, agencyId);
  const now = nowIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('comment_calls')
      .values({
        agency_id: agencyId,
        office_id: input.officeId ?? null,
        title: input.title,
        draft_text: input.draftText,
        opens_on: today,
        closes_on: input.closesOn,
        adoption_due_on: cal.addWorkdays(input.closesOn, settings.adoptionDays),
        adoption_summary: null,
        adoption_published_on: null,
        reminded_on: null,
        created_by_name: ctx.actor.kind === 'user' ? ctx.actor.name : '系统',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchPortal(trx);
    await recordEvent(trx, ctx, {
      action: 'comment_call.created',
      objectType: 'comment_call',
      objectId: r.id,
      agencyId,
      after: { title: input.title, closesOn: input.closesOn },
    });
    return getCommentCall(trx, r.id);
  });
}

/** A citizen comments on an open call. */
export async function submitComment(
  ctx: Ctx,
  agency: Agency,
  callId: number,
  raw: unknown,
  abuse: AbuseInput = {},
): Promise<{ shown: boolean }> {
  const call = await getCommentCall(ctx.db, callId);
  if (call.agencyId !== agency.id) throw new NotFoundError('未找到该意见征集');
  const input = parseInput(CommentInput, raw);
  const today = ctx.clock.today();
  if (today > call.closesOn)
    throw new InvalidStateError(`本次意见征集已于${call.closesOn}截止，不再接收意见`);
  const settings = await getInquirySettings(ctx.db, agency.id);
  await guardSubmission(ctx, 'comment', { ...abuse, contactKey: contactKeyOf(input.contactPhone) }, settings);
  const screen = screenText(input.body, settings);
  const clerks = screen.hold ? await clerksOf(ctx.db, agency.id) : [];
  return ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('comment_call_comments')
      .values({
        call_id: callId,
        body: input.body,
        public_body: screen.masked,
        contact_name: input.contactName ?? null,
        contact_phone: input.contactPhone ?? null,
        screen_json: JSON.stringify(screen),
        status: screen.hold ? 'held' : 'shown',
        adoption: null,
        adoption_note: null,
        created_at: nowIso(ctx.clock.now()),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (screen.hold)
      await notifyUsers(
        trx,
        clerks,
        {
          kind: 'comment_call.held',
          title: `意见征集“${call.title}”收到一条需审看的意见`,
          link: `/office/comment-calls/${callId}`,
        },
        ctx.clock.now(),
      );
    else await touchPortal(trx);
    await recordEvent(trx, ctx, {
      action: 'comment_call.commented',
      objectType: 'comment_call_comment',
      objectId: r.id,
      agencyId: agency.id,
      after: { callId, held: screen.hold },
    });
    return { shown: !screen.hold };
  });
}

/** The clerk shows or hides a comment (after looking at why it was held). */
export async function moderateComment(ctx: Ctx, commentId: number, show: boolean): Promise<void> {
  const c = await ctx.db
    .selectFrom('comment_call_comments')
    .innerJoin('comment_calls', 'comment_calls.id', 'comment_call_comments.call_id')
    .select(['comment_call_comments.id', 'comment_calls.agency_id'])
    .where('comment_call_comments.id', '=', commentId)
    .executeTakeFirst();
  if (!c) throw new NotFoundError('未找到该意见');
  assertCan(inquiryPolicy.manage(ctx.actor, await inquiryAgencyScope(ctx.db, c.agency_id)), { hide: true });
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('comment_call_comments')
      .set({ status: show ? 'shown' : 'hidden' })
      .where('id', '=', commentId)
      .execute();
    await touchPortal(trx);
    await recordEvent(trx, ctx, {
      action: 'comment_call.comment_moderated',
      objectType: 'comment_call_comment',
      objectId: commentId,
      agencyId: c.agency_id,
      after: { show },
    });
  });
}

export const AdoptionInput = z.object({
  summary: textField('采纳情况说明', 4000),
  items: z.array(
    z.object({
      id: z.coerce.number().int().positive(),
      adoption: z.enum(ADOPTIONS, { error: '请为每条意见选择采纳、部分采纳或未采纳' }),
      note: z.string().trim().max(500).default(''),
    }),
  ),
});

/** After closing: what was adopted and why not, published on the portal. */
export async function publishAdoption(ctx: Ctx, callId: number, raw: unknown): Promise<void> {
  const call = await getCommentCall(ctx.db, callId);
  assertCan(inquiryPolicy.manage(ctx.actor, await inquiryAgencyScope(ctx.db, call.agencyId)), { hide: true });
  const today = ctx.clock.today();
  if (today <= call.closesOn) throw new InvalidStateError(`意见征集${call.closesOn}截止后才能公布采纳情况`);
  const input = parseInput(AdoptionInput, raw);
  const comments = await listComments(ctx.db, callId, true);
  for (const c of comments) {
    const item = input.items.find((i) => i.id === c.id);
    if (!item) throw new ValidationError('请为每条公开的意见填写采纳情况', { items: '有意见未填写' });
    if (item.adoption !== 'adopted' && !item.note)
      throw new ValidationError('未采纳或部分采纳的意见请说明理由', { [`note-${c.id}`]: '请说明理由' });
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (const i of input.items)
      await trx
        .updateTable('comment_call_comments')
        .set({ adoption: i.adoption, adoption_note: i.note || null })
        .where('id', '=', i.id)
        .where('call_id', '=', callId)
        .execute();
    await trx
      .updateTable('comment_calls')
      .set({
        adoption_summary: input.summary,
        adoption_published_on: today,
        updated_at: nowIso(ctx.clock.now()),
      })
      .where('id', '=', callId)
      .execute();
    await touchPortal(trx);
    await recordEvent(trx, ctx, {
      action: 'comment_call.adoption_published',
      objectType: 'comment_call',
      objectId: callId,
      agencyId: call.agencyId,
      after: { items: input.items.length },
    });
  });
}
