import type { DbOrTrx } from '../db/database.ts';
import { listAgencies } from './org.queries.ts';
import type { Agency } from './org.ts';

/**
 * The agency this installation serves on its public portal and uses as the CLI's default `--agency`:
 * the one marked with the setting `installation.home`, else the first township, else the first agency.
 */
export async function homeAgency(db: DbOrTrx): Promise<Agency | undefined> {
  const marked = await db
    .selectFrom('agency_settings')
    .select('agency_id')
    .where('key', '=', 'installation.home')
    .where('value_json', '=', 'true')
    .executeTakeFirst();
  const all = await listAgencies(db);
  return all.find((a) => a.id === marked?.agency_id) ?? all.find((a) => a.kind === 'township') ?? all[0];
}
