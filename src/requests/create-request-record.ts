/**
 * The record of a new request, written inside the intake transaction: the year-scoped gap-free reference
 * (serial taken in the same transaction), a tracking code, the duplicate hint and the first clock.
 */
import { newTrackingCode } from '../tracking/tracking-code.ts';
import type { Ctx } from '../context.ts';
import { notifyHandover } from '../notifications/handover.ts';
import { waitingOfRequest } from './waiting.ts';
import type { Trx } from '../db/database.ts';
import { assertReportYearOpen } from '../period-lock/assert-period-open.ts';
import { fromBool, nowIso } from '../db/values.ts';
import type { Agency } from '../org/org.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { Channel, RequestState } from './request.ts';
import type { OnlineRequestInput } from './request.schema.ts';
import { formatNumber, type RequestSettings } from './settings.ts';
import { nextSerial } from '../serials/next-serial.ts';
import { findDuplicate } from './duplicates.ts';
import { getRequest } from './requests.queries.ts';
import { clockColumns, computeRequestClock } from './request-clock.ts';
import { syncRequestSummary } from './request-summary.ts';

export interface NewRequest {
  input: OnlineRequestInput;
  channel: Channel;
  submittedOn: string;
  receivedOn: string | null;
  receiptEvidence: string | null;
  status: RequestState;
}

/**
 * Insert a request and return its id (caller audits and issues the receipt). The calendar is read before the
 * transaction: on SQLite the handle outside a transaction waits for it to finish.
 */
export async function createRequestRecord(
  trx: Trx,
  ctx: Ctx,
  agency: Agency,
  settings: RequestSettings,
  cal: WorkCalendar,
  n: NewRequest,
): Promise<number> {
  if (n.receivedOn) await assertReportYearOpen(trx, agency.id, n.receivedOn);
  const year = Number(n.submittedOn.slice(0, 4));
  const serial = await nextSerial(trx, `info_request:${agency.id}:${year}`);
  const reference = formatNumber(settings.referenceFormat, { shortName: agency.shortName, year, serial });
  const i = n.input;
  const answered = await trx
    .selectFrom('info_requests')
    .select(['id', 'info_description as infoDescription'])
    .where('agency_id', '=', agency.id)
    .where('applicant_key', '=', i.idNumber)
    .where('status', 'in', ['replied', 'delivered', 'archived'])
    .execute();
  const dup = findDuplicate(i.infoDescription, answered);
  const now = nowIso(ctx.clock.now());
  const row = await trx
    .insertInto('info_requests')
    .values({
      agency_id: agency.id,
      ref_year: year,
      ref_serial: serial,
      reference,
      tracking_code: newTrackingCode(),
      status: n.status,
      channel: n.channel,
      submitted_on: n.submittedOn,
      received_on: n.receivedOn,
      receipt_evidence: n.receiptEvidence,
      filled_on_behalf: fromBool(n.channel === 'oral'),
      applicant_kind: i.applicantKind,
      applicant_name: i.applicantName,
      id_type: i.idType,
      id_number: i.idNumber,
      applicant_key: i.idNumber,
      phone: i.phone ?? null,
      email: i.email ?? null,
      address: i.address ?? null,
      info_description: i.infoDescription,
      info_doc_no: i.infoDocNo ?? null,
      form_requested: i.formRequested,
      delivery_requested: i.deliveryRequested,
      needs_assistance: fromBool(i.needsAssistance),
      assistance_note: i.assistanceNote ?? null,
      office_id: agency.disclosureOfficeId,
      handler_id: null,
      fee_method: 'none',
      fee_amount: 0,
      fee_paid_amount: 0,
      duplicate_of_id: dup?.match.id ?? null,
      ...clockColumns(null, false),
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const clock = await computeRequestClock(
    trx,
    cal,
    await getRequest(trx, row.id),
    settings.feePausesReplyClock,
  );
  await trx.updateTable('info_requests').set(clock.columns).where('id', '=', row.id).execute();
  const written = await getRequest(trx, row.id);
  // The per-month summary the dashboards read counts the new request in this transaction.
  await syncRequestSummary(trx, ctx.clock.now(), cal, null, written);
  // A new request waits on the clerks (confirmation) or its handler: they are told at once.
  await notifyHandover(
    trx,
    ctx.clock.now(),
    ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    [],
    await waitingOfRequest(trx, written),
  );
  return row.id;
}

/** Who is acting, as a name for records. */
export function actorName(ctx: Ctx): string {
  return ctx.actor.kind === 'public' ? '申请人' : ctx.actor.name;
}
