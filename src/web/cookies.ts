import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { C } from './app-env.ts';
import { requestUrl } from './request-url.ts';

export const SESSION_COOKIE = 'gk_sid';
export const CSRF_COOKIE = 'gk_csrf';
export const LARGE_FONT_COOKIE = 'gk_large';
/** 适老化 mode on the portal: large font, high contrast, wider line spacing, read-aloud. */
export const CARE_COOKIE = 'gk_care';

/** The request came over https: directly, or through a trusted reverse proxy that says so (X-Forwarded-Proto). */
export function isHttps(c: C): boolean {
  if (requestUrl(c).protocol === 'https:') return true;
  return c.get('deps').config.trustProxy && c.req.header('x-forwarded-proto') === 'https';
}

/** Secure cookies behind https (or when configured so). */
export function isSecure(c: C): boolean {
  const mode = c.get('deps').config.secureCookies;
  if (mode !== 'auto') return mode === 'always';
  return isHttps(c);
}

export function setSessionCookie(c: C, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: isSecure(c) });
}

export function clearSessionCookie(c: C): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export { getCookie, setCookie };
