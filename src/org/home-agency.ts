import type { DbOrTrx } from '../db/database.ts';
import { z } from 'zod';
import { NotFoundError } from '../errors.ts';
import { agenciesWithSetting, defineSetting } from '../settings/agency-settings.ts';
import { AGENCY_COLUMNS, listAgencies, toAgency } from './org.queries.ts';
import type { Agency } from './org.ts';

/** Marks the installation's home agency (value true). */
export const HOME_AGENCY_SETTING = defineSetting('installation.home', z.boolean(), false);

async function homeAmong(db: DbOrTrx): Promise<{ home: Agency | undefined; all: Agency[] }> {
  const [marked] = await agenciesWithSetting(db, HOME_AGENCY_SETTING, true);
  const all = await listAgencies(db);
  return { home: pickHome(all, marked), all };
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

function pickHome(all: Agency[], marked: number | undefined): Agency | undefined {
  return all.find((a) => a.id === marked) ?? all.find((a) => a.kind === 'township') ?? all[0];
}

/** Every agency (by id) and the home agency, in one query (the portal resolves both for every page it renders). */
export async function agenciesAndHome(db: DbOrTrx): Promise<{ all: Agency[]; home: Agency | undefined }> {
  const rows = await db
    .selectFrom('agencies as a')
    .leftJoin('agency_settings as s', (j) =>
      j
        .onRef('s.agency_id', '=', 'a.id')
        .on('s.key', '=', HOME_AGENCY_SETTING.key)
        .on('s.value_json', '=', JSON.stringify(true)),
    )
    .select(AGENCY_COLUMNS.map((k) => `a.${k}` as const))
    .select('s.agency_id as marked')
    .orderBy('a.id')
    .execute();
  const all = rows.map(toAgency);
  return { all, home: pickHome(all, rows.find((r) => r.marked != null)?.id) };
}
