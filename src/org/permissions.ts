/**
 * County-side actions on an agency below: separate, named permissions of a county role. The inspector (督查) reads
 * and never holds one; the county's 督办 role (`supervisor`) holds all of them, its admin the report ones. A use case asks for the permission by name, never for
 * a role, so who holds it is decided here, once.
 */
import type { Actor } from '../context.ts';
import type { AgencyScope } from './access.ts';
import type { Role } from './roles.ts';

export const COUNTY_PERMISSIONS = {
  /** Set the date by which an agency below must publish its annual report (the county's notice). */
  'county.report_deadline': '设定下级机关年度报告发布期限',
  /** Record, for the county overview, a report an agency below published outside gongkai (never on its portal). */
  'county.report_import': '代下级机关录入已在别处发布的年度报告',
  /**
   * 监督保障 of an agency below: plan inspections of it, record problems in its ledger, issue 督办 (and read what
   * that needs: its ledger, inspections, bulletins; the county dashboard and drill-down).
   */
  'county.supervision': '督查下级机关（制定督查计划、登记问题、督办整改）',
} as const;
export type CountyPermission = keyof typeof COUNTY_PERMISSIONS;

// 监督保障 is the 督办 role's work alone: the county administrator manages users (and grants the role, audited),
// it does not inspect townships itself.
const GRANTS: Partial<Record<Role, readonly CountyPermission[]>> = {
  supervisor: ['county.report_deadline', 'county.report_import', 'county.supervision'],
  admin: ['county.report_deadline', 'county.report_import'],
};

/** The permissions a set of roles carries. */
export function permissionsOf(roles: readonly Role[]): CountyPermission[] {
  return [...new Set(roles.flatMap((r) => GRANTS[r] ?? []))];
}

/** The actor works in an agency above the scope and holds the named permission there. */
export function hasCountyPermission(actor: Actor, scope: AgencyScope, permission: CountyPermission): boolean {
  return (
    actor.kind === 'user' &&
    scope.ancestorIds.includes(actor.agencyId) &&
    permissionsOf(actor.roles).includes(permission)
  );
}

/** The actor holds the permission at all (a county user acting on the agencies below its own). */
export function holdsCountyPermission(actor: Actor, permission: CountyPermission): boolean {
  return actor.kind === 'user' && permissionsOf(actor.roles).includes(permission);
}
