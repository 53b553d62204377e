import type { Role } from '../../org/roles.ts';

export interface NavItem {
  href: string;
  label: string;
  /** Shown when the user holds any of these roles (empty: every signed-in user). */
  roles: Role[];
  order: number;
}

/** The back-office menu. A feature adds its entries in this list (one line each). */
export const officeNav: NavItem[] = [
  { href: '/office', label: '工作台', roles: [], order: 0 },
  {
    href: '/office/requests',
    label: '依申请公开',
    roles: [
      'clerk',
      'drafter',
      'office_head',
      'deputy_leader',
      'principal_leader',
      'admin',
      'auditor',
      'inspector',
    ],
    order: 20,
  },
  {
    href: '/office/report-check',
    label: '年报体检',
    roles: ['clerk', 'admin', 'inspector', 'office_head', 'deputy_leader', 'principal_leader'],
    order: 70,
  },
  { href: '/office/publications', label: '主动公开', roles: [], order: 20 },
  { href: '/office/registers', label: '第二十条登记', roles: ['admin', 'clerk'], order: 25 },
  { href: '/office/catalogue', label: '公开目录', roles: ['admin'], order: 26 },
  { href: '/office/publication-settings', label: '公开设置', roles: ['admin'], order: 26.5 },
  { href: '/office/portal-pages/guide', label: '指南与制度', roles: ['admin', 'clerk'], order: 27 },
  {
    href: '/office/annual-reports',
    label: '年度报告',
    roles: ['clerk', 'admin', 'inspector', 'office_head', 'deputy_leader', 'principal_leader'],
    order: 60,
  },
  {
    href: '/office/villages',
    label: '村级公开',
    roles: [
      'clerk',
      'admin',
      'principal_leader',
      'deputy_leader',
      'village_cadre',
      'liaison',
      'village_supervisor',
      'inspector',
    ],
    order: 30,
  },
  { href: '/office/org', label: '组织与用户', roles: ['admin', 'inspector'], order: 80 },
  { href: '/office/calendar', label: '工作日历', roles: [], order: 85 },
  { href: '/office/audit', label: '审计日志', roles: ['admin', 'auditor'], order: 90 },
];

/** The public portal's 政府信息公开 sections. */
export const portalSections = [
  { href: '/guide', label: '信息公开指南' },
  { href: '/rules', label: '信息公开制度' },
  { href: '/catalogue', label: '法定主动公开内容' },
  { href: '/annual-reports', label: '信息公开年报' },
  { href: '/apply', label: '依申请公开' },
  { href: '/villages', label: '村级公开' },
];
