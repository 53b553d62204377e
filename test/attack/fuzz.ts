/**
 * Property-based fuzzing of every POST route: fast-check generates form bodies from the field names the app's own
 * forms use, with hostile values (%, NUL, bidi overrides, huge numbers, impossible dates, long and broken text), and
 * posts them as the victim agency's most powerful staff member and as an anonymous visitor. Asserted for every
 * answer: no 5xx, and a 4xx says what is wrong in Chinese (no English validator text).
 *
 * Used by fuzz.http.test.ts (a few dozen bodies per route in CI) and by `npm run fuzz` (GONGKAI_FUZZ_BODIES in all,
 * 10,000 by default, before a release).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { REQUEST_STEPS } from '../../src/web/request-steps.ts';
import type { TestClient } from '../support/http.ts';
import type { Owner } from './route-table.ts';
import { concretePath } from './world.ts';

/** Field names the app's forms and handlers read, scanned from the source so new forms are fuzzed too. */
export function fieldNames(root = path.resolve(import.meta.dirname, '../../src/web')): string[] {
  const names = new Set<string>(['_csrf', 'file', 'files']);
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !e.name.includes('.test.')) {
        const src = fs.readFileSync(p, 'utf8');
        for (const m of src.matchAll(/name="([A-Za-z_][\w.]*)"/g)) names.add(m[1]!);
        for (const m of src.matchAll(/name=\{?'([A-Za-z_][\w.]*)'/g)) names.add(m[1]!);
        for (const m of src.matchAll(/\bf\.([A-Za-z_]\w*)/g)) names.add(m[1]!);
        for (const m of src.matchAll(/body\['([A-Za-z_]\w*)'\]/g)) names.add(m[1]!);
      }
    }
  };
  walk(root);
  names.delete('_csrf');
  return [...names].sort();
}

const hostile = fc.constantFrom(
  '',
  ' ',
  '%',
  '%E0%A4%A',
  '\u0000',
  'a\u0000b',
  '\u202eexe.pdf',
  '1e309',
  '-1',
  '0',
  '99999999999999999999',
  'NaN',
  '0x0b',
  '11.0',
  '2026-02-30',
  '2026-13-01',
  '2026-02-28',
  '9999-12-31',
  '0000-00-00',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '../../etc/passwd',
  '𠀀'.repeat(3),
  '中文内容',
  'true',
  'on',
  '1',
  '[]',
  '{}',
);
const value = fc.oneof(
  { weight: 4, arbitrary: hostile },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constant('长'.repeat(5000)) },
);

/** A body: some of the known field names (and a stray one) with hostile values, possibly repeated. */
export function bodyArbitrary(names: string[]) {
  const field = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...names) }, fc.string({ maxLength: 12 }));
  return fc.array(fc.tuple(field, fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 }))), {
    maxLength: 12,
  });
}

export const STEPS = Object.keys(REQUEST_STEPS);

/** English words zod and other validators use: none may reach a user. */
const ENGLISH =
  /\b(Invalid|Expected|expected|Required|received|undefined|NaN|Infinity|Too (small|big)|must be|String must|Number must|Unexpected|TypeError|SyntaxError)\b/g;

/** Text between the quotation marks messages put around what a person typed (“…”, 「…」, 《…》, "…"). */
const QUOTED = /“[^”]*”|「[^」]*」|《[^》]*》|"[^"]*"/g;

/**
 * The English/internal words of a message that did not come from a person. A fuzzed body can create records
 * (an office named "NaN", a title "undefined") that later pages list back as they were typed; those are user data,
 * not a leak. A word counts as user data when it stands inside the quotation marks messages use for typed values,
 * or when the whole token around it (up to spaces or Chinese punctuation) is a value some fuzzed body typed (`typed`); anything else — "第NaN页", "Expected string,
 * received number" — is a leak.
 */
export function englishLeaks(message: string, typed: ReadonlySet<string>): string[] {
  const unquoted = message.replace(QUOTED, ' ');
  const leaks: string[] = [];
  for (const m of unquoted.matchAll(ENGLISH)) {
    const word = m[0];
    const at = m.index;
    // the whole token around the match (up to whitespace or CJK punctuation)
    const start = unquoted.slice(0, at).search(/[^\s，。：；、（）]*$/);
    const endRel = unquoted.slice(at).search(/[\s，。：；、（）]|$/);
    const token = unquoted.slice(start, at + endRel).trim();
    if (typed.has(token)) continue;
    leaks.push(word);
  }
  return leaks;
}

function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ');
}

export interface FuzzResult {
  bodies: number;
  statuses: Record<number, number>;
  failures: string[];
}

/**
 * Post `perRoute` generated bodies to each route. The form values of an answer are echoed back into the page (that
 * is the point: nothing typed is lost), so the English check reads only the error texts, not the echoed values.
 */
export async function fuzzRoutes(opts: {
  client: TestClient;
  csrf: string;
  routes: { key: string; owner?: Owner }[];
  ids: Record<Owner, number>;
  perRoute: number;
  seed?: number;
  /** Every value fuzzed bodies typed so far (shared across runs on one database): user data on later pages. */
  typed?: Set<string>;
}): Promise<FuzzResult> {
  const names = fieldNames();
  const typed = opts.typed ?? new Set<string>();
  const result: FuzzResult = { bodies: 0, statuses: {}, failures: [] };
  for (const r of opts.routes) {
    const pattern = r.key.slice(r.key.indexOf(' ') + 1);
    await fc.assert(
      fc.asyncProperty(
        bodyArbitrary(names),
        fc.constantFrom(...STEPS),
        fc.boolean(),
        async (fields, step, multipart) => {
          let p = concretePath(pattern, opts.ids, r.owner);
          if (pattern.includes(':step')) p = p.replace(/\/note$/, `/${step}`);
          const form = new FormData();
          const plain = Object.create(null) as Record<string, string[]>;
          for (const [k, v] of fields) {
            for (const x of Array.isArray(v) ? v : [v]) {
              form.append(k, x);
              (plain[k] ??= []).push(x);
              if (x.trim()) typed.add(x.trim());
            }
          }
          const res = await opts.client.post(p, multipart ? form : plain, { csrf: opts.csrf });
          result.bodies++;
          result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
          const type = res.headers.get('content-type') ?? '';
          const text = /text|json|xml/.test(type) ? await res.text() : (await res.arrayBuffer(), '');
          if (res.status >= 500) {
            result.failures.push(`${r.key} → ${res.status} with ${JSON.stringify(fields).slice(0, 300)}`);
            return;
          }
          if (res.status >= 400 && res.status !== 404) {
            const messages = type.includes('json')
              ? [String((JSON.parse(text) as { error?: { message?: string } }).error?.message ?? '')]
              : [
                  ...text.matchAll(
                    /<(?:p|div|span|li|strong)[^>]*(?:role="alert"|class="[^"]*(?:form-error|field-error|error)[^"]*")[^>]*>([\s\S]*?)<\/(?:p|div|span|li|strong)>/g,
                  ),
                ].map((m) => visibleText(m[1]!));
            const echoed = new Set(fields.flatMap(([, v]) => (Array.isArray(v) ? v : [v])));
            for (const m of messages) {
              let clean = m;
              for (const e of echoed) if (e.length > 2) clean = clean.split(e).join(' ');
              const leaks = englishLeaks(clean, typed);
              if (leaks.length)
                result.failures.push(
                  `${r.key} → ${res.status} English message (${leaks.join(', ')}): ${clean.trim().slice(0, 200)}`,
                );
            }
            if (type.includes('html') && !/[\u4e00-\u9fff]/.test(visibleText(text)))
              result.failures.push(`${r.key} → ${res.status} without a Chinese message`);
          }
        },
      ),
      { numRuns: opts.perRoute, seed: opts.seed, endOnFailure: true },
    );
  }
  return result;
}
