/** Roles a user may hold (one or more). Labels are what users read. */
export const ROLES = [
  'admin',
  'clerk',
  'drafter',
  'office_head',
  'deputy_leader',
  'principal_leader',
  'liaison',
  'inspector',
  'supervisor',
  'auditor',
  'platform_admin',
  'village_supervisor',
  'village_cadre',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  clerk: '政务公开工作机构',
  drafter: '承办人',
  office_head: '站办所负责人',
  deputy_leader: '分管领导',
  principal_leader: '主要领导',
  liaison: '信息联络员',
  inspector: '县政务公开办（督查）',
  supervisor: '县政务公开办（督办）',
  auditor: '审计员',
  platform_admin: '平台管理员',
  village_supervisor: '村务监督委员会成员',
  village_cadre: '包村干部',
};

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

/**
 * Roles that only a platform admin (or the command line) may grant or take away, and whose holders only a platform
 * admin may manage: an agency admin must not be able to make itself, or take over, a platform admin.
 */
export const PLATFORM_ROLES: readonly Role[] = ['platform_admin'];
