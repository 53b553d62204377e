/** 依申请公开's public API for other features (the annual-report generator reads tables B and C). Import from here only. */
export { computeRequestReport, type NarrativeCounts } from './report-tables.ts';
export { requestPolicy } from './request.policy.ts';
export { requestScope } from './requests.queries.ts';
export { dueSoonHorizon, dueSoonHorizonOf } from './ledger.ts';
export { OPEN_STATES } from './request.ts';
// 互动交流 converts a message into a request through the same intake (and its demo answers that request); it sends
// the citizen's SMS / e-mail through the installation's senders.
export { createRequestRecord } from './create-request-record.ts';
export { issueLetter } from './issue-letter.ts';
export { getRequest } from './requests.queries.ts';
export { getRequestSettings, REQUEST_SETTINGS } from './settings.ts';
export { OnlineRequestInput } from './request.schema.ts';
export { senders } from './senders.ts';
export { submitDecision } from './submit-decision.ts';
export { approveDecision } from './approve-decision.ts';
export type { InfoRequest } from './request.ts';
export type { StoredUpload, PendingUploads } from './uploads.ts';
export { withUploads } from './uploads.ts';
// Reads for the web pages of 依申请公开 (the routes hold no SQL).
export {
  requestPageQuery,
  requestClock,
  findRequestLetter,
  listRequestLetters,
  findRequestAttachment,
  requestAgencyName,
  listAppeals,
  listOpenRequestHeads,
  listRecordCorrections,
  findRecordCorrection,
  type RequestPage,
} from './request-page-query.ts';
export { requestReportFindings } from './report-findings.ts';
// The per-month summary the request dashboards read (request-summary.ts), and the counting rules it shares with them.
export {
  readMonthSummaries,
  openByDueBucket,
  summaryState,
  rebuildRequestSummary,
  type MonthSummary,
} from './request-summary.ts';
export {
  OUTCOME_GROUPS,
  outcomeGroupOf,
  isReply,
  isOnTime,
  isCountedClosed,
  isOpenStatus,
  replyWorkdays,
  type OutcomeGroup,
  type CountedRequest,
} from './request-counting.ts';
