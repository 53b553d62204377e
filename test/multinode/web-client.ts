/** A browser-like HTTP client over real sockets: a cookie jar shared across base URLs, the CSRF field, sign-in. */
import { TEST_PASSWORD } from '../support/factories.ts';

export class WebClient {
  readonly cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const sc of res.headers.getSetCookie()) {
      const [pair] = sc.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /max-age=0/i.test(sc)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(url: string): Promise<Response> {
    return this.request(url);
  }

  /** The CSRF token of this client's cookie, as the portal home served by `base` embeds it. */
  async csrf(base: string): Promise<string> {
    const html = await (await this.get(`${base}/`)).text();
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error(`no CSRF token on ${base}/`);
    return m[1]!;
  }

  async post(base: string, path: string, form: Record<string, string> | FormData): Promise<Response> {
    const token = await this.csrf(base);
    let body: FormData | URLSearchParams;
    if (form instanceof FormData) {
      body = form;
      body.set('_csrf', token);
    } else {
      body = new URLSearchParams({ ...form, _csrf: token });
    }
    return this.request(`${base}${path}`, { method: 'POST', body });
  }

  signIn(base: string, username: string, password = TEST_PASSWORD): Promise<Response> {
    return this.post(base, '/office/sign-in', { username, password });
  }
}
