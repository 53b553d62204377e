/**
 * Re-run the daily check that recorded a machine-checkable problem and tell whether its key still hits. Used by
 * 销号 (a problem whose check still fails cannot be closed) and by 回头看 (a hit again reopens it).
 */
import type { Ctx } from '../context.ts';
import { findAgency } from '../org/org.queries.ts';
import { providerOf } from './providers/index.ts';
import { settingsOf, type Problem } from './supervision.queries.ts';

/** 'failing' when the check finds the problem again, 'passing' when not, null when it is not machine-checkable. */
export async function recheckProblem(ctx: Ctx, p: Problem): Promise<'passing' | 'failing' | null> {
  const provider = providerOf(p.checkKind);
  if (!provider || !p.checkKey) return null;
  let agency = await findAgency(ctx.db, p.agencyId);
  // A county-level check (the township's report) runs on the county and files hits in the township's ledger.
  if (agency && provider.appliesTo && !provider.appliesTo(agency) && agency.parentId != null)
    agency = await findAgency(ctx.db, agency.parentId);
  if (!agency) return null;
  const hits = await provider.run(ctx, agency, await settingsOf(ctx.db, agency.id));
  return hits.some((h) => h.key === p.checkKey && (h.agencyId ?? agency.id) === p.agencyId)
    ? 'failing'
    : 'passing';
}
