/**
 * Publishing on the portal: an answered message whose author allowed it is published after the clerk's
 * moderation — the text the clerk approves is masked again with the shared secrecy scan (ID numbers, phones,
 * house addresses, names next to 低保/残疾 …), so nothing personal gets through an edit; contact details are never
 * part of it. Published Q&A and FAQ entries go into the portal search.
 */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { assertCan, InvalidStateError, NotFoundError, parseInput } from '../errors.ts';
import { fromBool, nowIso } from '../db/values.ts';
import { recordEvent } from '../audit/record-event.ts';
import { indexDocument, removeDocument } from '../search/search-index.ts';
import { touchPortal } from '../portal/portal-version.ts';
import { FaqInput, PublishInput } from './inquiry.schema.ts';
import { formVersion, inquiryStep } from './inquiry-step.ts';
import { inquiryAgencyScope, officeNames, type InquiryRow } from './inquiries.queries.ts';
import { inquiryPolicy } from './inquiry.policy.ts';
import { maskForPublication } from './screening.ts';
import { KIND_LABELS, type Inquiry } from './inquiry.ts';
import { cutChars } from '../text/cut.ts';

export const INQUIRY_SEARCH_KIND = 'inquiry';
export const FAQ_SEARCH_KIND = 'inquiry_faq';

/** The moderation form's starting point: the masked texts and a title cut from the question. */
export function publicationDraft(
  q: Inquiry,
  reply: string | null,
): { title: string; body: string; reply: string } {
  const body = maskForPublication(q.body);
  const first = body.split(/[。！？!?\n]/)[0] ?? body;
  return {
    title: cutChars(first, 30) || `${KIND_LABELS[q.kind]}：${q.topic}`,
    body,
    reply: maskForPublication(reply ?? ''),
  };
}

async function indexInquiry(trx: DbOrTrx, q: Inquiry, now: Date): Promise<void> {
  const names = await officeNames(trx, q.agencyId);
  await indexDocument(
    trx,
    {
      kind: INQUIRY_SEARCH_KIND,
      refId: q.id,
      agencyId: q.agencyId,
      isPublic: true,
      title: q.publicTitle ?? '',
      body: `${q.publicBody ?? ''}\n答复：${q.publicReply ?? ''}`,
      url: `/office/inquiries/${q.id}`,
      publicUrl: `/inquiries/public/${q.id}`,
      issuer: q.officeId ? (names.get(q.officeId) ?? null) : null,
      datedOn: q.repliedOn,
      year: q.repliedOn ? Number(q.repliedOn.slice(0, 4)) : null,
      status: 'answered',
    },
    now,
  );
}

/** Publish an answered message (after moderation). */
export async function publishInquiry(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(PublishInput, raw);
  return inquiryStep(ctx, id, {
    expectedVersion: formVersion(raw),
    policy: 'manage',
    audit: 'inquiry.published',
    from: ['answered'],
    stateMessage: '只有已答复的留言可以公开',
    async run({ trx, inquiry, today }) {
      if (!inquiry.allowPublish) throw new InvalidStateError('留言人未同意公开，不能公开发布');
      const patch: Partial<Omit<InquiryRow, 'id' | 'version'>> = {
        is_published: 1,
        public_title: maskForPublication(input.title),
        public_body: maskForPublication(input.body),
        public_reply: maskForPublication(input.reply),
        published_on: inquiry.publishedOn ?? today,
      };
      await indexInquiry(
        trx,
        {
          ...inquiry,
          publicTitle: patch.public_title!,
          publicBody: patch.public_body!,
          publicReply: patch.public_reply!,
        },
        ctx.clock.now(),
      );
      await touchPortal(trx);
      return { patch, event: { kind: 'published' }, audit: { after: { title: patch.public_title } } };
    },
  });
}

/** Take a published message off the portal. */
/** `raw`: the form, for its version (a stale form is refused). */
export async function unpublishInquiry(ctx: Ctx, id: number, raw?: unknown) {
  return inquiryStep(ctx, id, {
    expectedVersion: formVersion(raw),
    policy: 'manage',
    audit: 'inquiry.unpublished',
    from: ['answered', 'in_progress', 'pending_approval'],
    async run({ trx, inquiry }) {
      if (!inquiry.isPublished) throw new InvalidStateError('该留言没有公开');
      await removeDocument(trx, INQUIRY_SEARCH_KIND, inquiry.id);
      await touchPortal(trx);
      return { patch: { is_published: 0 }, event: { kind: 'unpublished' } };
    },
  });
}

export interface Faq {
  id: number;
  officeId: number | null;
  sourceInquiryId: number | null;
  question: string;
  answer: string;
  sortOrder: number;
  isPublished: boolean;
  updatedAt: string;
}

export async function listFaqs(db: DbOrTrx, agencyId: number, publishedOnly = false): Promise<Faq[]> {
  let q = db.selectFrom('inquiry_faqs').selectAll().where('agency_id', '=', agencyId);
  if (publishedOnly) q = q.where('is_published', '=', 1);
  const rows = await q.orderBy('sort_order').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    officeId: r.office_id,
    sourceInquiryId: r.source_inquiry_id,
    question: r.question,
    answer: r.answer,
    sortOrder: Number(r.sort_order),
    isPublished: r.is_published === 1,
    updatedAt: r.updated_at,
  }));
}

/** Create (id null) or edit an FAQ entry; a published entry is in the portal search. */
export async function saveFaq(
  ctx: Ctx,
  agencyId: number,
  id: number | null,
  raw: unknown,
  sourceInquiryId: number | null = null,
): Promise<number> {
  assertCan(inquiryPolicy.manage(ctx.actor, await inquiryAgencyScope(ctx.db, agencyId)), { hide: true });
  const input = parseInput(FaqInput, raw);
  const now = ctx.clock.now();
  const question = maskForPublication(input.question);
  const answer = maskForPublication(input.answer);
  return ctx.db.transaction().execute(async (trx) => {
    const values = {
      office_id: input.officeId ?? null,
      question,
      answer,
      sort_order: input.sortOrder,
      is_published: fromBool(input.isPublished),
      updated_by_name: ctx.actor.kind === 'user' ? ctx.actor.name : '系统',
      updated_at: nowIso(now),
    };
    let faqId = id;
    if (faqId == null) {
      const r = await trx
        .insertInto('inquiry_faqs')
        .values({ ...values, agency_id: agencyId, source_inquiry_id: sourceInquiryId })
        .returning('id')
        .executeTakeFirstOrThrow();
      faqId = r.id;
    } else {
      const r = await trx
        .updateTable('inquiry_faqs')
        .set(values)
        .where('id', '=', faqId)
        .where('agency_id', '=', agencyId)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new NotFoundError('未找到该常见问题');
    }
    if (input.isPublished)
      await indexDocument(
        trx,
        {
          kind: FAQ_SEARCH_KIND,
          refId: faqId,
          agencyId,
          isPublic: true,
          title: question,
          body: answer,
          url: '/office/inquiries/faq',
          publicUrl: `/inquiries/faq#faq-${faqId}`,
          issuer: '常见问题',
        },
        now,
      );
    else await removeDocument(trx, FAQ_SEARCH_KIND, faqId);
    await touchPortal(trx);
    await recordEvent(trx, ctx, {
      action: 'inquiry.faq_saved',
      objectType: 'inquiry_faq',
      objectId: faqId,
      agencyId,
      after: { question, isPublished: input.isPublished },
    });
    return faqId;
  });
}
