/**
 * What the public sees of 互动交流: the published messages (留言选登), with the masked public text the office approved
 * at publication and never the citizen's contact. Read by the portal pages and the open data API.
 */
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';
import { officeNames, reporterCount } from './inquiries.queries.ts';
import type { InquiryKind } from './inquiry.ts';

export interface PublishedInquiryHead {
  id: number;
  title: string;
  kind: InquiryKind;
  officeName: string | null;
  repliedOn: string | null;
}

export interface PublishedInquiry extends PublishedInquiryHead {
  topic: string;
  receivedOn: string;
  body: string;
  reply: string;
  /** How many people raised the same matter (merged duplicates: "N人反映"). */
  reporters: number;
}

export async function listPublishedInquiries(
  db: DbOrTrx,
  agencyId: number,
  opts: { limit: number; offset?: number },
): Promise<{ items: PublishedInquiryHead[]; total: number }> {
  const base = db.selectFrom('inquiries').where('agency_id', '=', agencyId).where('is_published', '=', 1);
  const [rows, count, names] = await Promise.all([
    base
      .select(['id', 'public_title', 'kind', 'office_id', 'replied_on'])
      .orderBy('replied_on', 'desc')
      .orderBy('id', 'desc')
      .limit(opts.limit)
      .offset(opts.offset ?? 0)
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    officeNames(db, agencyId),
  ]);
  return {
    items: rows.map((r) => ({
      id: toNumber(r.id),
      title: r.public_title ?? '',
      kind: r.kind as InquiryKind,
      officeName: r.office_id != null ? (names.get(toNumber(r.office_id)) ?? null) : null,
      repliedOn: r.replied_on,
    })),
    total: toNumber(count.n),
  };
}

export async function findPublishedInquiry(
  db: DbOrTrx,
  agencyId: number,
  id: number,
): Promise<PublishedInquiry | undefined> {
  if (!Number.isSafeInteger(id)) return undefined;
  const r = await db
    .selectFrom('inquiries')
    .select([
      'id',
      'public_title',
      'public_body',
      'public_reply',
      'kind',
      'topic',
      'office_id',
      'replied_on',
      'received_on',
    ])
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .where('is_published', '=', 1)
    .executeTakeFirst();
  if (!r) return undefined;
  const [names, reporters] = await Promise.all([
    officeNames(db, agencyId),
    reporterCount(db, toNumber(r.id)),
  ]);
  return {
    id: toNumber(r.id),
    title: r.public_title ?? '',
    kind: r.kind as InquiryKind,
    officeName: r.office_id != null ? (names.get(toNumber(r.office_id)) ?? null) : null,
    repliedOn: r.replied_on,
    topic: r.topic,
    receivedOn: r.received_on,
    body: r.public_body ?? '',
    reply: r.public_reply ?? '',
    reporters,
  };
}
