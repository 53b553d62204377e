/**
 * Cache of rendered public pages. A page is rendered once per content version (bumped in the transaction of every
 * publish, withdrawal, catalogue or page change — see src/portal/portal-version.ts) and served from memory afterwards; the
 * version is re-read when any node's change is heard of (PostgreSQL LISTEN/NOTIFY), or for every request where there is
 * no listener, so every process serves another's publish at once.
 * The visitor's CSRF token (in the large-font form) is substituted per response; the ETag covers the cached body and
 * the token, so a browser's conditional GET gets a 304.
 */
import crypto from 'node:crypto';
import type { C } from './app-env.ts';
import type { Db } from '../db/database.ts';
import { portalVersion } from '../portal/portal-version.ts';
import type { PortalWatch } from '../portal/portal-watch.ts';

/** Put in place of the CSRF token when rendering a page for the cache. */
export const CSRF_PLACEHOLDER = 'gk-csrf-placeholder-0000000000000000';
const MAX_ENTRIES = 5000;

interface Entry {
  version: number;
  body: string;
  hash: string;
  type: string;
}

const caches = new WeakMap<object, Map<string, Entry>>();
const readers = new WeakMap<object, { running?: Promise<number>; waiting?: Promise<number> }>();
const known = new WeakMap<object, { generation: number; version: number }>();

/**
 * The portal version a page must have been rendered at. With a change listener (PostgreSQL, src/portal/portal-watch.ts)
 * the stored version is read only when the listener has heard of a change; without one (SQLite, tests, or while the
 * listener reconnects) it is read for every request.
 */
function currentVersion(db: Db, watch: PortalWatch | undefined): Promise<number> {
  const generation = watch?.generation() ?? null;
  if (generation === null) return readVersion(db);
  const k = known.get(db);
  if (k && k.generation === generation) return Promise.resolve(k.version);
  // Read after the generation was taken: a change heard during the read moves it again and forces another read.
  return readVersion(db).then((version) => {
    known.set(db, { generation, version });
    return version;
  });
}

/**
 * The stored version, read fresh. Reads are shared: a request arriving while a read is under way waits for the next
 * one (a read that started before the request arrived could miss a commit the visitor has already seen), and all
 * requests waiting together share it, so there is at most one version query in flight per process.
 */
function readVersion(db: Db): Promise<number> {
  let s = readers.get(db);
  if (!s) readers.set(db, (s = {}));
  const state = s;
  const start = (): Promise<number> => {
    const p: Promise<number> = portalVersion(db).finally(() => {
      if (state.running === p) state.running = undefined;
    });
    state.running = p;
    return p;
  };
  if (!state.running) return start();
  state.waiting ??= state.running
    .catch(() => undefined)
    .then(() => {
      state.waiting = undefined;
      return start();
    });
  return state.waiting;
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
    const etag = `"${e.hash}-${crypto.createHash('sha1').update(csrf).digest('base64url').slice(0, 8)}"`;
    const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', 'Content-Type': e.type };
    // Through c.body, so headers set earlier on the context (the CSRF cookie of a first visit) are kept.
    if (status === 200 && c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(e.body.replaceAll(CSRF_PLACEHOLDER, csrf), status as 200, headers);
  };
  if (c.var.flash || !isKnownHost(c)) {
    const r = await render();
    return send({ body: r.body, hash: 'flash', type: r.type ?? 'text/html; charset=utf-8' }, r.status ?? 200);
  }
  const version = await currentVersion(db, c.var.deps.portalWatch);
  const key = `${c.var.largeFont ? 'L' : 'N'}${c.var.care ? 'C' : ''}${c.var.deps.config.publicUrl}${new URL(c.req.url).pathname}?${new URL(c.req.url).search}`;
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
