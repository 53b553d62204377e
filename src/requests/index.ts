/** 依申请公开's public API for other features (the annual-report generator reads tables B and C). Import from here only. */
export { computeRequestReport, type NarrativeCounts } from './report-tables.ts';
export { requestPolicy } from './request.policy.ts';
export { requestScope } from './requests.queries.ts';
export { dueSoonHorizon } from './ledger.ts';
export { OPEN_STATES } from './request.ts';
