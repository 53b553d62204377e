import type { Role } from '../../org/roles.ts';

export interface NavItem {
  href: string;
  label: string;
  /** Shown when the user holds any of these roles (empty: every signed-in user). */
  roles: Role[];
  /** The page shows the agency's own data: hidden from users whose only scope is a village (isVillageOnly). */
  agencyWide?: boolean;
  order: number;
}

/** The shell's own menu entry; features list theirs in their manifest (`nav`). */
export const shellNav: NavItem[] = [{ href: '/office', label: '工作台', roles: [], order: 0 }];

/** The public portal's 政府信息公开 sections. */
export const portalSections = [
  { href: '/guide', label: '信息公开指南' },
  { href: '/rules', label: '信息公开制度' },
  { href: '/catalogue', label: '法定主动公开内容' },
  { href: '/annual-reports', label: '信息公开年报' },
  { href: '/apply', label: '依申请公开' },
  { href: '/inquiries', label: '互动交流' },
  { href: '/villages', label: '村级公开' },
];
