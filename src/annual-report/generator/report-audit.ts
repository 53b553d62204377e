/** The audit actions of the annual report (added to AuditAction in src/audit/audit-event.ts) and their labels. */
export type AnnualReportAuditAction =
  | 'annual_report.generated'
  | 'annual_report.narrative_saved'
  | 'annual_report.warning_acknowledged'
  | 'annual_report.finalised'
  | 'annual_report.published'
  | 'annual_report.reopened'
  | 'annual_report.imported'
  | 'annual_report.deadline_set';

export const ANNUAL_REPORT_AUDIT_LABELS: Record<AnnualReportAuditAction, string> = {
  'annual_report.generated': '生成年度报告',
  'annual_report.narrative_saved': '修改年度报告正文',
  'annual_report.warning_acknowledged': '确认年度报告警告',
  'annual_report.finalised': '年度报告定稿',
  'annual_report.published': '发布年度报告',
  'annual_report.reopened': '重新打开年度报告',
  'annual_report.imported': '导入年度报告',
  'annual_report.deadline_set': '设置年报发布期限',
};
