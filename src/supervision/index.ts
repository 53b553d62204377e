/** What other features may use of 监督保障 (imported only through this file). */
export { supervisionFacts, type SupervisionFacts } from './report-facts.ts';
export type { CheckHit, CheckProvider } from './check-provider.ts';
export { improvementParagraph, lastYearAndOpenParagraph, supervisionParagraph } from './report-narrative.ts';
export { listPublishedBulletins, type Bulletin } from './bulletin.ts';
export { superviseOverdueRequest } from './supervise-request.ts';
export { SuperviseInput } from './supervise-problem.ts';
