/** RSS/Atom feeds and the sitemap of the portal (read by src/features.ts). */
import type { Feature } from '../feature.ts';
import { feedRoutes } from '../web/routes/public/feeds.ts';

export function feedsFeature(): Feature {
  return { name: 'feeds', routes: [feedRoutes] };
}
