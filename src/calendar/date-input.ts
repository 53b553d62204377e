/**
 * The one parser of dates that people type or pick (every form, API query and CLI flag uses it). A date is a
 * real day of the Gregorian calendar between 1900 and 2100; nothing rolls over (2026-02-30 is refused, not stored
 * as 03-02, which `Date.parse` and `new Date(y, m, d)` would silently do).
 */
import { z } from 'zod';
import { isDateString } from './dates.ts';

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const FULL_WIDTH = /[０-９]/g;
const half = (s: string) => s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Whether s is exactly 'YYYY-MM-DD', a real day, and within the years a government record can carry. */
export function isValidDateInput(s: string): boolean {
  if (!isDateString(s)) return false;
  const y = Number(s.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

/**
 * A date as typed in a spreadsheet or text field — 2026-03-02, 2026/3/2, 2026.3.2, 2026年3月2日, full-width digits —
 * to 'YYYY-MM-DD', or null when it is not a real day.
 */
export function parseDateInput(raw: string): string | null {
  const t = half(raw.trim())
    .replace(/\s+/g, '')
    .replace(/[./年月]/g, '-')
    .replace(/日$/, '');
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidDateInput(iso) ? iso : null;
}

/** The message for a date that is not a real day. */
export const invalidDateMessage = (label: string) =>
  `${label}不是有效日期（应为年-月-日，如 2026-03-02，且该日真实存在）`;

/** Zod schema of a required date field ('YYYY-MM-DD' from a date input or the API). */
export const dateInput = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .refine(isValidDateInput, invalidDateMessage(label));

const blankToUndefined = (v: unknown) => (v === '' || v == null ? undefined : v);

/** Zod schema of an optional date field: blank is absent, anything else must be a real day. */
export const optionalDateInput = (label: string) =>
  z.preprocess(blankToUndefined, dateInput(label).optional());
