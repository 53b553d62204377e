/**
 * 主动公开's public API for other features (the annual-report generator reads table A, the year's publication
 * statistics and the channel labels; its test data records 第二十条 registers). Import from here only.
 */
export { computeTableA } from './table-a.ts';
export { publicationStats } from './publication-stats.ts';
export { CHANNEL_LABELS, type Channel } from './record-channel.ts';
export { ensureCatalogue } from './seed-catalogue.ts';
export { CATALOGUE_VERSION_SCOPE, catalogueVersion } from './catalogue-version.ts';
export { findCategoryByCode } from './publications.queries.ts';
export { recordDecision, recordFee } from './art20-registers.ts';
export { CHANNELS } from './record-channel.ts';
export { publicationPolicy } from './publication.policy.ts';
export { listCategories, listCategoriesOf } from './publications.queries.ts';
export { VALIDITY_LABELS, DOC_KIND_LABELS } from './publication.ts';
export {
  findPublicPublication,
  listAttachments,
  listPublicIds,
  listPublicPublications,
  publicCountsByCategory,
  type Attachment,
  type Publication,
} from './publications.queries.ts';
export { subtreeIds, type Category } from './catalogue.ts';
export { listRegisters, DECISION_KIND_LABELS, type DecisionRow, type FeeRow } from './art20-registers.ts';
// 互动交流 screens citizens' messages with the same personal-data scan before anything is shown.
export { HIT_LABELS, maskText, scanText, type SecrecyHit } from './secrecy-scan.ts';
// Page queries of the web's 主动公开 pages (what one page shows, read in one call).
export {
  dueByOffice,
  officePublicationList,
  officePublicationPage,
  OFFICE_PAGE_SIZE,
  type OfficePublicationList,
  type OfficePublicationPage,
} from './office-publication-page.ts';
export { publicPublicationPage, type PublicPublicationPage } from './public-publication-page.ts';
