/** All SQL of the requests feature that more than one use case needs, and the row ↔ domain mapping. */
import type { Selectable } from 'kysely';
import type { DbOrTrx, Trx } from '../db/database.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { nowIso, toBool } from '../db/values.ts';
import type { InfoRequestTable } from './requests.tables.ts';
import type { InfoRequest } from './request.ts';
import { agencyScope, getAgency } from '../org/org.queries.ts';
import { clerkWorkerIds } from '../org/acting-persons.ts';
import type { RequestScope } from './request.policy.ts';
import type { Agency } from '../org/org.ts';

export type InfoRequestRow = Selectable<InfoRequestTable>;

/** Row → domain object. */
export function toRequest(r: InfoRequestRow): InfoRequest {
  return {
    id: r.id,
    agencyId: r.agency_id,
    refYear: r.ref_year,
    refSerial: r.ref_serial,
    reference: r.reference,
    trackingCode: r.tracking_code,
    status: r.status as InfoRequest['status'],
    channel: r.channel as InfoRequest['channel'],
    submittedOn: r.submitted_on,
    receivedOn: r.received_on,
    receiptEvidence: r.receipt_evidence,
    filledOnBehalf: toBool(r.filled_on_behalf),
    applicantKind: r.applicant_kind as InfoRequest['applicantKind'],
    applicantName: r.applicant_name,
    idType: r.id_type as InfoRequest['idType'],
    idNumber: r.id_number,
    applicantKey: r.applicant_key,
    phone: r.phone,
    email: r.email,
    address: r.address,
    infoDescription: r.info_description,
    infoDocNo: r.info_doc_no,
    formRequested: r.form_requested,
    deliveryRequested: r.delivery_requested,
    needsAssistance: toBool(r.needs_assistance),
    assistanceNote: r.assistance_note,
    officeId: r.office_id,
    handlerId: r.handler_id,
    dueOn: r.due_on,
    originalDueOn: r.original_due_on,
    dueProvisional: toBool(r.due_provisional),
    correctionNoticeDueOn: r.correction_notice_due_on,
    calendarVersion: r.calendar_version,
    extensionDays: r.extension_days == null ? null : Number(r.extension_days),
    extensionReason: r.extension_reason,
    extensionApprovedByName: r.extension_approved_by_name,
    extensionApprovedAt: r.extension_approved_at,
    extensionRequestedDays: r.extension_requested_days == null ? null : Number(r.extension_requested_days),
    extensionRequestedReason: r.extension_requested_reason,
    extensionRequestedBy: r.extension_requested_by,
    extensionRequestedByName: r.extension_requested_by_name,
    extensionRequestedAt: r.extension_requested_at,
    feeMethod: r.fee_method as InfoRequest['feeMethod'],
    feePages: r.fee_pages == null ? null : Number(r.fee_pages),
    feeAmount: Number(r.fee_amount),
    feeNoticeOn: r.fee_notice_on,
    feeDueOn: r.fee_due_on,
    feePaidOn: r.fee_paid_on,
    feePaidAmount: Number(r.fee_paid_amount),
    feeReceiptNo: r.fee_receipt_no,
    outcome: r.outcome as InfoRequest['outcome'],
    reportRow: r.report_row,
    basis: r.basis,
    decisionReason: r.decision_reason,
    decisionDetail: r.decision_detail,
    decidedByName: r.decided_by_name,
    approvedByName: r.approved_by_name,
    approvedAt: r.approved_at,
    closedOn: r.closed_on,
    deliveredOn: r.delivered_on,
    archivedAt: r.archived_at,
    duplicateOfId: r.duplicate_of_id,
    lateConfirmationReason: r.late_confirmation_reason,
    laterReplyOn: r.later_reply_on,
    laterReplyReason: r.later_reply_reason,
    feeItemCount: r.fee_item_count == null ? 1 : Number(r.fee_item_count),
    feeSplitReason: r.fee_split_reason,
    feeNoticeIssuedOn: r.fee_notice_issued_on,
    disclosureNotBefore: r.disclosure_not_before,
    responsibleAgency: r.responsible_agency,
    responsibleContact: r.responsible_contact,
    earlierReplyRef: r.earlier_reply_ref,
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findRequest(db: DbOrTrx, id: number): Promise<InfoRequest | undefined> {
  if (!Number.isInteger(id)) return undefined;
  const r = await db.selectFrom('info_requests').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRequest(r) : undefined;
}

export async function getRequest(db: DbOrTrx, id: number): Promise<InfoRequest> {
  const r = await findRequest(db, id);
  if (!r) throw new NotFoundError('未找到该申请');
  return r;
}

/** The policy scope of a request (or of an agency, for registering a new one). */
export async function requestScope(
  db: DbOrTrx,
  agencyId: number,
  handlerId: number | null = null,
): Promise<RequestScope & { agency: Agency }> {
  const [scope, agency, clerkIds] = await Promise.all([
    agencyScope(db, agencyId),
    getAgency(db, agencyId),
    clerkWorkerIds(db, agencyId),
  ]);
  return { ...scope, disclosureOfficeId: agency.disclosureOfficeId, handlerId, clerkIds, agency };
}

/** The conflict message of the optimistic version check. */
export const CONFLICT =
  '该申请已被其他工作人员修改（可能有人同时在办理），本次操作未保存。请刷新页面查看最新情况后再操作';

/**
 * Write a change to a request if nobody changed it since it was read (optimistic version check): the second of
 * two clerks deciding at once gets a ConflictError and nothing is saved.
 */
export async function updateRequest(
  trx: Trx,
  id: number,
  expectedVersion: number,
  patch: Partial<Omit<InfoRequestRow, 'id' | 'version' | 'created_at'>>,
  now: Date,
): Promise<void> {
  const r = await trx
    .updateTable('info_requests')
    .set({ ...patch, version: expectedVersion + 1, updated_at: nowIso(now) })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new ConflictError(CONFLICT);
}
