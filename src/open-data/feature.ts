/** The open data API (read by src/features.ts). */
import type { Feature } from '../feature.ts';
import { openDataRoutes } from '../web/routes/api/open-data.ts';

export function openDataFeature(): Feature {
  return { name: 'open-data', routes: [openDataRoutes] };
}
