/** What kind of record an audit row is about, in Chinese: the audit log and its export never show a table name. */
export const OBJECT_TYPE_LABELS: Record<string, string> = {
  agency: '机关',
  annual_report: '年度报告',
  art20_decision: '行政许可、处罚等决定',
  art20_fee: '行政事业性收费',
  audit: '审计日志',
  calendar_day: '工作日历（单日）',
  calendar_year: '工作日历（年度）',
  comment_call: '意见征集',
  comment_call_comment: '征集意见',
  info_request: '依申请公开',
  inquiry: '互动留言',
  inquiry_faq: '常见问题',
  office: '站办所',
  portal_page: '门户页面',
  pub_category: '公开目录栏目',
  publication: '主动公开信息',
  publication_settings: '主动公开设置',
  record_correction: '信息更正',
  regional_holiday: '地方性假日',
  report_check_upload: '年报体检',
  request_appeal: '复议诉讼',
  request_ledger: '依申请公开台账',
  sv_accountability: '责任追究',
  sv_assessment: '考核评议',
  sv_bulletin: '督查通报',
  sv_checklist: '督查清单',
  sv_inspection: '督查检查',
  sv_problem: '督查问题',
  sv_questionnaire: '问卷调查',
  sv_run: '督查巡检',
  sv_training: '培训',
  user: '用户',
  village: '村（社区）',
  village_decision: '村级决策',
  village_disclosure: '村务公开',
  village_item_template: '村务公开模板',
};

/** The Chinese name of an audit object type ('其他记录' for one this list does not know). */
export function objectTypeLabel(type: string): string {
  return OBJECT_TYPE_LABELS[type] ?? '其他记录';
}
