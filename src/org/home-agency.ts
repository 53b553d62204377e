import type { DbOrTrx } from '../db/database.ts';
import { z } from 'zod';
import { NotFoundError } from '../errors.ts';
import { agenciesWithSetting, defineSetting } from '../settings/agency-settings.ts';
import { listAgencies } from './org.queries.ts';
import type { Agency } from './org.ts';

/** Marks the installation's home agency (value true). */
export const HOME_AGENCY_SETTING = defineSetting('installation.home', z.boolean(), false);

async function homeAmong(db: DbOrTrx): Promise<{ home: Agency | undefined; all: Agency[] }> {
  const [marked] = await agenciesWithSetting(db, HOME_AGENCY_SETTING, true);
  const all = await listAgencies(db);
  return { home: all.find((a) => a.id === marked) ?? all.find((a) => a.kind === 'township') ?? all[0], all };
}

/**
 * The agency this installation serves on its public portal and uses as the CLI's default `--agency`:
 * the one marked with the setting `installation.home`, else the first township, else the first agency.
 */
export async function homeAgency(db: DbOrTrx): Promise<Agency | undefined> {
  return (await homeAmong(db)).home;
}

/** An agency and whether it is the home agency (served at the portal's root, not in a column), in one read. */
export async function agencyOnPortal(
  db: DbOrTrx,
  agencyId: number,
): Promise<{ agency: Agency; isHome: boolean }> {
  const { home, all } = await homeAmong(db);
  const agency = all.find((a) => a.id === agencyId);
  if (!agency) throw new NotFoundError('未找到该机关');
  return { agency, isHome: home?.id === agencyId };
}
