/**
 * SQL of 互动交流 that more than one use case needs: the row ↔ domain mapping, the message's scope, the status
 * history, and who is waited for (every waiting state resolves to persons, who are notified).
 */
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { nowIso, toBool } from '../db/values.ts';
import { agencyScope, listUsers } from '../org/org.queries.ts';
import type { User } from '../org/org.ts';
import { notify } from '../notifications/notify.ts';
import type { Ctx } from '../context.ts';
import type { InquiryTable } from './inquiries.tables.ts';
import type { Inquiry } from './inquiry.ts';
import type { InquiryAgencyScope, InquiryScope } from './inquiry.policy.ts';

export type InquiryRow = Selectable<InquiryTable>;

export function toInquiry(r: InquiryRow): Inquiry {
  return {
    id: r.id,
    agencyId: r.agency_id,
    reference: r.reference,
    trackingCode: r.tracking_code,
    kind: r.kind as Inquiry['kind'],
    topic: r.topic,
    villageId: r.village_id,
    officeChosenId: r.office_chosen_id,
    officeId: r.office_id,
    body: r.body,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    allowPublish: toBool(r.allow_publish),
    channel: r.channel,
    status: r.status as Inquiry['status'],
    needsScreening: toBool(r.needs_screening),
    submittedAt: r.submitted_at,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    originalDueOn: r.original_due_on,
    extensionDays: r.extension_days == null ? null : Number(r.extension_days),
    extensionReason: r.extension_reason,
    draftReply: r.draft_reply,
    draftOutcome: r.draft_outcome as Inquiry['draftOutcome'],
    draftByName: r.draft_by_name,
    returnedReason: r.returned_reason,
    reply: r.reply,
    outcome: r.outcome as Inquiry['outcome'],
    approvedByName: r.approved_by_name,
    firstRepliedOn: r.first_replied_on,
    repliedOn: r.replied_on,
    referralTo: r.referral_to,
    rejectReason: r.reject_reason,
    convertedRequestId: r.converted_request_id,
    mergedIntoId: r.merged_into_id,
    rating: r.rating as Inquiry['rating'],
    ratingReason: r.rating_reason,
    ratedAt: r.rated_at,
    reopenCount: Number(r.reopen_count),
    isPublished: toBool(r.is_published),
    publicTitle: r.public_title,
    publicBody: r.public_body,
    publicReply: r.public_reply,
    publishedOn: r.published_on,
    version: Number(r.version),
  };
}

export async function findInquiry(db: DbOrTrx, id: number): Promise<Inquiry | undefined> {
  const r = await db.selectFrom('inquiries').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toInquiry(r) : undefined;
}

export async function getInquiry(db: DbOrTrx, id: number): Promise<Inquiry> {
  const r = await findInquiry(db, id);
  if (!r) throw new NotFoundError('未找到该留言');
  return r;
}

export interface PendingTransfer {
  id: number;
  fromOfficeId: number | null;
  toOfficeId: number;
  reason: string;
  requestedByName: string;
  requestedAt: string;
}

export async function pendingTransfer(db: DbOrTrx, inquiryId: number): Promise<PendingTransfer | undefined> {
  const t = await db
    .selectFrom('inquiry_transfers')
    .selectAll()
    .where('inquiry_id', '=', inquiryId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return t
    ? {
        id: t.id,
        fromOfficeId: t.from_office_id,
        toOfficeId: t.to_office_id,
        reason: t.reason,
        requestedByName: t.requested_by_name,
        requestedAt: t.requested_at,
      }
    : undefined;
}

/** The agency scope of the ledger's own work (routing, screening, 意见征集): who does the clerk's work. */
export async function inquiryAgencyScope(db: DbOrTrx, agencyId: number): Promise<InquiryAgencyScope> {
  const [s, clerks] = await Promise.all([agencyScope(db, agencyId), clerksOf(db, agencyId)]);
  return { ...s, clerkIds: clerks.map((u) => u.id) };
}

export async function inquiryScope(db: DbOrTrx, q: Inquiry): Promise<InquiryScope> {
  const s = await inquiryAgencyScope(db, q.agencyId);
  const t = await pendingTransfer(db, q.id);
  const [approvers, transferApprovers] = await Promise.all([
    headsOf(db, q.agencyId, q.officeId),
    t ? headsOf(db, q.agencyId, t.toOfficeId) : Promise.resolve([]),
  ]);
  return {
    ...s,
    officeId: q.officeId,
    transferToOfficeId: t?.toOfficeId ?? null,
    approverIds: approvers.map((u) => u.id),
    transferApproverIds: transferApprovers.map((u) => u.id),
  };
}

/** Update a message under its version (optimistic lock); returns the new row. */
export async function updateInquiry(
  trx: DbOrTrx,
  q: Pick<Inquiry, 'id' | 'version'>,
  patch: Partial<Omit<InquiryRow, 'id' | 'version'>>,
  now: Date,
): Promise<Inquiry> {
  const r = await trx
    .updateTable('inquiries')
    .set({ ...patch, updated_at: nowIso(now), version: q.version + 1 })
    .where('id', '=', q.id)
    .where('version', '=', q.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new ConflictError();
  return getInquiry(trx, q.id);
}

/** One line of the status history (for_citizen: shown on the tracking page). */
export async function addEvent(
  trx: DbOrTrx,
  ctx: Pick<Ctx, 'actor' | 'clock'>,
  inquiryId: number,
  kind: string,
  opts: { forCitizen?: boolean; note?: string | null } = {},
): Promise<void> {
  await trx
    .insertInto('inquiry_events')
    .values({
      inquiry_id: inquiryId,
      at: nowIso(ctx.clock.now()),
      on_date: ctx.clock.today(),
      kind,
      for_citizen: opts.forCitizen ? 1 : 0,
      actor_name:
        ctx.actor.kind === 'user' ? ctx.actor.name : ctx.actor.kind === 'public' ? '留言人' : ctx.actor.name,
      note: opts.note ?? null,
    })
    .execute();
}

export interface InquiryEvent {
  id: number;
  at: string;
  onDate: string;
  kind: string;
  forCitizen: boolean;
  actorName: string;
  note: string | null;
}

export async function listEvents(
  db: DbOrTrx,
  inquiryId: number,
  citizenOnly = false,
): Promise<InquiryEvent[]> {
  let q = db.selectFrom('inquiry_events').selectAll().where('inquiry_id', '=', inquiryId);
  if (citizenOnly) q = q.where('for_citizen', '=', 1);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    onDate: r.on_date,
    kind: r.kind,
    forCitizen: toBool(r.for_citizen),
    actorName: r.actor_name,
    note: r.note,
  }));
}

const active = (us: User[]) => us.filter((u) => u.isActive);

/** The clerks of the agency (routing, screening, moderation); admins when there is no clerk. */
export async function clerksOf(db: DbOrTrx, agencyId: number): Promise<User[]> {
  const all = active(await listUsers(db, agencyId));
  const clerks = all.filter((u) => u.roles.includes('clerk'));
  return clerks.length ? clerks : all.filter((u) => u.roles.includes('admin'));
}

/** Leaders (分管领导, 主要领导): the fallback approvers. */
async function leadersOf(db: DbOrTrx, agencyId: number): Promise<User[]> {
  const all = active(await listUsers(db, agencyId));
  const deputies = all.filter((u) => u.roles.includes('deputy_leader'));
  return deputies.length ? deputies : all.filter((u) => u.roles.includes('principal_leader'));
}

/** Who drafts the answer: the office's drafters and head; the clerks when the office has nobody. */
export async function handlersOf(db: DbOrTrx, agencyId: number, officeId: number | null): Promise<User[]> {
  const all = active(await listUsers(db, agencyId));
  const staff = all.filter(
    (u) =>
      officeId != null &&
      u.officeId === officeId &&
      u.roles.some((r) => r === 'drafter' || r === 'office_head'),
  );
  return staff.length ? staff : clerksOf(db, agencyId);
}

/** Who approves an office's answer (or accepts a transfer to it): its head; a leader when it has none. */
export async function headsOf(db: DbOrTrx, agencyId: number, officeId: number | null): Promise<User[]> {
  const all = active(await listUsers(db, agencyId));
  const heads = all.filter(
    (u) => officeId != null && u.officeId === officeId && u.roles.includes('office_head'),
  );
  if (heads.length) return heads;
  const leaders = await leadersOf(db, agencyId);
  return leaders.length ? leaders : clerksOf(db, agencyId);
}

/**
 * Write a reminder to each user (in the caller's transaction) through the one notification writer: in-app at once,
 * e-mail / SMS as each user chose.
 */
export async function notifyUsers(
  trx: DbOrTrx,
  users: readonly Pick<User, 'id'>[],
  n: { kind: string; title: string; body?: string; link: string },
  now: Date,
): Promise<number> {
  return notify(
    trx,
    now,
    users.map((u) => u.id),
    { kind: n.kind, title: n.title, body: n.body ?? n.title, link: n.link },
    { deliver: true },
  );
}

export const officeLink = (id: number) => `/office/inquiries/${id}`;

/** How many citizens raised the matter: the thread itself and the messages merged into it (N人反映). */
export async function reporterCount(db: DbOrTrx, id: number): Promise<number> {
  const r = await db
    .selectFrom('inquiries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('merged_into_id', '=', id)
    .executeTakeFirstOrThrow();
  return 1 + Number(r.n);
}

/** Office names of an agency by id. */
export async function officeNames(db: DbOrTrx, agencyId: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('offices')
    .select(['id', 'name'])
    .where('agency_id', '=', agencyId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
