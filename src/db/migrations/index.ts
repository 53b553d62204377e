/**
 * Every migration, in order. Names are dated (YYYY_MM_DD_HHMM_verb_object) and files are frozen once landed:
 * a feature adds its own file and one line here.
 */
import type { Migration } from 'kysely';
import * as m0001 from './2026_11_25_0001_create_foundation.ts';

export const migrations: Record<string, Migration> = {
  '2026_11_25_0001_create_foundation': m0001,
};
