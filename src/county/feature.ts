/** One county, one platform: the county 信息公开 home and the county's supervising view (read by src/features.ts). */
import type { Feature } from '../feature.ts';
import { countyPortalRoutes } from '../web/routes/public/county.tsx';
import { loadCountyDemo } from '../demo/county-demo.ts';
import { countyOfficeRoutes } from '../web/routes/office/county.tsx';

export function countyFeature(): Feature {
  return {
    name: 'county',
    routes: [countyPortalRoutes, countyOfficeRoutes],
    nav: [{ href: '/office/county', label: '全县监督', roles: ['inspector', 'supervisor'], order: 64 }],
    demo: [{ name: 'county', run: loadCountyDemo }],
  };
}
