/**
 * County-side actions on an agency below: separate, named permissions of a county role. The inspector (督查) reads
 * and never holds one; the county's 督办 role and its admin do. A use case asks for the permission by name, never for
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
} as const;
export type CountyPermission = keyof typeof COUNTY_PERMISSIONS;

const GRANTS: Partial<Record<Role, readonly CountyPermission[]>> = {
  supervisor: ['county.report_deadline', 'county.report_import'],
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
