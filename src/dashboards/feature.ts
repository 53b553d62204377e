/**
 * 统计图表: the office dashboards of 依申请公开 and 主动公开 and their card on the 工作台, and the 待我处理 inbox card
 * (read by src/features.ts).
 */
import type { Feature } from '../feature.ts';
import { statsRoutes } from '../web/routes/office/stats.tsx';
import { statsWidget } from '../web/stats-widget.tsx';
import { inboxWidget } from '../web/inbox-widget.tsx';

export function dashboardsFeature(): Feature {
  return {
    name: 'dashboards',
    routes: [statsRoutes],
    nav: [{ href: '/office/stats', label: '统计图表', roles: [], agencyWide: true, order: 15 }],
    // 待我处理 comes first on every dashboard.
    widgets: [
      { order: 0, widget: inboxWidget },
      { order: 90, widget: statsWidget },
    ],
  };
}
