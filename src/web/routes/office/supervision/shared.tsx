/** Pieces shared by the 监督保障 pages: whose records (agency picker for the county), errors → form, formatting. */
import type { C } from '../../../app-env.ts';
import { currentUser } from '../../../office-page.tsx';
import type { FormState } from '../../../views/forms.tsx';
import { isDomainError, ValidationError } from '../../../../errors.ts';
import { descendantIds, listAgencies } from '../../../../org/org.queries.ts';
import type { EvidenceInput } from '../../../../supervision/evidence.ts';
import { beijingDateTime } from '../../../../beijing-time.ts';

export const BASE = '/office/supervision';

/** The agencies a county inspector or supervisor may pick (its own and those below), else none. */
export async function agencyChoices(c: C): Promise<{ value: string; label: string }[]> {
  const user = currentUser(c);
  if (!user.roles.includes('inspector') && !user.roles.includes('supervisor')) return [];
  const ids = new Set(await descendantIds(c.get('deps').db, user.agencyId));
  return (await listAgencies(c.get('deps').db))
    .filter((a) => ids.has(a.id))
    .map((a) => ({ value: String(a.id), label: a.name }));
}

/** Whose records: ?agency=ID (authorised by the use cases and read policy), else the user's own agency. */
export function agencyOf(c: C): number {
  const chosen = Number(c.req.query('agency'));
  return Number.isInteger(chosen) && chosen > 0 ? chosen : currentUser(c).agencyId;
}

export { AgencyPicker } from '../../../views/supervision/agency-picker.tsx';

export function formOf(e: unknown, values: FormState['values']): FormState {
  if (e instanceof ValidationError) return { values, errors: e.fieldErrors, message: e.message };
  if (isDomainError(e) && (e.code === 'invalid_state' || e.code === 'conflict' || e.code === 'rate_limited'))
    return { values, errors: {}, message: e.message };
  throw e;
}

export const beijing = (iso: string | null) => (iso ? beijingDateTime(iso) : '—');

/** Photos of a multipart field, as evidence. */
export async function photosOf(body: Record<string, unknown>, field: string): Promise<EvidenceInput[]> {
  const raw = body[field];
  const files = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(
    (x): x is File => typeof x !== 'string' && (x as File).size > 0,
  );
  return Promise.all(
    files.map(async (f) => ({
      kind: 'photo' as const,
      fileName: f.name,
      bytes: new Uint8Array(await f.arrayBuffer()),
    })),
  );
}

/** Strings of a parsed multipart/urlencoded body. */
export function fieldsOf(body: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'string') out[k] = v;
  }
  return out;
}
