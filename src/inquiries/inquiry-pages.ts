/**
 * Page queries of 互动交流's back office: what the message page, its attachment download, the comment moderation
 * redirect and the dashboard card read beyond the message itself. Rows are mapped here; routes never see SQL.
 */
import type { DbOrTrx } from '../db/database.ts';
import { parseJson } from '../db/values.ts';
import type { ScreenResult } from './screening.ts';
import type { InquiryState } from './inquiry.ts';

export interface AttachmentHead {
  id: number;
  fileName: string;
  size: number;
}

export interface InquiryDetailExtras {
  attachments: AttachmentHead[];
  /** The personal-data screening stored at intake (null: none stored). */
  screen: ScreenResult | null;
  /** Duplicates merged into this message. */
  merged: { id: number; reference: string; receivedOn: string }[];
  /** The disclosure request this message was converted into. */
  request: { id: number; reference: string; receivedOn: string | null } | undefined;
}

/** What the staff's message page shows besides the message: attachments, screening, merged duplicates, request. */
export async function inquiryDetailExtras(
  db: DbOrTrx,
  q: { id: number; convertedRequestId: number | null },
): Promise<InquiryDetailExtras> {
  const [attachments, screenRow, merged, request] = await Promise.all([
    db
      .selectFrom('inquiry_attachments')
      .select(['id', 'file_name', 'size'])
      .where('inquiry_id', '=', q.id)
      .execute(),
    db.selectFrom('inquiries').select('screen_json').where('id', '=', q.id).executeTakeFirst(),
    db
      .selectFrom('inquiries')
      .select(['id', 'reference', 'received_on'])
      .where('merged_into_id', '=', q.id)
      .orderBy('id')
      .execute(),
    q.convertedRequestId
      ? db
          .selectFrom('info_requests')
          .select(['id', 'reference', 'received_on'])
          .where('id', '=', q.convertedRequestId)
          .executeTakeFirst()
      : undefined,
  ]);
  return {
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, size: a.size })),
    screen: parseJson<ScreenResult | null>(screenRow?.screen_json, null),
    merged: merged.map((m) => ({ id: m.id, reference: m.reference, receivedOn: m.received_on })),
    request: request && { id: request.id, reference: request.reference, receivedOn: request.received_on },
  };
}

/** One attachment of a message, for the download (undefined: not this message's). */
export async function findInquiryAttachment(
  db: DbOrTrx,
  inquiryId: number,
  attachmentId: number,
): Promise<{ fileName: string; contentType: string; storagePath: string } | undefined> {
  const a = await db
    .selectFrom('inquiry_attachments')
    .select(['file_name', 'content_type', 'storage_path'])
    .where('id', '=', attachmentId)
    .where('inquiry_id', '=', inquiryId)
    .executeTakeFirst();
  return a && { fileName: a.file_name, contentType: a.content_type, storagePath: a.storage_path };
}

/** The 意见征集 a comment belongs to (undefined: no such comment). */
export async function commentCallOf(db: DbOrTrx, commentId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('comment_call_comments')
    .select('call_id')
    .where('id', '=', commentId)
    .executeTakeFirst();
  return row?.call_id;
}

export interface OpenInquiryHead {
  id: number;
  reference: string;
  status: InquiryState;
  officeId: number | null;
  dueOn: string;
}

/** The agency's messages still being handled (routing, answer, approval): the dashboard card. */
export async function listOpenInquiries(db: DbOrTrx, agencyId: number): Promise<OpenInquiryHead[]> {
  const rows = await db
    .selectFrom('inquiries')
    .select(['id', 'reference', 'status', 'office_id', 'due_on'])
    .where('agency_id', '=', agencyId)
    .where('status', 'in', ['pending_routing', 'in_progress', 'pending_approval'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: r.status as InquiryState,
    officeId: r.office_id,
    dueOn: r.due_on,
  }));
}
