/** 图解年报 on the portal (read by src/features.ts). */
import type { Feature } from '../../feature.ts';
import { reportGraphicRoutes } from '../../web/routes/public/report-graphic.tsx';

export function reportGraphicFeature(): Feature {
  return { name: 'report-graphic', routes: [reportGraphicRoutes] };
}
