/**
 * The clerk's other ways to finish a message: merge a duplicate into its thread (one answer for all, shown as
 * "N人反映"), refer it (转办) to another agency or the 12345 hotline with the citizen told where and why, or not
 * accept it (不予受理) for one of the public reasons, with the citizen told.
 */
import type { Ctx } from '../context.ts';
import { InvalidStateError, parseInput, ValidationError } from '../errors.ts';
import { MergeInput, ReferInput, RejectInput } from './inquiry.schema.ts';
import { inquiryStep, actorName, formVersion } from './inquiry-step.ts';
import { addEvent } from './inquiries.queries.ts';
import { firstAnswer } from './reply-inquiry.ts';
import { OPEN_STATES, REJECT_REASON_LABELS } from './inquiry.ts';

/** Merge this message into the thread with the given reference. */
export async function mergeInquiry(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(MergeInput, raw);
  return inquiryStep(ctx, id, {
    expectedVersion: formVersion(raw),
    policy: 'manage',
    audit: 'inquiry.merged',
    from: ['pending_routing', 'in_progress'],
    stateMessage: '只有尚未答复的留言可以合并',
    async run({ trx, inquiry }) {
      const main = await trx
        .selectFrom('inquiries')
        .select(['id', 'reference', 'status', 'merged_into_id'])
        .where('agency_id', '=', inquiry.agencyId)
        .where('reference', '=', input.intoReference)
        .executeTakeFirst();
      if (!main) throw new ValidationError('未找到该编号的留言', { intoReference: '编号不存在' });
      if (main.id === inquiry.id)
        throw new ValidationError('不能与自身合并', { intoReference: '请填写另一条留言' });
      if (main.merged_into_id != null)
        throw new ValidationError('该留言本身已合并到其他留言，请填写主留言的编号', {
          intoReference: '不是主留言',
        });
      if (!(OPEN_STATES as string[]).includes(main.status) && main.status !== 'answered')
        throw new InvalidStateError('主留言已转办、转为申请或不予受理，不能再合并');
      // Messages already merged into this one follow it.
      await trx
        .updateTable('inquiries')
        .set({ merged_into_id: main.id })
        .where('merged_into_id', '=', inquiry.id)
        .execute();
      await addEvent(trx, ctx, main.id, 'merged', { note: `合并同类留言${inquiry.reference}` });
      return {
        patch: { status: 'merged', merged_into_id: main.id },
        event: {
          kind: 'merged',
          forCitizen: true,
          note: `与同类留言合并办理，答复将在此显示（主留言${main.reference}）`,
        },
        audit: { after: { into: main.reference } },
      };
    },
  });
}

/** 转办: the matter belongs to another agency (or the 12345 hotline); the citizen is told where it went. */
export async function referInquiry(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(ReferInput, raw);
  return inquiryStep(ctx, id, {
    expectedVersion: formVersion(raw),
    policy: 'manage',
    audit: 'inquiry.referred',
    from: ['pending_routing', 'in_progress'],
    async run({ inquiry, today }) {
      return {
        patch: {
          status: 'referred',
          referral_to: input.to,
          reply: input.note,
          approved_by_name: actorName(ctx),
          replied_on: today,
          ...firstAnswer(inquiry, today),
        },
        event: { kind: 'referred', forCitizen: true, note: `已转${input.to}办理：${input.note}` },
        citizen: `您的留言${inquiry.reference}已转${input.to}办理。${input.note}`,
        audit: { after: { to: input.to } },
      };
    },
  });
}

/** 不予受理 for one of the public reasons. */
export async function rejectInquiry(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(RejectInput, raw);
  return inquiryStep(ctx, id, {
    expectedVersion: formVersion(raw),
    policy: 'manage',
    audit: 'inquiry.rejected',
    from: ['pending_routing', 'in_progress'],
    async run({ inquiry, today }) {
      const label = REJECT_REASON_LABELS[input.reason];
      return {
        patch: {
          status: 'rejected',
          reject_reason: input.reason,
          reply: input.note,
          approved_by_name: actorName(ctx),
          replied_on: today,
          ...firstAnswer(inquiry, today),
        },
        event: { kind: 'rejected', forCitizen: true, note: `不予受理（${label}）：${input.note}` },
        citizen: `您的留言${inquiry.reference}不予受理（${label}）。${input.note}`,
        audit: { after: { reason: input.reason } },
      };
    },
  });
}
