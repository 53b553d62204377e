/**
 * Middleware of the per-agency columns (see portal-scope.ts): an unknown agency code is a 404 before any page runs,
 * and a column's HTML links and redirects get the column's base on the way out.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { parseColumnPath, portalScope, rebaseLinks, rebaseLocation } from './portal-scope.ts';

export const columnResponses: MiddlewareHandler<AppEnv> = async (c, next) => {
  const prefix = c.var.deps.config.columnPrefix;
  if (!parseColumnPath(prefix, new URL(c.req.url).pathname)) return next();
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
    headers.delete('content-length');
  }
  // Cleared first: assigning over a response would copy its old headers (the old Location) onto the new one.
  c.res = undefined;
  c.res = new Response(body, { status: res.status, headers });
};
