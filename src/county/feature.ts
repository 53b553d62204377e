/** One county, one platform: the county 信息公开 home and the county's supervising view (read by src/features.ts). */
import type { Feature } from '../feature.ts';
import { countyPortalRoutes } from '../web/routes/public/county.tsx';
import { loadCountyDemo } from '../demo/county-demo.ts';

export function countyFeature(): Feature {
  return {
    name: 'county',
    routes: [countyPortalRoutes],
    demo: [{ name: 'county', run: loadCountyDemo }],
  };
}
