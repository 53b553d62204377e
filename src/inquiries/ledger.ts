/** The message ledger (台账) for staff: filters, newest first, with the thread size and the rating. */
import type { DbOrTrx } from '../db/database.ts';
import type { InquiryKind, InquiryState, Rating } from './inquiry.ts';
import { cutChars } from '../text/cut.ts';

export interface LedgerFilter {
  status?: string;
  kind?: string;
  officeId?: number | null;
  q?: string;
  /** Only messages waiting on this user's office (drafters, heads). */
  officeOnly?: number | null;
}

export interface LedgerRow {
  id: number;
  reference: string;
  receivedOn: string;
  kind: InquiryKind;
  topic: string;
  officeId: number | null;
  status: InquiryState;
  dueOn: string;
  rating: Rating | null;
  needsScreening: boolean;
  mergedIntoId: number | null;
  merged: number;
  excerpt: string;
}

export async function listLedger(
  db: DbOrTrx,
  agencyId: number,
  f: LedgerFilter,
  limit = 200,
): Promise<LedgerRow[]> {
  let q = db
    .selectFrom('inquiries as i')
    .select((eb) => [
      'i.id',
      'i.reference',
      'i.received_on',
      'i.kind',
      'i.topic',
      'i.office_id',
      'i.status',
      'i.due_on',
      'i.rating',
      'i.needs_screening',
      'i.merged_into_id',
      'i.body',
      eb
        .selectFrom('inquiries as d')
        .select((e2) => e2.fn.countAll<number>().as('n'))
        .whereRef('d.merged_into_id', '=', 'i.id')
        .as('merged'),
    ])
    .where('i.agency_id', '=', agencyId);
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.kind) q = q.where('i.kind', '=', f.kind);
  if (f.officeId) q = q.where('i.office_id', '=', f.officeId);
  if (f.q)
    q = q.where((eb) => eb.or([eb('i.reference', 'like', `%${f.q}%`), eb('i.body', 'like', `%${f.q}%`)]));
  const rows = await q.orderBy('i.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    receivedOn: r.received_on,
    kind: r.kind as InquiryKind,
    topic: r.topic,
    officeId: r.office_id,
    status: r.status as InquiryState,
    dueOn: r.due_on,
    rating: r.rating as Rating | null,
    needsScreening: r.needs_screening === 1,
    mergedIntoId: r.merged_into_id,
    merged: Number(r.merged ?? 0),
    excerpt: cutChars(r.body, 40),
  }));
}
