import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { isHttps } from './cookies.ts';

/** Paths whose answers carry personal data or staff work: never stored by a browser or proxy. */
const PRIVATE = /^\/(office|api|track)(\/|$)/;

/** Security headers on every response (no inline scripts; frames denied; no referrer leaks). */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('X-Frame-Options', 'DENY');
  h.set('Referrer-Policy', 'same-origin');
  h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  h.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (c.var.deps && isHttps(c)) h.set('Strict-Transport-Security', 'max-age=31536000');
  if (PRIVATE.test(c.req.path)) h.set('Cache-Control', 'no-store');
};
