/** Audit actions of 村级公开 (added to AuditAction in src/audit/audit-event.ts). */
export type VillageAuditAction =
  | 'village_template.seeded'
  | 'village_template.versioned'
  | 'village_template.pushed'
  | 'village_disclosure.created'
  | 'village_disclosure.updated'
  | 'village_disclosure.masked'
  | 'village_disclosure.file_added'
  | 'village_disclosure.file_removed'
  | 'village_disclosure.submitted'
  | 'village_disclosure.supervised'
  | 'village_disclosure.approved'
  | 'village_disclosure.returned'
  | 'village_disclosure.published'
  | 'village_disclosure.board_posted'
  | 'village_disclosure.board_removed'
  | 'village_decision.recorded'
  | 'village_objection.raised'
  | 'village_objection.answered'
  | 'village_objection.escalated'
  | 'village_objection.outcome'
  | 'village_settings.changed';

export const VILLAGE_AUDIT_LABELS: Record<VillageAuditAction, string> = {
  'village_template.seeded': '初始化村级公开模板',
  'village_template.versioned': '发布村级公开模板新版本',
  'village_template.pushed': '向村推送公开模板',
  'village_disclosure.created': '新建村级公开事项',
  'village_disclosure.updated': '修改村级公开事项',
  'village_disclosure.masked': '村级公开一键脱敏',
  'village_disclosure.file_added': '上传村级公开照片',
  'village_disclosure.file_removed': '删除村级公开照片',
  'village_disclosure.submitted': '提交村务监督委员会审核',
  'village_disclosure.supervised': '村务监督委员会签署意见',
  'village_disclosure.approved': '乡镇审核同意',
  'village_disclosure.returned': '退回村级公开事项',
  'village_disclosure.published': '村级公开事项发布',
  'village_disclosure.board_posted': '上传公开栏张贴照片',
  'village_disclosure.board_removed': '公示期满撤下',
  'village_decision.recorded': '登记四议两公开',
  'village_objection.raised': '村民提出质询或异议',
  'village_objection.answered': '村委会答复村民异议',
  'village_objection.escalated': '村民异议逾期未答复转乡镇',
  'village_objection.outcome': '乡镇调查处理村民异议',
  'village_settings.changed': '修改村级公开设置',
};
