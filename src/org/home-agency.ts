import type { DbOrTrx } from '../db/database.ts';
import { z } from 'zod';
import { agenciesWithSetting, defineSetting } from '../settings/agency-settings.ts';
import { listAgencies } from './org.queries.ts';
import type { Agency } from './org.ts';

/** Marks the installation's home agency (value true). */
export const HOME_AGENCY_SETTING = defineSetting('installation.home', z.boolean(), false);

/**
 * The agency this installation serves on its public portal and uses as the CLI's default `--agency`:
 * the one marked with the setting `installation.home`, else the first township, else the first agency.
 */
export async function homeAgency(db: DbOrTrx): Promise<Agency | undefined> {
  const [marked] = await agenciesWithSetting(db, HOME_AGENCY_SETTING, true);
  const all = await listAgencies(db);
  return all.find((a) => a.id === marked) ?? all.find((a) => a.kind === 'township') ?? all[0];
}
