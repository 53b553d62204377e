import { render } from 'preact-render-to-string';
import type { VNode } from 'preact';
import type { C } from './app-env.ts';
import { unlinkHiddenFieldErrors } from './error-summary-links.ts';

/**
 * Render a page (JSX, escaped by default) to an HTML response. The body is sent as its UTF-8 bytes, encoded once
 * here: a string body is checked for lone surrogates and encoded again by the Response (or measured and encoded by
 * the Node server), each a pass over the whole page. The doctype is prepended before the error-summary check, so
 * the renderer's concatenated string is flattened once, not twice (docs/scale.md, "Eighth pass").
 */
export function page(c: C, node: VNode, status = 200): Response {
  return htmlPage(c, '<!doctype html>' + render(node), status);
}

/** A rendered page (its doctype included) as the HTML response `page` gives. */
export function htmlPage(c: C, rendered: string, status = 200): Response {
  const html = unlinkHiddenFieldErrors(rendered);
  const res = c.body(Buffer.from(html, 'utf8'), status as 200, {
    'Content-Type': 'text/html; charset=UTF-8',
  });
  // A Cache-Control set earlier on the context is in the response's headers; pages are never stored otherwise. Set
  // here, not read from `c.res` before: that built a placeholder Response, copied into this one and again when the
  // router took this one (docs/scale.md, "Twelfth pass").
  if (!res.headers.has('Cache-Control')) res.headers.set('Cache-Control', 'no-store');
  return res;
}

/** Render a fragment to a string (tests, e-mail bodies). */
export function renderToString(node: VNode): string {
  return render(node);
}

const FLASH_COOKIE = 'gk_flash';

/** Redirect with a short message shown on the next page. */
export function redirectWithFlash(c: C, to: string, message: string): Response {
  c.header(
    'Set-Cookie',
    `${FLASH_COOKIE}=${encodeURIComponent(message)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60`,
    {
      append: true,
    },
  );
  return c.redirect(to, 303);
}

export { FLASH_COOKIE };
