/**
 * The request's address, parsed once per request: the access log, the security headers, the canonical-URL check,
 * the column routing and the page cache each read it (one `new URL()` apiece before; docs/scale.md, "Twelfth pass").
 * Read-only: a Request's URL never changes, and a middleware that replaces the Request (the body limit) gets the
 * same address parsed again for the new one.
 */
import type { C } from './app-env.ts';

const parsed = new WeakMap<Request, Readonly<URL>>();

export function requestUrl(c: C): Readonly<URL> {
  const raw = c.req.raw;
  let u = parsed.get(raw);
  if (!u) parsed.set(raw, (u = new URL(raw.url)));
  return u;
}

const configured = new Map<string, Readonly<URL>>();

/** A configured address (GONGKAI_PUBLIC_URL), parsed once. */
export function configuredUrl(href: string): Readonly<URL> {
  let u = configured.get(href);
  if (!u) {
    if (configured.size >= 100) configured.clear();
    configured.set(href, (u = new URL(href)));
  }
  return u;
}
