/**
 * One URL per public item. Item pages take a number from the path, and `Number()` reads many spellings of one
 * number (`/p/0x0b`, `/p/11.0`, `/p/011`, `/p/1e1`), so one item had many URLs — split caches, duplicate search
 * results, links that look different for the same page. Every such spelling, and a trailing slash, answers
 * 301 to the one canonical URL (decimal without leading zeros), query string kept; a segment that is no positive
 * whole number is left to the routes (404).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { requestUrl } from './request-url.ts';

/** Path prefixes whose next segment is an item number. */
const ITEM_PREFIXES = [
  '/p/',
  '/villages/',
  '/villages/items/',
  '/villages/files/',
  '/inquiries/public/',
  '/comment-calls/',
];
// Longest prefix first: /villages/items/0x3 must not read as /villages/ + "items".
const PATTERN = new RegExp(
  `^(${[...ITEM_PREFIXES]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[/]/g, '\\/'))
    .join('|')})([^/]+)(\\/.*)?$`,
);

/** The canonical form of a path, or null when it already is canonical (or is not an item path). */
export function canonicalItemPath(pathname: string): string | null {
  let path = pathname;
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '');
  const m = PATTERN.exec(path);
  if (m) {
    const [, prefix, segment, rest = ''] = m;
    if (!/^[1-9][0-9]*$/.test(segment!)) {
      const decoded = safeDecode(segment!).trim();
      // Only spellings of a number: "items" in /villages/items/3 is a word, not an id.
      const n = /^[0-9+.eExXa-fA-FoObB-]+$/.test(decoded) && /[0-9]/.test(decoded) ? Number(decoded) : NaN;
      if (Number.isSafeInteger(n) && n > 0) return `${prefix}${n}${rest}`;
      return path === pathname ? null : path;
    }
  }
  return path === pathname ? null : path;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** GET/HEAD of a non-canonical item URL → 301 to the canonical one (`columnPrefix`: where agency columns live). */
export const canonicalItemUrls = (columnPrefix: string): MiddlewareHandler<AppEnv> => {
  // Built once per app, not per request: the prefix is fixed when the app is built.
  const columnPattern = new RegExp(
    `^(${columnPrefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\/[^/]+)(\\/.*)?$`,
  );
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const url = requestUrl(c);
    if (url.pathname.startsWith('/office') || url.pathname.startsWith('/api')) return next();
    // Inside an agency column (/xxgk/<code>/…) the same rules apply to the page's own path; the column's root keeps
    // its slash (/xxgk/<code>/ is the column's home, as / is the portal's).
    const column = columnPattern.exec(url.pathname);
    const base = column ? column[1]! : '';
    const path = column ? (column[2] ?? '') : url.pathname;
    if (column && (path === '' || path === '/')) return next();
    const canonical = canonicalItemPath(path);
    if (canonical === null) return next();
    return c.redirect(base + canonical + url.search, 301);
  };
};
