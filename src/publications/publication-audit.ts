/** Audit actions of 主动公开 (added to AuditAction in src/audit/audit-event.ts). */
export type PublicationAuditAction =
  | 'catalogue.seeded'
  | 'catalogue.category_created'
  | 'catalogue.category_updated'
  | 'publication.created'
  | 'publication.updated'
  | 'publication.masked'
  | 'publication.attachment_added'
  | 'publication.attachment_removed'
  | 'publication.review_signed'
  | 'publication.review_returned'
  | 'publication.reassigned'
  | 'publication.secrecy_signed'
  | 'publication.published'
  | 'publication.withdrawn'
  | 'publication.validity_changed'
  | 'publication.channel_used'
  | 'publication.settings_changed'
  | 'portal.page_saved'
  | 'portal.guide_contact_saved'
  | 'register.decision_recorded'
  | 'register.fee_recorded'
  | 'register.entry_removed';

export const PUBLICATION_AUDIT_LABELS: Record<PublicationAuditAction, string> = {
  'catalogue.seeded': '初始化公开目录',
  'catalogue.category_created': '新增公开目录栏目',
  'catalogue.category_updated': '修改公开目录栏目',
  'publication.created': '新建政府信息',
  'publication.updated': '修改政府信息',
  'publication.masked': '一键脱敏',
  'publication.attachment_added': '上传附件',
  'publication.attachment_removed': '删除附件',
  'publication.review_signed': '审核签批',
  'publication.review_returned': '审核退回',
  'publication.reassigned': '指派审核人或发布人',
  'publication.secrecy_signed': '签署保密审查单',
  'publication.published': '发布政府信息',
  'publication.withdrawn': '撤回政府信息',
  'publication.validity_changed': '变更有效性',
  'publication.channel_used': '记录发布渠道',
  'publication.settings_changed': '修改主动公开设置',
  'portal.page_saved': '修改门户页面',
  'portal.guide_contact_saved': '修改信息公开指南的受理机构信息',
  'register.decision_recorded': '登记行政许可/处罚/强制决定',
  'register.fee_recorded': '登记行政事业性收费',
  'register.entry_removed': '删除第二十条登记',
};
