/**
 * 主动公开's public API for other features (the annual-report generator reads table A, the year's publication
 * statistics and the channel labels; its test data records 第二十条 registers). Import from here only.
 */
export { computeTableA } from './table-a.ts';
export { publicationStats } from './publication-stats.ts';
export { CHANNEL_LABELS, type Channel } from './record-channel.ts';
export { ensureCatalogue } from './seed-catalogue.ts';
export { findCategoryByCode } from './publications.queries.ts';
export { recordDecision, recordFee } from './art20-registers.ts';
export { CHANNELS } from './record-channel.ts';
export { publicationPolicy } from './publication.policy.ts';
export { listCategories } from './publications.queries.ts';
export { HIT_LABELS, maskText, scanText, type SecrecyHit } from './secrecy-scan.ts';
