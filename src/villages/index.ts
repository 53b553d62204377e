/** What other features may use of 村级公开. */
export { countByKind } from './township-overview.ts';
export { KIND_LABELS, type DisclosureKind } from './village-disclosure.ts';
export { VILLAGE_CHECK_PROVIDERS } from './check-providers.ts';
export {
  publicVillages,
  publicVillageItems,
  publicVillageItem,
  type PublicVillage,
  type PublicVillageItem,
  type PublicVillageItemHead,
  type PublicValue,
} from './public-disclosures.ts';
export { periodLabel, KINDS as VILLAGE_KINDS } from './village-disclosure.ts';
export { findDisclosureFile, listVillageDecisions, objectionDisclosureId } from './villages.queries.ts';
