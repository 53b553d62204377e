/** Pieces shared by the 依申请公开 back-office pages. */
import type { FormState } from '../../views/forms.tsx';
import { ValidationError, isDomainError } from '../../../errors.ts';
import type { C } from '../../app-env.ts';
import { currentUser } from '../../office-page.tsx';
import { descendantIds, listAgencies } from '../../../org/org.queries.ts';
import { requestPolicy } from '../../../requests/request.policy.ts';
import { requestScope } from '../../../requests/requests.queries.ts';

export { BASE, DueBadge, Interp, opts } from '../../views/requests/shared.tsx';

export function formOf(e: unknown, values: FormState['values']): FormState | null {
  if (e instanceof ValidationError) return { values, errors: e.fieldErrors, message: e.message };
  if (isDomainError(e) && (e.code === 'invalid_state' || e.code === 'conflict' || e.code === 'too_large'))
    return { values, errors: {}, message: e.message };
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Ledger

/** The agencies an inspector may pick: its own and every agency below it. */
export async function inspectableAgencies(c: C): Promise<{ value: string; label: string }[]> {
  const user = currentUser(c);
  if (!user.roles.includes('inspector')) return [];
  const ids = new Set(await descendantIds(c.get('deps').db, user.agencyId));
  return (await listAgencies(c.get('deps').db))
    .filter((a) => ids.has(a.id))
    .map((a) => ({ value: String(a.id), label: a.name }));
}

/**
 * Whose ledger: the agency chosen with ?agency=ID (an inspector reads the agencies below it, never writes), else
 * the user's own — or, for an inspector who does not work on its own agency's requests, the first agency below.
 * The use cases authorize the choice, so an outsider gets "not found".
 */
export async function ledgerAgencyOf(c: C): Promise<number> {
  const chosen = Number(c.req.query('agency'));
  if (Number.isInteger(chosen) && chosen > 0) return chosen;
  const user = currentUser(c);
  const own = await requestScope(c.get('deps').db, user.agencyId);
  if (requestPolicy.view(c.get('ctx').actor, own)) return user.agencyId;
  const below = (await inspectableAgencies(c)).find((a) => Number(a.value) !== user.agencyId);
  return below ? Number(below.value) : user.agencyId;
}
