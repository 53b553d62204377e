/**
 * The standing role × route × method matrix. The routes come from the app's own route table: a route missing from
 * ROUTE_TABLE fails the suite. Every route is called by an anonymous visitor, by every role of another county's
 * township and county, and by every role of the victim's own agency, with the victim's object ids in the path.
 * Asserted: no 5xx anywhere; anonymous callers never reach a back-office route; nobody from the other county ever sees
 * the victim's secrets or changes its data; "not yours" answers exactly like "does not exist".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../support/db.ts';
import { testApp, type TestClient } from '../support/http.ts';
import { fixedClock } from '../../src/clock.ts';
import { TEST_PASSWORD } from '../support/factories.ts';
import { ROUTE_TABLE } from './route-table.ts';
import { buildWorld, concretePath } from './world.ts';

const clock = fixedClock('2026-03-10T02:00:00Z');
const MISSING = 99_999_999;
/** Called by nobody in the matrix: it would end the caller's session and turn the rest into anonymous calls. */
const SIGN_OUT = 'POST /office/sign-out';

function appRoutes(app: { routes: { method: string; path: string }[] }): string[] {
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
}

async function call(c: TestClient, key: string, path: string, csrf: string): Promise<Response> {
  const method = key.slice(0, key.indexOf(' '));
  if (method === 'GET') return c.get(path);
  return c.post(path, {}, { csrf });
}

describeEachDialect('attack: role × route × method matrix', (t) => {
  test('every route of the app has an entry in the route table, and every entry is a route', () => {
    const { db } = t();
    const { app } = testApp(db, clock);
    const routes = appRoutes(app);
    const missing = routes.filter((r) => !(r in ROUTE_TABLE));
    assert.deepEqual(missing, [], 'routes without an entry in test/attack/route-table.ts');
    const stale = Object.keys(ROUTE_TABLE).filter((k) => !routes.includes(k));
    assert.deepEqual(stale, [], 'entries for routes that no longer exist');
  });

  test('no leak, no write across counties, no 5xx, anonymous kept out', async () => {
    const { db } = t();
    const { a, b } = await buildWorld(db, clock);
    const { app, client } = testApp(db, clock);
    const routes = appRoutes(app);
    const failures: string[] = [];
    let cells = 0;

    const auditBefore = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', 'in', [a.townId, a.countyId])
      .executeTakeFirstOrThrow();

    // Attackers: anonymous, and every role of the other county.
    const attackers: { name: string; c: TestClient; csrf: string }[] = [];
    const anon = client({ ip: '10.20.0.1' });
    attackers.push({ name: 'anonymous', c: anon, csrf: await anon.csrf() });
    for (const [i, u] of b.users.entries()) {
      const c = client({ ip: `10.20.1.${i + 1}` });
      const r = await c.signIn(u.user.username, TEST_PASSWORD);
      assert.equal(r.status, 303, `${u.role} signs in`);
      attackers.push({ name: `乙 ${u.role}`, c, csrf: await c.csrf() });
    }
    const outsiderIds = b.users.map((u) => u.user.id);

    for (const { name, c, csrf } of attackers) {
      for (const key of routes) {
        if (key === SIGN_OUT) continue;
        const entry = ROUTE_TABLE[key]!;
        const pattern = key.slice(key.indexOf(' ') + 1);
        const path = concretePath(pattern, a.objects, entry.owner);
        const res = await call(c, key, path, csrf);
        cells++;
        const body = res.headers.get('content-type')?.match(/text|json|xml/)
          ? await res.text()
          : (await res.arrayBuffer(), '');
        if (res.status >= 500) failures.push(`${name} ${key} → ${res.status}`);
        for (const s of a.secrets) if (body.includes(s)) failures.push(`${name} ${key} leaks “${s}”`);
        if (name === 'anonymous' && entry.who === 'staff') {
          const loc = res.headers.get('location') ?? '';
          const kept = res.status === 401 || (res.status === 303 && loc.startsWith('/office/sign-in'));
          if (!kept) failures.push(`anonymous ${key} → ${res.status} ${loc}`);
        }
        // "Not yours" must answer like "does not exist" (same status).
        if (entry.owner && name !== 'anonymous') {
          const ids = { ...a.objects, [entry.owner]: MISSING };
          const other = await call(c, key, concretePath(pattern, ids, entry.owner), csrf);
          await other.arrayBuffer();
          if (other.status !== res.status && !(res.status === 303 && other.status === 303))
            failures.push(`${name} ${key}: not yours ${res.status}, missing ${other.status}`);
        }
      }
    }

    for (const { name, c } of attackers.slice(1)) {
      assert.equal((await c.get('/office')).status, 200, `${name} was signed in all along`);
    }

    const writes = await db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id'])
      .where('agency_id', 'in', [a.townId, a.countyId])
      .where('actor_user_id', 'in', outsiderIds)
      .execute();
    for (const w of writes)
      failures.push(`an outsider (${w.actor_user_id}) wrote in the victim: ${w.action}`);
    const auditAfter = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', 'in', [a.townId, a.countyId])
      .where('action', 'not in', ['auth.sign_in_failed'])
      .executeTakeFirstOrThrow();
    assert.ok(Number(auditAfter.n) <= Number(auditBefore.n), 'nothing was recorded in the victim agency');

    // The victim's own staff: every route, every role — no 5xx. (All sign in first: the admin's empty POSTs reset
    // passwords and change users.)
    const staff: { u: (typeof a.users)[number]; c: TestClient; csrf: string }[] = [];
    for (const [i, u] of a.users.entries()) {
      const c = client({ ip: `10.30.1.${i + 1}` });
      assert.equal((await c.signIn(u.user.username, TEST_PASSWORD)).status, 303, `甲 ${u.role} signs in`);
      staff.push({ u, c, csrf: await c.csrf() });
    }
    // The admins last: their empty POSTs reset the clerk's password, which ends the clerk's session.
    const isAdmin = (r: string) => r === 'admin' || r === 'county_admin';
    staff.sort((x, y) => Number(isAdmin(x.u.role)) - Number(isAdmin(y.u.role)));
    for (const { u, c, csrf } of staff) {
      for (const key of routes) {
        if (key === SIGN_OUT) continue;
        const entry = ROUTE_TABLE[key]!;
        const path = concretePath(key.slice(key.indexOf(' ') + 1), a.objects, entry.owner);
        const res = await call(c, key, path, csrf);
        await res.arrayBuffer();
        cells++;
        if (res.status >= 500) failures.push(`甲 ${u.role} ${key} → ${res.status}`);
      }
      if (!isAdmin(u.role))
        assert.equal((await c.get('/office')).status, 200, `甲 ${u.role} was signed in all along`);
    }
    assert.deepEqual(failures, [], `${failures.length} failures in ${cells} cells`);
    console.log(`# matrix: ${cells} cells, ${routes.length} routes, 0 failures`);
  });
});
