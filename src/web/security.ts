import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { isHttps } from './cookies.ts';

/** Paths whose answers carry personal data or staff work: never stored by a browser or proxy. */
const PRIVATE = /^\/(office|api|track)(\/|$)/;

/** The headers every response carries (the fast path for cached pages sends the same list). */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  [
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  ],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];
/** Added behind https only. */
export const HSTS = ['Strict-Transport-Security', 'max-age=31536000'] as const;

/** Security headers on every response (no inline scripts; frames denied; no referrer leaks). */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const h = c.res.headers;
  for (const [k, v] of SECURITY_HEADERS) h.set(k, v);
  if (c.get('deps') && isHttps(c)) h.set(...HSTS);
  if (PRIVATE.test(c.req.path)) h.set('Cache-Control', 'no-store');
};
