import type { RequestAuditAction } from '../requests/request-audit.ts';
import type { PublicationAuditAction } from '../publications/publication-audit.ts';
import type { AnnualReportAuditAction } from '../annual-report/generator/report-audit.ts';
import type { SupervisionAuditAction } from '../supervision/supervision-audit.ts';
import type { InquiryAuditAction } from '../inquiries/inquiry-audit.ts';
import type { VillageAuditAction } from '../villages/village-audit.ts';

/**
 * The closed set of audit actions. Each feature declares its own union beside its code and adds it here,
 * so an action name cannot be misspelt anywhere.
 */
export type FoundationAuditAction =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.sign_out'
  | 'auth.locked'
  | 'auth.password_changed'
  | 'auth.password_reset'
  | 'agency.create'
  | 'agency.update'
  | 'office.create'
  | 'office.update'
  | 'office.delete'
  | 'village.create'
  | 'village.update'
  | 'village.delete'
  | 'user.create'
  | 'user.update'
  | 'user.roles_changed'
  | 'user.deactivate'
  | 'import.villages'
  | 'import.users'
  | 'calendar.year_loaded'
  | 'calendar.day_changed'
  | 'calendar.regional_holiday_added'
  | 'calendar.regional_holiday_removed'
  | 'settings.update'
  | 'demo.loaded'
  | 'audit.exported'
  | 'report_check.uploaded';

export type AuditAction =
  | FoundationAuditAction
  | RequestAuditAction
  | PublicationAuditAction
  | AnnualReportAuditAction
  | SupervisionAuditAction
  | InquiryAuditAction
  | VillageAuditAction;

/**
 * Labels of the foundation's own actions. Features bring theirs in their manifest; `auditLabels()` in src/features.ts
 * joins them, so this module imports nothing from a feature at run time.
 */
export const FOUNDATION_AUDIT_LABELS: Record<string, string> = {
  'auth.sign_in': '登录',
  'auth.sign_in_failed': '登录失败',
  'auth.sign_out': '退出登录',
  'auth.locked': '账号锁定',
  'auth.password_changed': '修改密码',
  'auth.password_reset': '重置密码',
  'agency.create': '新建机关',
  'agency.update': '修改机关',
  'office.create': '新建站办所',
  'office.update': '修改站办所',
  'office.delete': '删除站办所',
  'village.create': '新建村',
  'village.update': '修改村',
  'village.delete': '删除村',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.roles_changed': '修改角色',
  'user.deactivate': '停用用户',
  'import.villages': '导入村',
  'import.users': '导入用户',
  'calendar.year_loaded': '载入年度放假安排',
  'calendar.day_changed': '修改日历',
  'calendar.regional_holiday_added': '新增地方假日',
  'calendar.regional_holiday_removed': '删除地方假日',
  'settings.update': '修改设置',
  'demo.loaded': '载入演示数据',
  'audit.exported': '导出审计日志',
  'report_check.uploaded': '上传年报体检',
};
