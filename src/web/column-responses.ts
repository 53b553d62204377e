/**
 * Middleware of the per-agency columns (see portal-scope.ts): an unknown agency code is a 404 before any page runs,
 * and a column's HTML links and redirects get the column's base on the way out. The home agency's column shows the
 * same pages as `/`: its pages name the page at `/` as canonical (<link rel="canonical">), as its sitemap and feeds do.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { parseColumnPath, portalScope, rebaseLinks, rebaseLocation } from './portal-scope.ts';
import { requestUrl } from './request-url.ts';

export const columnResponses: MiddlewareHandler<AppEnv> = async (c, next) => {
  const prefix = c.get('deps').config.columnPrefix;
  const url = requestUrl(c);
  const column = parseColumnPath(prefix, url.pathname);
  if (!column) return next();
  const scope = await portalScope(c);
  if (!scope.agency) return c.notFound();
  await next();
  const res = c.res;
  const location = res.headers.get('location');
  const isHtml = (res.headers.get('content-type') ?? '').startsWith('text/html') && res.body != null;
  if (!location && !isHtml) return;
  const headers = new Headers(res.headers);
  if (location) headers.set('location', rebaseLocation(location, prefix, scope.base));
  let body: BodyInit | null = res.body;
  if (isHtml) {
    body = rebaseLinks(await res.text(), prefix, scope.base);
    if (column.kind === 'column' && scope.canonicalBase !== scope.base && res.status === 200)
      body = withCanonical(
        body,
        canonicalUrl(c.get('deps').config.publicUrl, scope.canonicalBase, column.rest, url.search),
      );
    headers.delete('content-length');
  }
  // Cleared first: assigning over a response would copy its old headers (the old Location) onto the new one.
  c.res = undefined;
  c.res = new Response(body, { status: res.status, headers });
};

/** The absolute canonical address of a column page (`rest`: the page's path inside the column). */
export function canonicalUrl(publicUrl: string, base: string, rest: string, search: string): string {
  return `${publicUrl.replace(/\/$/, '')}${base}${rest}${search}`;
}

/** An HTML page with `<link rel="canonical">` at the end of its head (unchanged when it has no head). */
export function withCanonical(html: string, href: string): string {
  const at = html.indexOf('</head>');
  if (at < 0) return html;
  const esc = href.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `${html.slice(0, at)}<link rel="canonical" href="${esc}" />${html.slice(at)}`;
}
