/** The audit actions of 互动交流 and 意见征集 (added to AuditAction in src/audit/audit-event.ts) and their labels. */
export type InquiryAuditAction =
  | 'inquiry.submitted'
  | 'inquiry.routed'
  | 'inquiry.transfer_requested'
  | 'inquiry.transfer_decided'
  | 'inquiry.extended'
  | 'inquiry.reply_submitted'
  | 'inquiry.reply_returned'
  | 'inquiry.reply_approved'
  | 'inquiry.merged'
  | 'inquiry.referred'
  | 'inquiry.converted'
  | 'inquiry.rejected'
  | 'inquiry.rated'
  | 'inquiry.reopened'
  | 'inquiry.tracked'
  | 'inquiry.published'
  | 'inquiry.unpublished'
  | 'inquiry.faq_saved'
  | 'inquiry.settings_updated'
  | 'inquiry.routing_rules_saved'
  | 'inquiry.figures_published'
  | 'inquiry.alerts_sent'
  | 'comment_call.created'
  | 'comment_call.commented'
  | 'comment_call.comment_moderated'
  | 'comment_call.adoption_published';

export const INQUIRY_AUDIT_LABELS: Record<InquiryAuditAction, string> = {
  'inquiry.submitted': '收到互动留言',
  'inquiry.routed': '留言分办',
  'inquiry.transfer_requested': '申请移交留言',
  'inquiry.transfer_decided': '处理留言移交',
  'inquiry.extended': '留言延期办理',
  'inquiry.reply_submitted': '提交留言答复',
  'inquiry.reply_returned': '退回留言答复',
  'inquiry.reply_approved': '审核通过留言答复',
  'inquiry.merged': '合并重复留言',
  'inquiry.referred': '留言转办',
  'inquiry.converted': '留言转为政府信息公开申请',
  'inquiry.rejected': '留言不予受理',
  'inquiry.rated': '留言人评价',
  'inquiry.reopened': '留言重新办理',
  'inquiry.tracked': '留言人查询',
  'inquiry.published': '公开留言及答复',
  'inquiry.unpublished': '撤回公开留言',
  'inquiry.faq_saved': '编辑常见问题',
  'inquiry.settings_updated': '修改互动交流设置',
  'inquiry.routing_rules_saved': '修改留言分办规则',
  'inquiry.figures_published': '发布互动交流月度统计',
  'inquiry.alerts_sent': '发送留言办理提醒',
  'comment_call.created': '发布意见征集',
  'comment_call.commented': '收到征集意见',
  'comment_call.comment_moderated': '审核征集意见',
  'comment_call.adoption_published': '公布意见采纳情况',
};
