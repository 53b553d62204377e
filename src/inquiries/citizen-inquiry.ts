/**
 * The citizen's side, without an account: with the reference and the tracking code they see the status history
 * with dates, the answer, and may rate it (满意 / 基本满意 / 不满意 with a reason) and reopen it within the
 * configured days. A wrong reference or code gets one "not found" (compared in constant time, rate-limited per IP).
 * The citizen's own contact details are never shown back on this page either.
 */
import type { Ctx } from '../context.ts';
import { DomainError, InvalidStateError, NotFoundError, parseInput } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { RateInput, ReopenInput, TrackInquiryInput } from './inquiry.schema.ts';
import { withinRate } from './abuse.ts';
import { trackingCodesEqual } from '../tracking/tracking-code.ts';
import {
  addEvent,
  getInquiry,
  handlersOf,
  listEvents,
  notifyUsers,
  officeLink,
  officeNames,
  reporterCount,
  updateInquiry,
  type InquiryEvent,
} from './inquiries.queries.ts';
import { getInquirySettings } from './settings.ts';
import { reopenUntil, replyDue } from './deadline.ts';
import { RATING_LABELS, type Inquiry } from './inquiry.ts';

export interface TrackedInquiry {
  inquiry: Inquiry;
  officeName: string | null;
  events: InquiryEvent[];
  /** The answer the citizen reads: their own, or the thread's they were merged into. */
  reply: string | null;
  repliedOn: string | null;
  mainReference: string | null;
  reporters: number;
  requestReference: string | null;
  canRate: boolean;
  canReopen: boolean;
  reopenUntil: string | null;
}

async function locate(ctx: Ctx, raw: unknown): Promise<Inquiry> {
  const input = parseInput(TrackInquiryInput, raw);
  const ok = await withinRate(ctx, `track:${ctx.meta.ip ?? 'unknown'}`, 30, 15 * 60 * 1000);
  if (!ok) throw new DomainError('rate_limited', '查询过于频繁，请15分钟后再试');
  const row = await ctx.db
    .selectFrom('inquiries')
    .select(['id', 'tracking_code'])
    .where('reference', '=', input.reference)
    .executeTakeFirst();
  // Compare against a dummy when the reference is unknown, so both paths cost the same.
  const ok2 = trackingCodesEqual(row?.tracking_code ?? 'XXXXXXXX', input.code);
  if (!row || !ok2) throw new NotFoundError('留言编号或查询码不正确，请核对提交留言时页面或短信上的信息');
  return getInquiry(ctx.db, row.id);
}

/** What the citizen sees. */
export async function trackInquiry(ctx: Ctx, raw: unknown): Promise<TrackedInquiry> {
  const q = await locate(ctx, raw);
  return view(ctx, q);
}

async function view(ctx: Ctx, q: Inquiry): Promise<TrackedInquiry> {
  const settings = await getInquirySettings(ctx.db, q.agencyId);
  const main = q.mergedIntoId ? await getInquiry(ctx.db, q.mergedIntoId) : q;
  const names = await officeNames(ctx.db, q.agencyId);
  const request = q.convertedRequestId
    ? await ctx.db
        .selectFrom('info_requests')
        .select('reference')
        .where('id', '=', q.convertedRequestId)
        .executeTakeFirst()
    : undefined;
  const until = q.status === 'answered' && q.repliedOn ? reopenUntil(q.repliedOn, settings.reopenDays) : null;
  const today = ctx.clock.today();
  return {
    inquiry: q,
    officeName: main.officeId ? (names.get(main.officeId) ?? null) : null,
    events: await listEvents(ctx.db, q.id, true),
    reply: main.status === 'answered' || main === q ? main.reply : null,
    repliedOn: main.status === 'answered' || main === q ? main.repliedOn : null,
    mainReference: q.mergedIntoId ? main.reference : null,
    reporters: await reporterCount(ctx.db, main.id),
    requestReference: request?.reference ?? null,
    canRate: q.status === 'answered' && q.rating == null,
    canReopen: until != null && today <= until,
    reopenUntil: until,
  };
}

/** The citizen rates the answer (once per answer). */
export async function rateInquiry(ctx: Ctx, raw: unknown): Promise<TrackedInquiry> {
  const q = await locate(ctx, raw);
  const input = parseInput(RateInput, raw);
  if (q.status !== 'answered') throw new InvalidStateError('留言答复后才能评价');
  if (q.rating) throw new InvalidStateError('您已评价过本次答复');
  const next = await ctx.db.transaction().execute(async (trx) => {
    const r = await updateInquiry(
      trx,
      q,
      { rating: input.rating, rating_reason: input.reason ?? null, rated_at: nowIso(ctx.clock.now()) },
      ctx.clock.now(),
    );
    await addEvent(trx, ctx, q.id, 'rated', {
      forCitizen: true,
      note: `${RATING_LABELS[input.rating]}${input.reason ? `：${input.reason}` : ''}`,
    });
    if (input.rating === 'dissatisfied')
      await notifyUsers(
        trx,
        await handlersOf(trx, q.agencyId, q.officeId),
        {
          kind: 'inquiry.dissatisfied',
          title: `留言${q.reference}的答复被评为不满意：${input.reason}`,
          link: officeLink(q.id),
        },
        ctx.clock.now(),
      );
    await recordEvent(trx, ctx, {
      action: 'inquiry.rated',
      objectType: 'inquiry',
      objectId: q.id,
      agencyId: q.agencyId,
      after: { rating: input.rating },
    });
    return r;
  });
  return view(ctx, next);
}

/** The citizen reopens: the answer did not resolve the matter. A new due date, the office is told. */
export async function reopenInquiry(ctx: Ctx, raw: unknown): Promise<TrackedInquiry> {
  const q = await locate(ctx, raw);
  const input = parseInput(ReopenInput, raw);
  const settings = await getInquirySettings(ctx.db, q.agencyId);
  if (q.status !== 'answered' || !q.repliedOn)
    throw new InvalidStateError('只有已答复的留言可以申请重新办理');
  const until = reopenUntil(q.repliedOn, settings.reopenDays);
  const today = ctx.clock.today();
  if (today > until)
    throw new InvalidStateError(
      `答复后${settings.reopenDays}日内可以申请重新办理（截至${until}），已超过期限，您可以重新留言`,
    );
  const cal = await getCalendar(ctx.db, q.agencyId);
  const due = replyDue(cal, today, settings.replyDays[q.kind]);
  const next = await ctx.db.transaction().execute(async (trx) => {
    const r = await updateInquiry(
      trx,
      q,
      {
        status: 'in_progress',
        reopen_count: q.reopenCount + 1,
        due_on: due,
        draft_reply: null,
        draft_outcome: null,
        draft_by_name: null,
        returned_reason: null,
      },
      ctx.clock.now(),
    );
    await addEvent(trx, ctx, q.id, 'reopened', {
      forCitizen: true,
      note: `${input.reopenReason}（新的答复期限${due}）`,
    });
    await notifyUsers(
      trx,
      await handlersOf(trx, q.agencyId, q.officeId),
      {
        kind: 'inquiry.reopened',
        title: `留言${q.reference}申请重新办理，请在${due}前再次答复：${input.reopenReason}`,
        link: officeLink(q.id),
      },
      ctx.clock.now(),
    );
    await recordEvent(trx, ctx, {
      action: 'inquiry.reopened',
      objectType: 'inquiry',
      objectId: q.id,
      agencyId: q.agencyId,
      after: { dueOn: due, reason: input.reopenReason },
    });
    return r;
  });
  return view(ctx, next);
}
