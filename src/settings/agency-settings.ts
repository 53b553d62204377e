/**
 * Typed per-agency settings: one row per (agency, key) in `agency_settings`, the value as JSON checked by the
 * setting's zod schema on every read, so a stored value that no longer parses falls back to the default instead of
 * reaching a use case. Every feature declares its keys with `defineSetting` beside its code and reads and writes them
 * only through these functions.
 */
import type { z } from 'zod';
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';

export interface Setting<T> {
  key: string;
  schema: z.ZodType<T>;
  fallback: T;
}

export function defineSetting<T>(key: string, schema: z.ZodType<T>, fallback: T): Setting<T> {
  return { key, schema, fallback };
}

/** A stored value as the setting reads it (the default when absent or no longer valid). */
export function decode<T>(s: Setting<T>, json: string | null | undefined): T {
  if (json == null) return s.fallback;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return s.fallback;
  }
  const r = s.schema.safeParse(raw);
  return r.success ? r.data : s.fallback;
}

/** Whether the agency has stored a value (as opposed to running on the default). */
export async function hasSetting(db: DbOrTrx, agencyId: number, s: Setting<unknown>): Promise<boolean> {
  const r = await db
    .selectFrom('agency_settings')
    .select('key')
    .where('agency_id', '=', agencyId)
    .where('key', '=', s.key)
    .executeTakeFirst();
  return r !== undefined;
}

/** The agency's value, or the default. */
export async function readSetting<T>(db: DbOrTrx, agencyId: number, s: Setting<T>): Promise<T> {
  const r = await db
    .selectFrom('agency_settings')
    .select('value_json')
    .where('agency_id', '=', agencyId)
    .where('key', '=', s.key)
    .executeTakeFirst();
  return decode(s, r?.value_json);
}

/** The stored values of several agencies (agencies without one are absent). */
export async function readSettingOfAgencies<T>(
  db: DbOrTrx,
  agencyIds: readonly number[],
  s: Setting<T>,
): Promise<Map<number, T>> {
  const out = new Map<number, T>();
  if (!agencyIds.length) return out;
  const rows = await db
    .selectFrom('agency_settings')
    .select(['agency_id', 'value_json'])
    .where('agency_id', 'in', [...agencyIds])
    .where('key', '=', s.key)
    .execute();
  for (const r of rows) out.set(toNumber(r.agency_id), decode(s, r.value_json));
  return out;
}

/** The agencies whose stored value equals `value` (e.g. the installation's home agency). */
export async function agenciesWithSetting<T>(db: DbOrTrx, s: Setting<T>, value: T): Promise<number[]> {
  const rows = await db
    .selectFrom('agency_settings')
    .select('agency_id')
    .where('key', '=', s.key)
    .where('value_json', '=', JSON.stringify(value))
    .orderBy('agency_id')
    .execute();
  return rows.map((r) => toNumber(r.agency_id));
}

/** Store a value (validated by the setting's schema; the caller audits the change in the same transaction). */
export async function writeSetting<T>(
  db: DbOrTrx,
  agencyId: number,
  s: Setting<T>,
  value: T,
  now: Date,
): Promise<void> {
  const value_json = JSON.stringify(s.schema.parse(value));
  const updated_at = now.toISOString();
  await db
    .insertInto('agency_settings')
    .values({ agency_id: agencyId, key: s.key, value_json, updated_at })
    .onConflict((oc) => oc.columns(['agency_id', 'key']).doUpdateSet({ value_json, updated_at }))
    .execute();
}
