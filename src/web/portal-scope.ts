/**
 * Which agency's 信息公开 column a public request is for. A county installation serves every agency's column under
 * one domain at `<prefix>/<agency code>/…` (prefix GONGKAI_COLUMN_PREFIX, default /xxgk), the county 信息公开 home at
 * `<prefix>` and the search over all agencies at `<prefix>/search`; the home agency keeps its column at `/` as before.
 *
 * Routing: the app's getPath strips `<prefix>/<code>` so the same page handlers serve every column (no page is
 * copied per agency). The handlers write root-relative links as at `/`; `rebaseLinks` puts the column's base in front
 * of them once, as each column response leaves (an HTML body's href/action/src, a redirect's Location).
 */
import { getPath as defaultGetPath } from 'hono/utils/url';
import type { C } from './app-env.ts';
import { subtreeOf, type Agency } from '../org/org.ts';
import { agenciesAndHome } from '../org/home-agency.ts';
import { portalMemo } from './portal-cache.ts';
import { requestUrl } from './request-url.ts';

/** The county-wide pages under the prefix (a segment no agency code may take). */
const COUNTY_PAGES = new Set(['search']);
/** The route path the county home is served under (reached only through the prefix). */
export const COUNTY_HOME_ROUTE = '/county-home';
/** Paths that never belong to a column: the back office, the API, assets and the shell's own endpoints. */
const OUTSIDE = ['/office', '/api', '/assets', '/healthz', '/prefs'];
const isOutside = (p: string) => OUTSIDE.some((o) => p === o || p.startsWith(`${o}/`));

export type ColumnPath =
  { kind: 'column'; code: string; rest: string } | { kind: 'county'; rest: string } | null;

/** Split a path under the prefix: a column (`<prefix>/<code>/rest`), a county page, or null (not under it). */
export function parseColumnPath(prefix: string, pathname: string): ColumnPath {
  if (pathname === prefix || pathname === `${prefix}/`) return { kind: 'county', rest: COUNTY_HOME_ROUTE };
  if (!pathname.startsWith(`${prefix}/`)) return null;
  const tail = pathname.slice(prefix.length + 1);
  const slash = tail.indexOf('/');
  const code = slash < 0 ? tail : tail.slice(0, slash);
  const rest = slash < 0 ? '/' : tail.slice(slash);
  if (!code || isOutside(rest)) return null;
  if (COUNTY_PAGES.has(code)) return slash < 0 ? { kind: 'county', rest: `/${code}` } : null;
  return { kind: 'column', code, rest };
}

/** The router's path: the page path inside a column (see parseColumnPath), the request's path otherwise. */
export function columnGetPath(prefix: string): (req: Request) => string {
  return (req) => {
    const p = defaultGetPath(req);
    const m = parseColumnPath(prefix, p);
    return m ? m.rest : p;
  };
}

export interface PortalScope {
  kind: 'home' | 'column' | 'county';
  /** The column's agency; the county itself for county pages; undefined when it does not exist. */
  agency: Agency | undefined;
  /** Put before every root-relative portal link of the page ('' at the home, `<prefix>/<code>` in a column). */
  base: string;
  /**
   * Where this column's pages are canonical: `base`, except for the home agency's column, whose pages are the same
   * as the portal's at `/` (canonical there: '').
   */
  canonicalBase: string;
  /** The county home's address when the installation has more than one column, else null. */
  countyHref: string | null;
  /** Every agency with a column (the county and those below it). */
  columns: Agency[];
}

/** The county of the installation: the home agency if it is one, else the county above it, else the first county. */
export function countyOf(all: Agency[], home: Agency | undefined): Agency | undefined {
  let a = home;
  while (a && a.kind !== 'county') a = all.find((x) => x.id === a!.parentId);
  return a ?? all.find((x) => x.kind === 'county');
}

/** The agencies with a column: the county and every agency below it (or, without a county, every agency). */
export function columnAgencies(all: Agency[], county: Agency | undefined): Agency[] {
  return county ? subtreeOf(all, county.id) : all;
}

const scopes = new WeakMap<Request, Promise<PortalScope>>();
const resolved = new WeakMap<Request, PortalScope>();

/** The home agency, the county and every agency with a column. */
function columnsOf(
  c: C,
): Promise<{ home: Agency | undefined; county: Agency | undefined; columns: Agency[] }> {
  // Every agency change (create, rename, office) and the home agency's designation bump the portal version, so the
  // agency list is read once per version, not for every page.
  return portalMemo(c, 'agencies-and-home', async () => {
    const { all, home } = await agenciesAndHome(c.get('deps').db);
    const county = countyOf(all, home);
    return { home, county, columns: columnAgencies(all, county) };
  });
}

/**
 * Where an agency's portal pages are canonical: '' for the home agency (its column is the portal at `/`),
 * `<prefix>/<code>` for any other agency with a column, null for an agency without one.
 */
export async function canonicalBaseOf(c: C, agencyId: number): Promise<string | null> {
  const { home, columns } = await columnsOf(c);
  if (home?.id === agencyId) return '';
  const a = columns.find((x) => x.id === agencyId);
  return a ? columnHref(c.get('deps').config.columnPrefix, a.code, '') : null;
}

/**
 * A page of one agency's (a village item, a publication) is shown only in that agency's column. Reached under another
 * column, or at `/` of an installation whose home is another agency (a link or a board's QR code made before the
 * county took the agency in), the visitor is sent (302) to the owner's canonical address instead of reading one
 * government's page under another's name. Null when the request is already in the owner's column, or when the owner
 * has no column (the caller answers not found).
 */
export async function redirectToOwnColumn(c: C, agencyId: number, path: string): Promise<Response | null> {
  const here = (await portalScope(c)).agency;
  if (here?.id === agencyId) return null;
  const base = await canonicalBaseOf(c, agencyId);
  if (base === null) return null;
  // Absolute: the column's link rebasing (rebaseLocation) would put a root-relative path back under the column the
  // visitor is in.
  return c.redirect(`${c.get('deps').config.publicUrl}${base}${path}`, 302);
}

async function resolveScope(c: C): Promise<PortalScope> {
  const prefix = c.get('deps').config.columnPrefix;
  const m = parseColumnPath(prefix, requestUrl(c).pathname);
  const { home, county, columns } = await columnsOf(c);
  const countyHref = columns.length > 1 ? prefix : null;
  if (!m) return { kind: 'home', agency: home, base: '', canonicalBase: '', countyHref, columns };
  if (m.kind === 'county')
    return {
      kind: 'county',
      agency: county,
      base: prefix,
      canonicalBase: prefix,
      countyHref: prefix,
      columns,
    };
  const agency = columns.find((a) => a.code === m.code);
  const base = columnHref(prefix, m.code, '');
  const canonicalBase = agency && agency.id === home?.id ? '' : base;
  return { kind: 'column', agency, base, canonicalBase, countyHref, columns };
}

/** The scope of this request (resolved once per request). */
export function portalScope(c: C): Promise<PortalScope> {
  let s = scopes.get(c.req.raw);
  if (!s) {
    s = resolveScope(c).then((x) => {
      resolved.set(c.req.raw, x);
      return x;
    });
    scopes.set(c.req.raw, s);
  }
  return s;
}

/** The scope once portalScope has resolved it (for the synchronous page renderers that run after it). */
export function knownScope(c: C): PortalScope | undefined {
  return resolved.get(c.req.raw);
}

/** The public address of a page of an agency's column. */
export function columnHref(prefix: string, code: string, path = '/'): string {
  return `${prefix}/${encodeURIComponent(code)}${path}`;
}

/** Whether a root-relative link is a portal page (rebased inside a column), not the office, an asset or the county. */
function isPortalLink(prefix: string, href: string): boolean {
  if (!href.startsWith('/') || href.startsWith('//')) return false;
  const path = href.split(/[?#]/, 1)[0]!;
  return !isOutside(path) && path !== prefix && !path.startsWith(`${prefix}/`);
}

/** Put `base` before every root-relative portal link of an HTML page. */
export function rebaseLinks(html: string, prefix: string, base: string): string {
  return html.replace(/(\s(?:href|action|src)=")(\/[^"]*)"/g, (all, attr: string, href: string) =>
    isPortalLink(prefix, href) ? `${attr}${base}${href}"` : all,
  );
}

/** A redirect's Location inside a column. */
export function rebaseLocation(location: string, prefix: string, base: string): string {
  return isPortalLink(prefix, location) ? `${base}${location}` : location;
}
