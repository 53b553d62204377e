/**
 * Cache of rendered public pages. A page is rendered once per content version (bumped in the transaction of every
 * publish, withdrawal, catalogue or page change — see src/portal/portal-version.ts) and served from memory afterwards; the
 * version is re-read when any node's change is heard of (PostgreSQL LISTEN/NOTIFY), or for every request where there is
 * no listener, so every process serves another's publish at once. Cache hits of anonymous visitors may also be
 * answered before the framework (src/web/fast-public.ts) when `freshEntry` knows the version current without a query:
 * with a listener, when nothing was heard and this process changed nothing since the last read; without one (a single
 * SQLite node), when the version was read less than a second ago and this process changed nothing since (another
 * process — the CLI — is then seen within a second).
 * The visitor's CSRF token (in the large-font form) is substituted per response; the ETag covers the cached body and
 * the token, so a browser's conditional GET gets a 304.
 */
import crypto from 'node:crypto';
import type { C } from './app-env.ts';
import type { Db } from '../db/database.ts';
import { localPortalChanges, portalVersion } from '../portal/portal-version.ts';
import type { PortalWatch } from '../portal/portal-watch.ts';
import { configuredUrl, requestUrl } from './request-url.ts';

/** Put in place of the CSRF token when rendering a page for the cache. */
export const CSRF_PLACEHOLDER = 'gk-csrf-placeholder-0000000000000000';
const MAX_ENTRIES = 5000;
/**
 * The kept bodies' total length, in UTF-16 units (each body is also kept as UTF-8 pieces for the fast path, so
 * memory is about three to five times this). Search pages are 20–70 KB and every query string is a page of its
 * own, so 5,000 entries alone could hold over a gigabyte of them.
 */
const MAX_CHARS = 24_000_000;

/** Pages kept per database: oldest first out when either bound is reached. */
export class PageStore {
  readonly entries = new Map<string, Entry>();
  chars = 0;
  constructor(
    readonly maxEntries = MAX_ENTRIES,
    readonly maxChars = MAX_CHARS,
  ) {}
  get(key: string): Entry | undefined {
    return this.entries.get(key);
  }
  set(key: string, e: Entry): void {
    this.delete(key);
    // A page larger than the whole budget is not kept at all.
    if (e.body.length > this.maxChars) return;
    while (
      this.entries.size &&
      (this.entries.size >= this.maxEntries || this.chars + e.body.length > this.maxChars)
    )
      this.delete(this.entries.keys().next().value!);
    this.entries.set(key, e);
    this.chars += e.body.length;
  }
  private delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.chars -= old.body.length;
  }
}

export interface Entry {
  version: number;
  body: string;
  hash: string;
  type: string;
}

const caches = new WeakMap<object, PageStore>();
const readers = new WeakMap<object, { running?: Promise<number>; waiting?: Promise<number> }>();
const known = new WeakMap<object, { generation: number; version: number; local: number }>();
/** The last version read, when, and this process's change count at the read's start (for the fast path). */
const versions = new WeakMap<object, { at: number; version: number; local: number }>();

/**
 * The portal version a page must have been rendered at. With a change listener (PostgreSQL, src/portal/portal-watch.ts)
 * the stored version is read only when the listener has heard of a change; without one (SQLite, tests, or while the
 * listener reconnects) it is read for every request.
 */
function currentVersion(db: Db, watch: PortalWatch | undefined): Promise<number> {
  const generation = watch?.generation() ?? null;
  if (generation === null) return readVersion(db);
  const local = localPortalChanges();
  const k = known.get(db);
  if (k && k.generation === generation && k.local === local) return Promise.resolve(k.version);
  // Read after the generation was taken: a change heard during the read moves it again and forces another read.
  return readVersion(db).then((version) => {
    known.set(db, { generation, version, local });
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
    const at = Date.now();
    const local = localPortalChanges();
    const p: Promise<number> = portalVersion(db)
      .then((version) => {
        versions.set(db, { at, version, local });
        return version;
      })
      .finally(() => {
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
  const configured = configuredUrl(c.get('deps').config.publicUrl).hostname;
  const requested = requestUrl(c).hostname;
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
  const db = c.get('deps').db;
  const csrf = c.get('csrf');
  const send = (e: { body: string; hash: string; type: string }, status = 200) => {
    const etag = entryEtag(e.hash, csrf);
    const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', 'Content-Type': e.type };
    // Through c.body, so headers set earlier on the context (the CSRF cookie of a first visit) are kept.
    if (status === 200 && c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(e.body.replaceAll(CSRF_PLACEHOLDER, csrf), status as 200, headers);
  };
  if (c.get('flash') || !isKnownHost(c)) {
    const r = await render();
    return send({ body: r.body, hash: 'flash', type: r.type ?? 'text/html; charset=utf-8' }, r.status ?? 200);
  }
  const version = await currentVersion(db, c.get('deps').portalWatch);
  requestVersions.set(c.req.raw, version);
  const url = requestUrl(c);
  // The full path (an agency column's prefix included: columns never share a page).
  const key = cacheKey(
    c.get('largeFont'),
    c.get('care'),
    c.get('deps').config.publicUrl,
    url.pathname,
    url.search,
  );
  let perDb = caches.get(db);
  if (!perDb) {
    perDb = new PageStore();
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
    perDb.set(key, entry);
  }
  return send(entry, r.status ?? 200);
}

const requestVersions = new WeakMap<Request, number>();
const memos = new WeakMap<object, Map<string, { version: number; value: Promise<unknown> }>>();
const MAX_MEMOS = 2000;

/**
 * A value derived from portal content only (a column's catalogue, its guide, rules and published reports: every
 * change to them bumps the portal version), computed once per version and shared by the requests that render pages
 * at that version — so a page rendered from it is exactly as current as a page served from the cache. The version is
 * the one this request's page is cached under (read before the value, so the value is never older than it).
 */
export async function portalMemo<T>(c: C, key: string, compute: () => Promise<T>): Promise<T> {
  const db = c.get('deps').db;
  const version = requestVersions.get(c.req.raw) ?? (await currentVersion(db, c.get('deps').portalWatch));
  let perDb = memos.get(db);
  if (!perDb) memos.set(db, (perDb = new Map()));
  const memo = perDb;
  const hit = memo.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = compute();
  if (memo.size >= MAX_MEMOS) memo.delete(memo.keys().next().value!);
  memo.set(key, { version, value });
  // A failed read is not kept: the next request tries again.
  void value.catch(() => {
    if (memo.get(key)?.value === value) memo.delete(key);
  });
  return value;
}

/** The cache key of a page: font and 适老化 modes, portal URL, full path and query string. */
export function cacheKey(
  largeFont: boolean,
  care: boolean,
  publicUrl: string,
  path: string,
  search: string,
): string {
  return `${largeFont ? 'L' : 'N'}${care ? 'C' : ''}${publicUrl}${path}?${search}`;
}

/**
 * The cached page for a key if it is known current without asking the database (see the head of this file), else
 * undefined: the fast path in front of the framework then lets the request through, and the full path re-reads.
 */
export function freshEntry(db: Db, key: string, watch: PortalWatch | undefined): Entry | undefined {
  const local = localPortalChanges();
  const generation = watch?.generation() ?? null;
  let version: number;
  if (generation !== null) {
    const k = known.get(db);
    if (!k || k.generation !== generation || k.local !== local) return undefined;
    version = k.version;
  } else {
    const v = versions.get(db);
    if (!v || v.local !== local) return undefined;
    const age = Date.now() - v.at;
    // Read again in the background before it expires, so a busy portal never waits for it.
    if (age >= 500) readVersion(db).catch(() => undefined);
    if (age >= 1000) return undefined;
    version = v.version;
  }
  const e = caches.get(db)?.get(key);
  return e && e.version === version ? e : undefined;
}

/** The ETag of a cached page for one visitor (the body's hash and the visitor's CSRF token). */
export function entryEtag(hash: string, csrf: string): string {
  return `"${hash}-${crypto.createHash('sha1').update(csrf).digest('base64url').slice(0, 8)}"`;
}
