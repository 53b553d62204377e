import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './support/db.ts';
import { testApp } from './support/http.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { prepareDatabase } from '../src/setup.ts';
import { systemClock } from '../src/clock.ts';

// A smoke test over the whole demo: every role signs in and follows every back-office and portal link it is shown
// (GET only, no downloads). No page may fail with a server error, and no link may lead to a forbidden or missing page.
describeEachDialect('every page a demo user can reach renders', (t) => {
  test('crawl as each demo role', async () => {
    const { db } = t();
    await prepareDatabase(db, systemClock);
    const accounts = await loadDemo({
      db,
      clock: systemClock,
      actor: { kind: 'system', name: '演示数据' },
      meta: { ip: null },
    });
    await db.updateTable('users').set({ must_change_password: 0 }).execute();
    const { client } = testApp(db);
    for (const a of accounts) {
      const c = client();
      assert.equal((await c.signIn(a.username, a.password)).status, 303, a.username);
      const seen = new Set<string>();
      const queue = ['/office', '/'];
      let pages = 0;
      while (queue.length && pages < 120) {
        const path = queue.shift()!;
        if (seen.has(path)) continue;
        seen.add(path);
        const res = await c.get(path);
        pages++;
        assert.ok(res.status < 500, `${a.username}: GET ${path} → ${res.status}`);
        assert.notEqual(res.status, 403, `${a.username} is shown a link to a forbidden page: ${path}`);
        assert.notEqual(res.status, 404, `${a.username} is shown a link to a missing page: ${path}`);
        const type = res.headers.get('content-type') ?? '';
        if (res.status !== 200 || !type.includes('text/html')) {
          await res.arrayBuffer();
          continue;
        }
        const html = await res.text();
        for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
          const href = m[1]!.replaceAll('&amp;', '&');
          if (
            /\/(download|export|files|feeds|assets)\b|\.(xlsx|docx|pdf|xml|txt|json)(\?|$)|sign-out/.test(
              href,
            )
          )
            continue;
          if (!seen.has(href)) queue.push(href);
        }
      }
      assert.ok(pages > 5, `${a.username} reached ${pages} pages`);
    }
  });
});
