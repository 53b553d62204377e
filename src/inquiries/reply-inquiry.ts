/**
 * The answer: the responsible office drafts it (an answer, or for a 信访 matter where to go), its head approves or
 * returns it with the reason; one extension of the due date with a reason. An approved answer is what the citizen
 * sees — and every citizen whose message was merged into this thread.
 */
import type { Ctx } from '../context.ts';
import { InvalidStateError, parseInput, ValidationError } from '../errors.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { enqueue } from '../jobs/queue.ts';
import { ExtendInput, ReplyInput, ReturnInput } from './inquiry.schema.ts';
import { inquiryStep, actorName, formVersion } from './inquiry-step.ts';
import { handlersOf, headsOf } from './inquiries.queries.ts';
import { getInquirySettings } from './settings.ts';
import { CITIZEN_JOB } from './notify-citizen.ts';
import { OUTCOME_LABELS } from './inquiry.ts';

/** The first answer fixes 按期 or not; a later one (after a reopen) does not change it. */
export function firstAnswer(
  q: { firstRepliedOn: string | null; dueOn: string },
  today: string,
): { first_replied_on?: string; first_on_time?: number } {
  return q.firstRepliedOn ? {} : { first_replied_on: today, first_on_time: today <= q.dueOn ? 1 : 0 };
}

/** One extension, with its reason, of at most the configured working days. */
export async function extendInquiry(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(ExtendInput, raw);
  return inquiryStep(ctx, id, {
    expectedVersion: formVersion(raw),
    policy: 'handle',
    audit: 'inquiry.extended',
    from: ['in_progress', 'pending_approval'],
    async run({ trx, inquiry }) {
      if (inquiry.extensionDays != null) throw new InvalidStateError('每条留言只能延期一次，本留言已经延期');
      const s = await getInquirySettings(trx, inquiry.agencyId);
      if (input.days > s.maxExtensionDays)
        throw new ValidationError(`延期不能超过${s.maxExtensionDays}个工作日`, {
          days: `最多${s.maxExtensionDays}个工作日`,
        });
      const cal = await getCalendar(trx, inquiry.agencyId);
      const due = cal.addWorkdays(inquiry.dueOn, input.days);
      return {
        patch: {
          due_on: due,
          extension_days: input.days,
          extension_reason: input.reason,
          extended_by_name: actorName(ctx),
        },
        event: {
          kind: 'extended',
          forCitizen: true,
          note: `延长${input.days}个工作日至${due}：${input.reason}`,
        },
        citizen: `您的留言${inquiry.reference}需延长办理，答复期限延至${due}。理由：${input.reason}`,
        audit: {
          before: { dueOn: inquiry.dueOn },
          after: { dueOn: due, days: input.days, reason: input.reason },
        },
      };
    },
  });
}

/** The office submits its draft answer for its head's approval. */
export async function submitReply(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(ReplyInput, raw);
  return inquiryStep(ctx, id, {
    expectedVersion: formVersion(raw),
    policy: 'handle',
    audit: 'inquiry.reply_submitted',
    from: ['in_progress'],
    async run({ trx, inquiry }) {
      return {
        patch: {
          status: 'pending_approval',
          draft_reply: input.reply,
          draft_outcome: input.outcome,
          draft_by_name: actorName(ctx),
          returned_reason: null,
        },
        event: { kind: 'reply_submitted', note: OUTCOME_LABELS[input.outcome] },
        notify: {
          users: await headsOf(trx, inquiry.agencyId, inquiry.officeId),
          title: `留言${inquiry.reference}的答复待您审核（期限${inquiry.dueOn}）`,
        },
        audit: { after: { outcome: input.outcome } },
      };
    },
  });
}

/** The head returns the draft, with the reason, to the office. */
export async function returnReply(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(ReturnInput, raw);
  return inquiryStep(ctx, id, {
    expectedVersion: formVersion(raw),
    policy: 'approve',
    audit: 'inquiry.reply_returned',
    from: ['pending_approval'],
    async run({ trx, inquiry }) {
      return {
        patch: { status: 'in_progress', returned_reason: input.reason },
        event: { kind: 'reply_returned', note: input.reason },
        notify: {
          users: await handlersOf(trx, inquiry.agencyId, inquiry.officeId),
          title: `留言${inquiry.reference}的答复被退回：${input.reason}`,
        },
        audit: { after: { reason: input.reason } },
      };
    },
  });
}

/** The head approves: the answer goes to the citizen (and to those whose messages were merged into it). */
/** `raw`: the form, for its version (a stale form is refused). */
export async function approveReply(ctx: Ctx, id: number, raw?: unknown) {
  return inquiryStep(ctx, id, {
    expectedVersion: formVersion(raw),
    policy: 'approve',
    audit: 'inquiry.reply_approved',
    from: ['pending_approval'],
    async run({ trx, inquiry, today }) {
      if (!inquiry.draftReply) throw new InvalidStateError('没有待审核的答复');
      const merged = await trx
        .selectFrom('inquiries')
        .select(['id', 'contact_phone', 'contact_email'])
        .where('merged_into_id', '=', inquiry.id)
        .execute();
      const text = `您的留言${inquiry.reference}已答复，请凭查询码在门户网站“留言查询”查看并评价。`;
      for (const m of merged)
        if (m.contact_phone || m.contact_email) await enqueue(trx, CITIZEN_JOB, { inquiryId: m.id, text });
      return {
        patch: {
          status: 'answered',
          reply: inquiry.draftReply,
          outcome: inquiry.draftOutcome ?? 'answer',
          approved_by_name: actorName(ctx),
          replied_on: today,
          ...firstAnswer(inquiry, today),
          rating: null,
          rating_reason: null,
          rated_at: null,
        },
        event: { kind: 'answered', forCitizen: true, note: OUTCOME_LABELS[inquiry.draftOutcome ?? 'answer'] },
        citizen: text,
        audit: { after: { repliedOn: today, onTime: today <= inquiry.dueOn } },
      };
    },
  });
}
