/** Every web route of 监督保障, as one route module. */
import type { RouteModule } from '../../../app-env.ts';
import { overviewRoutes } from './overview-routes.tsx';
import { problemRoutes } from './problem-routes.tsx';
import { inspectionRoutes } from './inspection-routes.tsx';
import { bulletinRoutes } from './bulletin-routes.tsx';
import { recordRoutes } from './record-routes.tsx';
import { evaluationRoutes } from './evaluation-routes.tsx';

export const supervisionRoutes: RouteModule = (app) => {
  overviewRoutes(app);
  problemRoutes(app);
  inspectionRoutes(app);
  bulletinRoutes(app);
  recordRoutes(app);
  evaluationRoutes(app);
};
