import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import crypto from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv, Deps, C, Shell } from './app-env.ts';
import { securityHeaders } from './security.ts';
import {
  CSRF_COOKIE,
  LARGE_FONT_COOKIE,
  CARE_COOKIE,
  SESSION_COOKIE,
  clearSessionCookie,
  getCookie,
  isSecure,
  setCookie,
} from './cookies.ts';
import { resolveSession, actorOf } from '../auth/session.ts';
import { DomainError, httpStatusOf, isDomainError } from '../errors.ts';
import { FLASH_COOKIE, page } from './render.tsx';
import { BareLayout } from './views/layout.tsx';
import { routeModules } from './routes/index.ts';
import { columnGetPath } from './portal-scope.ts';
import { columnResponses } from './column-responses.ts';
import { auditLabels, featureNav, featureWidgets, wireFeatures } from '../features.ts';
import { shellNav } from './views/nav.ts';
import { ping } from '../db/database.ts';
import { limitBodies } from './body-limit.ts';
import { streamMultipart } from './multipart-body.ts';
import { MALFORMED } from '../uploads/multipart.ts';
import { loggedPath } from '../logger.ts';
import { canonicalItemUrls } from './canonical-url.ts';
import { configuredUrl, requestUrl } from './request-url.ts';

const ASSET_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
const ASSET_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** PostgreSQL data exceptions (class 22): invalid text for a number or date, out of range, too long. */
const DATA_EXCEPTIONS = new Set(['22P02', '22003', '22007', '22008', '22001', '22023']);

/** Read the assets once at start: they are small, and serving from memory keeps the portal fast. */
function loadAssets(): Map<string, { body: Buffer; type: string; etag: string }> {
  const m = new Map<string, { body: Buffer; type: string; etag: string }>();
  for (const f of fs.readdirSync(ASSET_DIR)) {
    const body = fs.readFileSync(path.join(ASSET_DIR, f));
    const etag = `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
    m.set(f, { body, type: ASSET_TYPES[path.extname(f)] ?? 'application/octet-stream', etag });
  }
  return m;
}

function clientIp(c: C, trustProxy: boolean): string | null {
  // X-Forwarded-For is client-controlled unless a reverse proxy sets it: trusting it by default would let anyone
  // dodge the sign-in rate limit and forge audit addresses.
  const fwd = trustProxy ? c.req.header('x-forwarded-for') : undefined;
  if (fwd) return fwd.split(',')[0]!.trim();
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/** Build the web application: middleware in a fixed order, then every feature's routes, then error mapping. */
export function createApp(deps: Deps): Hono<AppEnv> {
  // Inside an agency's column (<prefix>/<code>/…) the router sees the page path: see portal-scope.ts.
  const app = new Hono<AppEnv>({ getPath: columnGetPath(deps.config.columnPrefix) });
  wireFeatures();
  const shell: Shell = {
    nav: [...shellNav, ...featureNav()],
    widgets: featureWidgets(),
    auditLabels: auditLabels(),
  };
  const assets = loadAssets();

  // Access log: method, path without the query string (it may carry search words or codes) and without a receipt's
  // key (loggedPath), status, duration.
  app.use('*', async (c, next) => {
    const t0 = performance.now();
    await next();
    deps.logger.info(
      {
        method: c.req.method,
        path: loggedPath(requestUrl(c).pathname),
        status: c.res.status,
        ms: Math.round(performance.now() - t0),
      },
      'request',
    );
  });
  app.use('*', securityHeaders);

  app.get('/assets/:file', (c) => {
    const a = assets.get(c.req.param('file'));
    if (!a) return c.notFound();
    if (c.req.header('if-none-match') === a.etag) return c.body(null, 304);
    return c.body(new Uint8Array(a.body), 200, {
      'Content-Type': a.type,
      ETag: a.etag,
      'Cache-Control': 'public, max-age=3600',
    });
  });

  app.get('/healthz', async (c) => {
    try {
      await ping(deps.db);
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'error', message: '数据库不可用' }, 503);
    }
  });

  // One URL per public item: /p/0x0b, /p/11.0, /p/011 and /p/11/ answer 301 to /p/11 (before any page work).
  app.use('*', canonicalItemUrls(deps.config.columnPrefix));

  // Context: deps, session, actor, CSRF token, preferences, flash.
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('shell', shell);
    const meta = { ip: clientIp(c, deps.config.trustProxy), userAgent: c.req.header('user-agent') ?? null };
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await resolveSession(deps.db, token, deps.clock.now()) : null;
    if (token && !session) clearSessionCookie(c);
    c.set('session', session);
    c.set('ctx', {
      db: deps.db,
      clock: deps.clock,
      meta,
      actor: session ? actorOf(session.user) : { kind: 'public' },
    });
    let csrf = session?.csrfToken ?? getCookie(c, CSRF_COOKIE);
    if (!csrf) {
      csrf = crypto.randomBytes(24).toString('base64url');
      setCookie(c, CSRF_COOKIE, csrf, { httpOnly: true, sameSite: 'Lax', path: '/', secure: isSecure(c) });
    }
    c.set('csrf', csrf);
    c.set('largeFont', getCookie(c, LARGE_FONT_COOKIE) === '1');
    c.set('care', getCookie(c, CARE_COOKIE) === '1');
    const flash = getCookie(c, FLASH_COOKIE);
    // getCookie has already decoded the value (once): decoding again broke every page on a flash with "%".
    c.set('flash', flash || null);
    if (flash) setCookie(c, FLASH_COOKIE, '', { path: '/', maxAge: 0 });
    await next();
  });

  // Body size: refused (413) before anything reads it.
  app.use('*', limitBodies);
  // Multipart bodies: parsed as a stream, files straight into the file store (web/multipart-body.ts).
  app.use('*', streamMultipart);

  // CSRF: every state-changing request carries the token (form field _csrf or header X-CSRF-Token), and a browser's
  // Origin, when sent, is this site's (the request's own host or the configured public URL).
  app.use('*', async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin && origin !== 'null') {
      const o = URL.parse(origin);
      const ours = [requestUrl(c).host, configuredUrl(deps.config.publicUrl).host];
      if (!o || !ours.includes(o.host))
        throw new DomainError('forbidden', '请求来源无法验证（来自其他网站的提交），请从本网站页面重新提交');
    }
    const expected = c.get('csrf');
    let sent = c.req.header('x-csrf-token');
    const type = c.req.header('content-type') ?? '';
    if (type.includes('form')) {
      // Parsed once here (the routes get the cached result), so a malformed body is a 400, never a 500.
      let body: Awaited<ReturnType<typeof c.req.parseBody>>;
      try {
        body = await c.req.parseBody({ all: true });
      } catch (e) {
        if (isDomainError(e)) throw e;
        throw new DomainError('validation', MALFORMED);
      }
      const v = body['_csrf'];
      sent ??= typeof v === 'string' ? v : undefined;
    }
    const ok =
      typeof sent === 'string' &&
      sent.length === expected.length &&
      crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
    if (!ok) throw new DomainError('forbidden', '页面已过期或请求来源无法验证，请刷新页面后重试');
    return next();
  });

  // Display preferences, remembered per browser for a year: plain forms, so they work without JavaScript.
  for (const [path, cookie] of [
    ['/prefs/large-font', LARGE_FONT_COOKIE],
    ['/prefs/care', CARE_COOKIE],
  ] as const)
    app.post(path, async (c) => {
      const body = await c.req.parseBody();
      const on = body['on'] === '1';
      setCookie(c, cookie, on ? '1' : '0', {
        path: '/',
        maxAge: 365 * 86400,
        sameSite: 'Lax',
        secure: isSecure(c),
      });
      const back = URL.parse(c.req.header('referer') ?? '');
      const target =
        back && back.host === requestUrl(c).host && back.pathname.startsWith('/')
          ? back.pathname + back.search
          : '/';
      return c.redirect(target, 303);
    });

  app.use('*', columnResponses);

  for (const register of routeModules()) register(app);

  app.notFound((c) => errorPage(c, 404, '页面不存在', '您访问的页面不存在或已被删除。'));
  app.onError((err, c) => {
    if (isDomainError(err)) {
      const status = httpStatusOf[err.code];
      if (c.req.path.startsWith('/api/') || c.req.header('accept')?.includes('application/json')) {
        return c.json(
          { error: { code: err.code, message: err.message, details: err.details ?? null } },
          status as 400,
        );
      }
      return errorPage(c, status, titleOf(err), err.message);
    }
    // A value the database refuses as data (PostgreSQL: not a number, out of range, not a date, too long) came from the
    // request: a 400, never a 500.
    const pgCode = (err as { code?: unknown }).code;
    if (typeof pgCode === 'string' && DATA_EXCEPTIONS.has(pgCode)) {
      deps.logger.warn({ code: pgCode, path: c.req.path }, 'database refused a value from the request');
      const message = '提交的内容中有无法识别的数值或日期，请检查后重新提交。';
      if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'validation', message } }, 400);
      return errorPage(c, 400, '提交的内容有误', message);
    }
    deps.logger.error({ err, path: c.req.path }, 'unhandled error');
    if (c.req.path.startsWith('/api/'))
      return c.json({ error: { code: 'internal', message: '服务器内部错误' } }, 500);
    return errorPage(c, 500, '服务器内部错误', '系统出现错误，请稍后再试。如持续出现，请联系管理员。');
  });
  return app;
}

function titleOf(e: DomainError): string {
  return (
    (
      {
        not_found: '未找到',
        forbidden: '无权访问',
        unauthenticated: '请先登录',
        rate_limited: '请求过于频繁',
        too_large: '提交的内容过大',
        unavailable: '暂时无法提供服务',
        validation: '提交的内容有误',
      } as Record<string, string>
    )[e.code] ?? '无法完成操作'
  );
}

function errorPage(c: C, status: number, title: string, message: string): Response {
  const csrf = (c.get('csrf') as string | undefined) ?? '';
  return page(
    c,
    <BareLayout title={title} largeFont={Boolean(c.get('largeFont'))} csrf={csrf}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">返回首页</a> · <a href="/office">工作人员入口</a>
      </p>
    </BareLayout>,
    status,
  );
}
