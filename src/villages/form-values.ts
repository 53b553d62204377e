/**
 * The phone form's field names ↔ raw values. Scalars are `v.<key>`; table and person-list cells are
 * `v.<key>.<row>.<column>` (rows from 0). Pure, shared by the web form, the autosave endpoint and the tests.
 */
import type { FieldDef, RawValues } from './item-template.ts';
import { cutChars } from '../text/cut.ts';

export const fieldName = (key: string, row?: number, col?: string) =>
  row === undefined ? `v.${key}` : `v.${key}.${row}.${col}`;

/** Raw values from a submitted form (unknown names ignored; at most 500 rows per table). */
export function rawFromForm(fields: FieldDef[], form: Record<string, string | string[]>): RawValues {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
  const raw: RawValues = {};
  for (const f of fields) {
    if (f.type === 'persons' || f.type === 'table') {
      const rows: Record<string, string>[] = [];
      for (let i = 0; i < 500; i++) {
        const names = f.columns.map((c) => fieldName(f.key, i, c.key));
        if (!names.some((n) => n in form)) break;
        rows.push(Object.fromEntries(f.columns.map((c, k) => [c.key, cutChars(one(form[names[k]!]), 2000)])));
      }
      raw[f.key] = rows;
    } else {
      raw[f.key] = cutChars(one(form[fieldName(f.key)]), 20000);
    }
  }
  return raw;
}
