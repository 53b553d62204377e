/**
 * Reads for the 依申请公开 pages (back office, the applicant's tracking page, the JSON API and the dashboard card):
 * what one page shows, in one call, so the web layer holds no SQL. Authorization stays where it was: a request's
 * page goes through resolveRequest (outsiders get "not found"); the rest take an agency the caller already checked.
 */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { listOffices, listUsers } from '../org/org.queries.ts';
import { computeDeadline } from './deadline.ts';
import { deadlineInputOf } from './request-clock.ts';
import { OPEN_STATES, type InfoRequest } from './request.ts';
import { resolveRequest } from './request-step.ts';
import { getRequestSettings, type RequestSettings } from './settings.ts';
import { waitingOfRequest } from './waiting.ts';

async function clockOf(db: DbOrTrx, r: InfoRequest, settings: RequestSettings) {
  const cal = await getCalendar(db, r.agencyId);
  const input = await deadlineInputOf(db, r, settings.feePausesReplyClock);
  return input ? computeDeadline(cal, input) : null;
}

/** A request's reply clock, step by step (null while nothing runs, e.g. before the request is received). */
export async function requestClock(db: DbOrTrx, r: InfoRequest) {
  return clockOf(db, r, await getRequestSettings(db, r.agencyId));
}

/** Everything a request's back-office page shows: the request, its clock, its records, letters and history. */
export async function requestPageQuery(ctx: Ctx, id: number) {
  const db = ctx.db;
  const { request, scope, agency } = await resolveRequest(ctx, id);
  const settings = await getRequestSettings(db, request.agencyId);
  const clock = await clockOf(db, request, settings);
  const reads = await allOf({
    corrections: db
      .selectFrom('request_corrections')
      .selectAll()
      .where('request_id', '=', id)
      .orderBy('id')
      .execute(),
    consultations: db
      .selectFrom('request_consultations')
      .selectAll()
      .where('request_id', '=', id)
      .orderBy('id')
      .execute(),
    notes: db.selectFrom('request_notes').selectAll().where('request_id', '=', id).orderBy('id').execute(),
    attachments: db
      .selectFrom('request_attachments')
      .selectAll()
      .where('request_id', '=', id)
      .orderBy('id')
      .execute(),
    letters: db
      .selectFrom('request_letters')
      .selectAll()
      .where('request_id', '=', id)
      .orderBy('id')
      .execute(),
    deliveries: db
      .selectFrom('request_deliveries')
      .selectAll()
      .where('request_id', '=', id)
      .orderBy('id')
      .execute(),
    withheld: db
      .selectFrom('request_withheld_parts')
      .selectAll()
      .where('request_id', '=', id)
      .orderBy('id')
      .execute(),
    waivers: db
      .selectFrom('request_fee_waivers')
      .selectAll()
      .where('request_id', '=', id)
      .orderBy('id')
      .execute(),
    offices: listOffices(db, request.agencyId),
    users: listUsers(db, request.agencyId),
    events: db
      .selectFrom('audit_events')
      .select(['occurred_at', 'actor_name', 'action', 'note'])
      .where('object_type', '=', 'info_request')
      .where('object_id', '=', String(id))
      .orderBy('id')
      .execute(),
    duplicateOf: request.duplicateOfId
      ? db
          .selectFrom('info_requests')
          .select(['id', 'reference'])
          .where('id', '=', request.duplicateOfId)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    reasonRequests: db
      .selectFrom('request_reason_requests')
      .selectAll()
      .where('request_id', '=', id)
      .orderBy('id')
      .execute(),
  });
  const waiting = await waitingOfRequest(db, request);
  return { request, scope, agency, settings, clock, ...reads, waiting };
}

/** Await an object of promises at once, keeping each result under its name (each read named once, not thrice). */
async function allOf<T extends Record<string, Promise<unknown>>>(
  promises: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const keys = Object.keys(promises);
  const values = await Promise.all(Object.values(promises));
  return Object.fromEntries(keys.map((k, i) => [k, values[i]])) as { [K in keyof T]: Awaited<T[K]> };
}

export type RequestPage = Awaited<ReturnType<typeof requestPageQuery>>;

/** One letter of one request (a letter id of another request is not found). */
export function findRequestLetter(db: DbOrTrx, requestId: number, letterId: number) {
  return db
    .selectFrom('request_letters')
    .selectAll()
    .where('id', '=', letterId)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

/** A request's letters as the JSON API lists them. */
export function listRequestLetters(db: DbOrTrx, requestId: number) {
  return db
    .selectFrom('request_letters')
    .select(['id', 'kind', 'doc_no', 'title', 'addressee', 'issued_on', 'for_applicant'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

/** One attachment of one request, optionally only of one source (the applicant downloads only disclosed files). */
export function findRequestAttachment(db: DbOrTrx, requestId: number, attachmentId: number, source?: string) {
  let q = db
    .selectFrom('request_attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('request_id', '=', requestId);
  if (source !== undefined) q = q.where('source', '=', source);
  return q.executeTakeFirst();
}

/** The name of the agency a request was made to (its letters are signed with it). */
export async function requestAgencyName(db: DbOrTrx, requestId: number): Promise<string> {
  const row = await db
    .selectFrom('info_requests')
    .innerJoin('agencies', 'agencies.id', 'info_requests.agency_id')
    .select('agencies.name')
    .where('info_requests.id', '=', requestId)
    .executeTakeFirstOrThrow();
  return row.name;
}

/** An agency's 复议/诉讼 cases, newest filing first. */
export function listAppeals(db: DbOrTrx, agencyId: number) {
  return db
    .selectFrom('request_appeals')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('filed_on', 'desc')
    .execute();
}

/** The requests the dashboard card weighs: open ones and those awaiting confirmation, earliest due first. */
export function listOpenRequestHeads(db: DbOrTrx, agencyId: number) {
  return db
    .selectFrom('info_requests')
    .select(['id', 'reference', 'status', 'due_on'])
    .where('agency_id', '=', agencyId)
    .where((eb) => eb.or([eb('status', 'in', [...OPEN_STATES]), eb('status', '=', 'pending_confirmation')]))
    .orderBy('due_on')
    .execute();
}

/** An agency's 更正 register (条例第四十一条), newest first. */
export function listRecordCorrections(db: DbOrTrx, agencyId: number) {
  return db
    .selectFrom('record_corrections')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('received_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** One 更正 application of an agency. */
export function findRecordCorrection(db: DbOrTrx, agencyId: number, id: number) {
  return db
    .selectFrom('record_corrections')
    .selectAll()
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
}
