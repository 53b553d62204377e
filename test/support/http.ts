/**
 * In-process HTTP client for the web app: a cookie jar, CSRF token handling and sign-in, so HTTP tests go
 * through exactly the middleware a browser does.
 */
import { createApp } from '../../src/web/server.tsx';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { systemClock, type Clock } from '../../src/clock.ts';
import type { Db } from '../../src/db/database.ts';
import { TEST_PASSWORD } from './factories.ts';

export interface TestClient {
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(
    path: string,
    form: Record<string, string | string[]> | FormData,
    opts?: { csrf?: string | false; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Sign in (GET the form for the CSRF cookie, POST credentials); returns the final response. */
  signIn(username: string, password?: string): Promise<Response>;
  /** The CSRF token the app expects from this client now. */
  csrf(): Promise<string>;
  cookies: Map<string, string>;
}

export function testApp(db: Db, clock: Clock = systemClock, env: Record<string, string> = {}) {
  const config = parseConfig({ GONGKAI_DATA_DIR: '/tmp/gongkai-test-data', GONGKAI_WORKER: '0', ...env });
  const app = createApp({ db, clock, config, logger: createLogger('silent') });
  return { app, config, client: (opts: ClientOptions = {}) => client(app, opts) };
}

export interface ClientOptions {
  /** The client's address as the server sees it (default 127.0.0.1). */
  ip?: string;
}

/** The in-process client for any app with a fetch (the bench times a bare Hono app through it). */
export function client(
  app: { fetch: (r: Request, env?: unknown) => Response | Promise<Response> },
  opts: ClientOptions = {},
): TestClient {
  const cookies = new Map<string, string>();
  const absorb = (res: Response) => {
    for (const sc of res.headers.getSetCookie()) {
      const [pair] = sc.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /max-age=0/i.test(sc)) cookies.delete(name);
      else cookies.set(name, value);
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size) headers.set('cookie', cookieHeader());
    const res = await app.fetch(
      new Request(`http://localhost${path}`, { ...init, headers, redirect: 'manual' }),
      {
        incoming: { socket: { remoteAddress: opts.ip ?? '127.0.0.1' } },
      },
    );
    absorb(res);
    return res;
  };
  const csrf = async () => {
    // The token is embedded in every page as the _csrf field.
    const html = await (await request('/')).text();
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error('no csrf token on page');
    return m[1]!;
  };
  const c: TestClient = {
    cookies,
    get: (path, headers) => request(path, { headers }),
    async post(path, form, opts = {}) {
      let body: FormData | URLSearchParams;
      const token = opts.csrf === false ? undefined : (opts.csrf ?? (await csrf()));
      if (form instanceof FormData) {
        body = form;
        if (token) body.set('_csrf', token);
      } else {
        body = new URLSearchParams();
        for (const [k, v] of Object.entries(form))
          for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
        if (token) body.set('_csrf', token);
      }
      return request(path, { method: 'POST', body, headers: opts.headers });
    },
    async signIn(username, password = TEST_PASSWORD) {
      return c.post('/office/sign-in', { username, password });
    },
    csrf,
  };
  return c;
}
