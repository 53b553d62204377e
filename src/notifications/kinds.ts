/**
 * The notification kinds a user may choose e-mail for (the settings page lists these), with their defaults. A
 * handover that puts work in someone's hands is e-mailed by default; the daily reminders are not (the clerks get
 * one digest instead). SMS goes only for kinds marked `sms`, and never during the quiet hours.
 */
export interface NotificationKind {
  kind: string;
  label: string;
  emailDefault: boolean;
  sms: boolean;
}

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  { kind: 'request.confirm', label: '依申请公开：待确认收到', emailDefault: true, sms: false },
  { kind: 'request.handle', label: '依申请公开：交我办理', emailDefault: true, sms: false },
  { kind: 'request.correction_review', label: '依申请公开：补正材料待审核', emailDefault: true, sms: false },
  { kind: 'request.approval', label: '依申请公开：答复待我审批', emailDefault: true, sms: true },
  { kind: 'request.extension_approval', label: '依申请公开：延期待我批准', emailDefault: true, sms: true },
  { kind: 'request.extension_declined', label: '依申请公开：延期未获批准', emailDefault: true, sms: false },
  { kind: 'request.delivery', label: '依申请公开：答复待送达', emailDefault: true, sms: false },
  { kind: 'request.archive', label: '依申请公开：待归档', emailDefault: false, sms: false },
  { kind: 'request.due_soon', label: '依申请公开：即将到期', emailDefault: false, sms: false },
  { kind: 'request.overdue', label: '依申请公开：已逾期', emailDefault: false, sms: false },
  { kind: 'publication.review', label: '主动公开：待我审核', emailDefault: true, sms: false },
  { kind: 'publication.returned', label: '主动公开：稿件被退回', emailDefault: true, sms: false },
  { kind: 'publication.publish', label: '主动公开：审核通过待发布', emailDefault: true, sms: false },
  { kind: 'work.reassigned', label: '管理员指派给我的待办', emailDefault: true, sms: false },
];

export const kindInfo = (kind: string): NotificationKind | undefined =>
  NOTIFICATION_KINDS.find((k) => k.kind === kind);
