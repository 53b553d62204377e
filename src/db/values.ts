/** Normalisers applied at the query boundary, so domain code never sees driver quirks. */

/** A count or integer from either driver ('12', 12n, 12) → 12. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') return Number(v);
  if (v == null) return 0;
  throw new TypeError(`not a number: ${String(v)}`);
}

/** A stored flag (0/1 in both databases) → boolean. */
export function toBool(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || v === 't' || v === 'true';
}

/** boolean → stored flag. */
export function fromBool(b: boolean): number {
  return b ? 1 : 0;
}

/** A stored date or Date → 'YYYY-MM-DD'. */
export function toDateString(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}

/** Current instant as the stored timestamp text (ISO 8601, UTC). */
export function nowIso(d: Date = new Date()): string {
  return d.toISOString();
}

/** JSON text column → value. */
export function parseJson<T>(v: unknown, fallback: T): T {
  if (v == null || v === '') return fallback;
  if (typeof v !== 'string') return v as T;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
}
