/**
 * What the JSON API shows of a request: the fields are listed here, so a column added to the request later stays
 * out of the API until someone decides to show it. Never the ID number (masked instead), the tracking code or the
 * applicant key (both are what lets an applicant, and only them, follow the request).
 */
import type { InfoRequest } from '../../requests/request.ts';
import { maskIdNumber } from '../../requests/id-numbers.ts';

export const REQUEST_API_FIELDS = [
  'id',
  'agencyId',
  'refYear',
  'refSerial',
  'reference',
  'status',
  'channel',
  'submittedOn',
  'receivedOn',
  'receiptEvidence',
  'filledOnBehalf',
  'applicantKind',
  'applicantName',
  'idType',
  'phone',
  'email',
  'address',
  'infoDescription',
  'infoDocNo',
  'formRequested',
  'deliveryRequested',
  'needsAssistance',
  'assistanceNote',
  'officeId',
  'handlerId',
  'dueOn',
  'originalDueOn',
  'dueProvisional',
  'correctionNoticeDueOn',
  'calendarVersion',
  'extensionDays',
  'extensionReason',
  'extensionApprovedByName',
  'extensionApprovedAt',
  'feeMethod',
  'feePages',
  'feeAmount',
  'feeNoticeOn',
  'feeDueOn',
  'feePaidOn',
  'feePaidAmount',
  'feeReceiptNo',
  'outcome',
  'reportRow',
  'basis',
  'decisionReason',
  'decisionDetail',
  'decidedByName',
  'approvedByName',
  'approvedAt',
  'closedOn',
  'deliveredOn',
  'archivedAt',
  'duplicateOfId',
  'version',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof InfoRequest)[];

export type RequestApiView = Pick<InfoRequest, (typeof REQUEST_API_FIELDS)[number]> & {
  idNumberMasked: string;
};

export function presentRequest(r: InfoRequest): RequestApiView {
  const out = {} as Record<string, unknown>;
  for (const k of REQUEST_API_FIELDS) out[k] = r[k];
  out.idNumberMasked = maskIdNumber(r.idNumber);
  return out as RequestApiView;
}
