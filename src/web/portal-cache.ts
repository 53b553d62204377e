/**
 * Cache of rendered public pages. A page is rendered once per content version (bumped in the transaction of every
 * publish, withdrawal, catalogue or page change — see src/portal/portal-version.ts) and served from memory afterwards; the
 * version is read from the database at most once a second, so every process notices another's publish within a
 * second, and its own at once.
 * The visitor's CSRF token (in the large-font form) is substituted per response; the ETag covers the cached body and
 * the token, so a browser's conditional GET gets a 304.
 */
import crypto from 'node:crypto';
import type { C } from './app-env.ts';
import type { Db } from '../db/database.ts';
import { localPortalChanges, portalVersion } from '../portal/portal-version.ts';

/** Put in place of the CSRF token when rendering a page for the cache. */
export const CSRF_PLACEHOLDER = 'gk-csrf-placeholder-0000000000000000';
const MAX_ENTRIES = 5000;

export interface Entry {
  version: number;
  body: string;
  hash: string;
  type: string;
}

const caches = new WeakMap<object, Map<string, Entry>>();
const versions = new WeakMap<object, { at: number; version: number; local: number }>();

const reading = new WeakMap<object, { local: number; p: Promise<number> }>();

async function currentVersion(db: Db): Promise<number> {
  const v = versions.get(db);
  const now = Date.now();
  const local = localPortalChanges();
  // Another process's change shows within a second; this process's own at once.
  if (v && now - v.at < 1000 && v.local === local) return v.version;
  return readVersion(db);
}

/**
 * One read of the stored version at a time per database: concurrent callers share it, unless this process changed
 * something since it started (then the change must be seen, so a new read starts).
 */
function readVersion(db: Db): Promise<number> {
  const local = localPortalChanges();
  const inFlight = reading.get(db);
  if (inFlight && inFlight.local === local) return inFlight.p;
  const at = Date.now();
  const p = portalVersion(db)
    .then((version) => {
      versions.set(db, { at, version, local });
      return version;
    })
    .finally(() => {
      if (reading.get(db)?.p === p) reading.delete(db);
    });
  reading.set(db, { local, p });
  return p;
}

/**
 * Whether the request came under the portal's own host name (GONGKAI_PUBLIC_URL; the port is ignored, a proxy may
 * change it). Pages asked for under any other Host are rendered but never cached, so a forged Host cannot reach
 * another visitor; absolute URLs never come from Host anyway.
 */
export function isKnownHost(c: C): boolean {
  const configured = new URL(c.var.deps.config.publicUrl).hostname;
  const requested = new URL(c.req.url).hostname;
  if (requested === configured) return true;
  // The local default (http://localhost:PORT) also answers on the loopback addresses.
  return configured === 'localhost' && (requested === '127.0.0.1' || requested === '[::1]');
}

/**
 * Serve a public page from the cache, rendering it with `render` on a miss. `render` must put CSRF_PLACEHOLDER
 * where the token goes. Pages with a flash message, and pages asked for under an unknown Host, are not cached.
 */
export async function cachedPublic(
  c: C,
  render: () => Promise<{ body: string; type?: string; status?: number }>,
): Promise<Response> {
  const db = c.var.deps.db;
  const csrf = c.var.csrf;
  const send = (e: { body: string; hash: string; type: string }, status = 200) => {
    const etag = entryEtag(e.hash, csrf);
    const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', 'Content-Type': e.type };
    // Through c.body, so headers set earlier on the context (the CSRF cookie of a first visit) are kept.
    if (status === 200 && c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(e.body.replaceAll(CSRF_PLACEHOLDER, csrf), status as 200, headers);
  };
  if (c.var.flash || !isKnownHost(c)) {
    const r = await render();
    return send({ body: r.body, hash: 'flash', type: r.type ?? 'text/html; charset=utf-8' }, r.status ?? 200);
  }
  const version = await currentVersion(db);
  const key = cacheKey(c.var.largeFont, c.var.deps.config.publicUrl, c.req.path, new URL(c.req.url).search);
  let perDb = caches.get(db);
  if (!perDb) {
    perDb = new Map();
    caches.set(db, perDb);
  }
  const hit = perDb.get(key);
  if (hit && hit.version === version) return send(hit);
  const r = await render();
  const entry: Entry = {
    version,
    body: r.body,
    type: r.type ?? 'text/html; charset=utf-8',
    hash: crypto.createHash('sha1').update(r.body).digest('base64url').slice(0, 16),
  };
  // Only successful pages are cached (a 404 must not hide an item published a moment later).
  if ((r.status ?? 200) === 200) {
    if (perDb.size >= MAX_ENTRIES) perDb.delete(perDb.keys().next().value!);
    perDb.set(key, entry);
  }
  return send(entry, r.status ?? 200);
}

/** The cache key of a page: font mode, portal URL, path and query string (as the URL parser normalises them). */
export function cacheKey(largeFont: boolean, publicUrl: string, path: string, search: string): string {
  return `${largeFont ? 'L' : 'N'}${publicUrl}${path}?${search}`;
}

/**
 * The cached page for a key if it is known current without asking the database (the version was read less than a
 * second ago and this process changed nothing since), else undefined: the fast path in front of the framework
 * (src/web/fast-public.ts) then lets the request through, and the full path re-reads the version.
 */
export function freshEntry(db: Db, key: string): Entry | undefined {
  const v = versions.get(db);
  if (!v || v.local !== localPortalChanges()) return undefined;
  const age = Date.now() - v.at;
  // Read again in the background before it expires, so a busy portal never waits for it.
  if (age >= 500) readVersion(db).catch(() => undefined);
  if (age >= 1000) return undefined;
  const e = caches.get(db)?.get(key);
  return e && e.version === v.version ? e : undefined;
}

/** The ETag of a cached page for one visitor (the body's hash and the visitor's CSRF token). */
export function entryEtag(hash: string, csrf: string): string {
  return `"${hash}-${crypto.createHash('sha1').update(csrf).digest('base64url').slice(0, 8)}"`;
}
