/** The audit log pages: what the feature plugs in (read by src/features.ts). */
import type { Feature } from '../feature.ts';
import { auditRoutes } from '../web/routes/office/audit.tsx';

// A function, not a constant: the CLI's commands and set-up import each other through this list, and a
// function declaration is ready before any module of the cycle runs.
export function auditFeature(): Feature {
  return {
    name: 'audit',
    routes: [auditRoutes],
    nav: [{ href: '/office/audit', label: '审计日志', roles: ['admin', 'auditor'], order: 90 }],
  };
}
