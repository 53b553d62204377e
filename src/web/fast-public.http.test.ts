import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency } from '../../test/support/factories.ts';
import { prepareDatabase } from '../setup.ts';
import { systemClock } from '../clock.ts';
import { parseConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createApp } from './server.tsx';
import { portalListener } from './fast-public.ts';
import { touchPortal } from '../portal/portal-version.ts';

/** Headers that legitimately differ between two answers (time, connection handling, the first visit's cookie). */
const VOLATILE = new Set(['date', 'connection', 'keep-alive', 'set-cookie']);
const headersOf = (r: Response) =>
  Object.fromEntries([...r.headers].filter(([k]) => !VOLATILE.has(k.toLowerCase())));

describeEachDialect('cached public pages before the framework', (t) => {
  test('a cache hit is the app’s own answer; sessions, flashes, other hosts and changes go to the app', async () => {
    const db = t().db;
    await prepareDatabase(db, systemClock);
    const agency = await makeAgency(db);
    await db
      .insertInto('agency_settings')
      .values({ agency_id: agency.id, key: 'installation.home', value_json: 'true', updated_at: '' })
      .execute();
    const config = parseConfig({ GONGKAI_DATA_DIR: '/tmp/gongkai-test-data', GONGKAI_WORKER: '0' });
    const deps = { db, clock: systemClock, config, logger: createLogger('silent') };
    const app = createApp(deps);
    let reachedApp = 0;
    const counting = {
      fetch: (req: Request, env: unknown) => {
        reachedApp++;
        return app.fetch(req, env);
      },
    } as unknown as typeof app;
    const server = http.createServer(portalListener(counting, deps)).listen(0, '127.0.0.1');
    await new Promise<void>((r) => server.once('listening', () => r()));
    const addr = server.address();
    const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    try {
      const first = await fetch(`${base}/`);
      const cookie = first.headers
        .getSetCookie()
        .map((s) => s.split(';')[0])
        .join('; ');
      assert.match(cookie, /gk_csrf=/);
      await first.text();
      // Rendered and cached by the app (the visitor now holds a token).
      const slow = await fetch(`${base}/`, { headers: { cookie } });
      const slowBody = await slow.text();
      const before = reachedApp;
      const fast = await fetch(`${base}/`, { headers: { cookie } });
      const fastBody = await fast.text();
      assert.equal(reachedApp, before, 'answered before the app');
      assert.equal(fast.status, 200);
      assert.equal(fastBody, slowBody);
      assert.deepEqual(headersOf(fast), headersOf(slow));
      assert.ok(fastBody.includes(cookie.split('gk_csrf=')[1]!.split(';')[0]!), 'the visitor’s own token');
      assert.equal(fast.headers.get('x-frame-options'), 'DENY');

      const notModified = await fetch(`${base}/`, {
        headers: { cookie, 'if-none-match': fast.headers.get('etag')! },
      });
      assert.equal(notModified.status, 304);
      assert.equal(reachedApp, before);

      // Not from the fast path: a session cookie, a flash, another Host, a POST, a query not cached yet.
      for (const init of [
        { headers: { cookie: `${cookie}; gk_sid=x` } },
        { headers: { cookie: `${cookie}; gk_flash=hello` } },
        { headers: { cookie }, method: 'POST' },
      ] as RequestInit[]) {
        const n = reachedApp;
        await (await fetch(`${base}/`, init)).arrayBuffer();
        assert.equal(reachedApp, n + 1, JSON.stringify(init));
      }
      // fetch() will not send another Host: a plain request does.
      let n = reachedApp;
      await new Promise<void>((resolve, reject) =>
        http
          .get(`${base}/`, { headers: { cookie, host: 'evil.example' } }, (res) =>
            res.resume().on('end', resolve),
          )
          .on('error', reject),
      );
      assert.equal(reachedApp, n + 1, 'another Host');
      n = reachedApp;
      await (await fetch(`${base}/?x=1`, { headers: { cookie } })).arrayBuffer();
      assert.equal(reachedApp, n + 1);

      // A change on this node: the next request goes to the app (which re-reads the version).
      await touchPortal(db);
      n = reachedApp;
      await (await fetch(`${base}/`, { headers: { cookie } })).arrayBuffer();
      assert.equal(reachedApp, n + 1);
      await (await fetch(`${base}/`, { headers: { cookie } })).arrayBuffer();
      assert.equal(reachedApp, n + 1, 'cached again at the new version');
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
