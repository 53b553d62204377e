/** 年度报告 (generator, portal list) and 年报体检 (the checker): what the feature plugs in (read by src/features.ts). */
import type { Feature } from '../feature.ts';
import { ANNUAL_REPORT_AUDIT_LABELS } from './generator/report-audit.ts';
import { annualReportRoutes } from '../web/routes/office/annual-reports.tsx';
import { annualReportPortalRoutes } from '../web/routes/public/annual-reports.tsx';
import { reportCheckRoutes } from '../web/routes/office/report-check.tsx';
import { reportCommand } from '../cli/commands/report.ts';
import { loadAnnualReportDemo } from '../demo/annual-report-demo.ts';

const readers = ['clerk', 'admin', 'inspector', 'office_head', 'deputy_leader', 'principal_leader'] as const;

// A function, not a constant: the CLI's commands and set-up import each other through this list, and a
// function declaration is ready before any module of the cycle runs.
export function annualReportFeature(): Feature {
  return {
    name: 'annual-report',
    routes: [reportCheckRoutes, annualReportRoutes, annualReportPortalRoutes],
    nav: [
      { href: '/office/annual-reports', label: '年度报告', roles: [...readers], order: 60 },
      { href: '/office/report-check', label: '年报体检', roles: [...readers], order: 70 },
    ],
    demo: [{ name: 'annual-report', run: loadAnnualReportDemo }],
    auditLabels: { ...ANNUAL_REPORT_AUDIT_LABELS, 'report_check.uploaded': '上传年报体检' },
    commands: [reportCommand],
  };
}
