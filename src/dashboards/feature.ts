/** 统计图表: the office dashboards of 依申请公开 and 主动公开 and their card on the 工作台 (read by src/features.ts). */
import type { Feature } from '../feature.ts';
import { statsRoutes } from '../web/routes/office/stats.tsx';
import { statsWidget } from '../web/stats-widget.tsx';

export function dashboardsFeature(): Feature {
  return {
    name: 'dashboards',
    routes: [statsRoutes],
    nav: [{ href: '/office/stats', label: '统计图表', roles: [], order: 15 }],
    widgets: [{ order: 90, widget: statsWidget }],
  };
}
