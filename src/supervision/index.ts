/** What other features may use of 监督保障 (imported only through this file). */
export { supervisionFacts, type SupervisionFacts } from './report-facts.ts';
export type { CheckHit, CheckProvider } from './check-provider.ts';
export { improvementParagraph, lastYearAndOpenParagraph, supervisionParagraph } from './report-narrative.ts';
export { listPublishedBulletins, type Bulletin } from './bulletin.ts';
export { superviseOverdueRequest } from './supervise-request.ts';
export { SuperviseInput } from './supervise-problem.ts';
export {
  ledgerPage,
  problemPage,
  problemHistory,
  type LedgerPage,
  type ProblemPage,
} from './problem-page.ts';
export { supervisionWork, type SupervisionWork } from './my-work.ts';
export type { Problem } from './supervision.queries.ts';
export { supervisionOverview, type SupervisionOverview } from './overview.ts';
export { saveSettings, parseSettings, type SettingsText } from './save-settings.ts';
export { manualItemsOf } from './assessment-input.ts';
export { supervisionPolicy } from './supervision.policy.ts';
export {
  findPublishedBulletin,
  publicSupervisionFigures,
  publishedBulletinsPage,
  type PublicSupervisionFigures,
} from './public-data.ts';
export { villageProblems, type VillageProblem } from './village-problems.ts';
