/**
 * Cached public pages served before the framework: a plain GET from a visitor who already holds the CSRF cookie, with
 * no session, no flash, under the portal's own host, whose page is in the cache at the current content version, is
 * answered straight from the Node request (no Request/Response objects, no middleware chain). Everything else — and
 * every request whose content version is not known current (src/web/portal-cache.ts, `freshEntry`) — goes to the app unchanged, which renders,
 * caches and re-reads the version. The answer is the one the app would give: the same body with the visitor's token,
 * the same ETag, Cache-Control, Content-Type and security headers, a 304 on a matching If-None-Match, and the access
 * log line.
 */
import http from 'node:http';
import type { Hono } from 'hono';
import { getRequestListener } from '@hono/node-server';
import type { AppEnv, Deps } from './app-env.ts';
import { CSRF_PLACEHOLDER, cacheKey, entryEtag, freshEntry, type Entry } from './portal-cache.ts';
import { HSTS, SECURITY_HEADERS } from './security.ts';
import { configuredUrl } from './request-url.ts';
import { CARE_COOKIE, CSRF_COOKIE, LARGE_FONT_COOKIE, SESSION_COOKIE } from './cookies.ts';

const FLASH = 'gk_flash';
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
/** Paths the fast path never answers (the cache holds none of them; checked anyway). */
const NEVER = /^\/(office|api|track|assets|healthz|prefs)(\/|$)/;

function cookies(header: string | undefined): Map<string, string> {
  const m = new Map<string, string>();
  if (!header) return m;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0) m.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return m;
}

/** Encoded pieces of a cached body around the token placeholder, kept beside the entry. */
const pieces = new WeakMap<Entry, Buffer[]>();
function piecesOf(e: Entry): Buffer[] {
  let p = pieces.get(e);
  if (!p) {
    p = e.body.split(CSRF_PLACEHOLDER).map((s) => Buffer.from(s));
    pieces.set(e, p);
  }
  return p;
}

/** ETag suffixes of recent visitors' tokens (a hash per request otherwise). */
const etags = new Map<string, string>();
function etagOf(e: Entry, csrf: string): string {
  const key = `${e.hash}${csrf}`;
  let t = etags.get(key);
  if (!t) {
    if (etags.size >= 10_000) etags.clear();
    t = entryEtag(e.hash, csrf);
    etags.set(key, t);
  }
  return t;
}

/** Try to answer from the cache; true when answered. */
export function answerFromCache(deps: Deps, req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (req.method !== 'GET' || !req.url) return false;
  const jar = cookies(req.headers.cookie);
  const csrf = jar.get(CSRF_COOKIE);
  if (!csrf || !TOKEN.test(csrf) || jar.has(SESSION_COOKIE) || jar.get(FLASH)) return false;
  const host = req.headers.host;
  if (!host) return false;
  let url: URL;
  try {
    url = new URL(req.url, `http://${host}`);
  } catch {
    return false;
  }
  if (url.pathname.includes('%') || NEVER.test(url.pathname)) return false;
  // An agency column's pages are rebased by the app on the way out (src/web/column-responses.ts): never from here.
  const prefix = deps.config.columnPrefix;
  if (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)) return false;
  const configured = configuredUrl(deps.config.publicUrl).hostname;
  const known =
    url.hostname === configured ||
    (configured === 'localhost' && (url.hostname === '127.0.0.1' || url.hostname === '[::1]'));
  if (!known) return false;
  const key = cacheKey(
    jar.get(LARGE_FONT_COOKIE) === '1',
    jar.get(CARE_COOKIE) === '1',
    deps.config.publicUrl,
    url.pathname,
    url.search,
  );
  const e = freshEntry(deps.db, key, deps.portalWatch);
  if (!e) return false;
  const t0 = performance.now();
  const etag = etagOf(e, csrf);
  const headers: http.OutgoingHttpHeaders = {};
  for (const [k, v] of SECURITY_HEADERS) headers[k.toLowerCase()] = v;
  if (deps.config.trustProxy && req.headers['x-forwarded-proto'] === 'https')
    headers[HSTS[0].toLowerCase()] = HSTS[1];
  headers['etag'] = etag;
  headers['cache-control'] = 'private, no-cache';
  headers['content-type'] = e.type;
  let status = 200;
  if (req.headers['if-none-match'] === etag) {
    status = 304;
    res.writeHead(304, headers);
    res.end();
  } else {
    // The kept pieces and the visitor's token go out as they are, in one corked write: no copy of the body per
    // request (a 23 KB feed copied into a fresh buffer on every hit cost a third of the fast path's throughput,
    // docs/scale.md "Seventeenth pass").
    const parts = piecesOf(e);
    const token = Buffer.from(csrf);
    let length = token.length * (parts.length - 1);
    for (const p of parts) length += p.length;
    headers['content-length'] = length;
    res.writeHead(200, headers);
    if (parts.length === 1) res.end(parts[0]);
    else {
      res.cork();
      for (const [i, p] of parts.entries()) {
        if (i > 0) res.write(token);
        res.write(p);
      }
      res.end();
      res.uncork();
    }
  }
  deps.logger.info(
    { method: 'GET', path: url.pathname, status, ms: Math.round(performance.now() - t0) },
    'request',
  );
  return true;
}

/** The Node request listener: cached public pages first, the app for everything else. */
export function portalListener(
  app: Hono<AppEnv>,
  deps: Deps,
): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const toApp = getRequestListener(app.fetch);
  return (req, res) => {
    if (!answerFromCache(deps, req, res)) void toApp(req, res);
  };
}
