/** 依申请公开's public API for other features (the annual-report generator reads tables B and C). Import from here only. */
export { computeRequestReport, type NarrativeCounts } from './report-tables.ts';
