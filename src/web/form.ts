import type { C } from './app-env.ts';

/** Form fields as strings (multi-valued fields as arrays), from urlencoded or multipart bodies. */
export async function formData(c: C): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export function str(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function list(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** '' → null, '12' → 12 (for optional foreign keys). */
export function optId(v: string | string[] | undefined): number | null {
  const s = str(v).trim();
  return s ? Number(s) : null;
}
