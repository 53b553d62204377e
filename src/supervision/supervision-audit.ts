/** Audit actions of 监督保障 and their Chinese labels (the audit page and export read them). */
export type SupervisionAuditAction =
  | 'supervision.settings_changed'
  | 'supervision.checklist_changed'
  | 'supervision.inspection_planned'
  | 'supervision.inspection_checked'
  | 'supervision.inspection_closed'
  | 'supervision.problem_recorded'
  | 'supervision.problem_rectified'
  | 'supervision.problem_closed'
  | 'supervision.problem_reopened'
  | 'supervision.problem_escalated'
  | 'supervision.follow_up_passed'
  | 'supervision.supervision_issued'
  | 'supervision.supervision_answered'
  | 'supervision.permission_granted'
  | 'supervision.permission_revoked'
  | 'supervision.daily_check_run'
  | 'supervision.weekly_reminder_run'
  | 'supervision.bulletin_generated'
  | 'supervision.bulletin_edited'
  | 'supervision.bulletin_published'
  | 'supervision.training_recorded'
  | 'supervision.questionnaire_created'
  | 'supervision.evaluation_entered'
  | 'supervision.assessment_computed'
  | 'supervision.assessment_finalised'
  | 'supervision.accountability_recorded';

export const SUPERVISION_AUDIT_LABELS: Record<SupervisionAuditAction, string> = {
  'supervision.settings_changed': '修改监督保障设置',
  'supervision.checklist_changed': '修改督查清单',
  'supervision.inspection_planned': '制定专项督查计划',
  'supervision.inspection_checked': '记录督查结果',
  'supervision.inspection_closed': '结束专项督查',
  'supervision.problem_recorded': '登记整改问题',
  'supervision.problem_rectified': '提交整改',
  'supervision.problem_closed': '问题销号',
  'supervision.problem_reopened': '回头看发现复发，重新整改',
  'supervision.problem_escalated': '整改逾期升级提醒',
  'supervision.follow_up_passed': '回头看未复发',
  'supervision.supervision_issued': '县级督办',
  'supervision.supervision_answered': '答复督办',
  'supervision.permission_granted': '授予县级督查权限',
  'supervision.permission_revoked': '收回县级督查权限',
  'supervision.daily_check_run': '每日巡查',
  'supervision.weekly_reminder_run': '每周提醒',
  'supervision.bulletin_generated': '生成每月通报',
  'supervision.bulletin_edited': '修改每月通报',
  'supervision.bulletin_published': '发布每月通报',
  'supervision.training_recorded': '登记业务培训',
  'supervision.questionnaire_created': '新建社会评议问卷',
  'supervision.evaluation_entered': '录入社会评议',
  'supervision.assessment_computed': '计算年度考核',
  'supervision.assessment_finalised': '确定年度考核结果',
  'supervision.accountability_recorded': '登记责任追究',
};
