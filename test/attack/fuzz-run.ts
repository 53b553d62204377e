/** One fuzz run over every POST route of the app, as the victim's staff (every role at once) and anonymously. */
import type { Db } from '../../src/db/database.ts';
import { fixedClock } from '../../src/clock.ts';
import { ROLES } from '../../src/org/roles.ts';
import { testApp } from '../support/http.ts';
import { makeUser, TEST_PASSWORD } from '../support/factories.ts';
import { ROUTE_TABLE } from './route-table.ts';
import { buildWorld } from './world.ts';
import { fuzzRoutes, type FuzzResult } from './fuzz.ts';

export async function fuzzApp(
  db: Db,
  bodies: number,
  seed?: number,
): Promise<FuzzResult & { routes: number }> {
  const clock = fixedClock('2026-03-10T02:00:00Z');
  const { a } = await buildWorld(db, clock);
  const { app, client } = testApp(db, clock);
  const routes = [...new Set(app.routes.filter((r) => r.method === 'POST').map((r) => `POST ${r.path}`))]
    .filter((k) => k !== 'POST /office/sign-out')
    .map((key) => ({ key, owner: ROUTE_TABLE[key]?.owner }));
  const everything = await makeUser(
    db,
    a.townId,
    ROLES.filter((r) => r !== 'liaison'),
    { officeId: a.objects.office, villageId: a.objects.village },
  );
  await db.updateTable('users').set({ must_change_password: 0 }).execute();
  const staff = client({ ip: '10.40.0.1' });
  const signed = await staff.signIn(everything.username, TEST_PASSWORD);
  if (signed.status !== 303) throw new Error(`fuzz user could not sign in: ${signed.status}`);
  const anon = client({ ip: '10.40.0.2' });
  const perRoute = Math.max(1, Math.round(bodies / routes.length / 2));
  const total: FuzzResult = { bodies: 0, statuses: {}, failures: [] };
  // Values typed by any body come back on later pages as data (an office named "NaN"): shared across both runs.
  const typed = new Set<string>();
  for (const c of [staff, anon]) {
    const r = await fuzzRoutes({
      client: c,
      csrf: await c.csrf(),
      routes,
      ids: a.objects,
      perRoute,
      seed,
      typed,
    });
    total.bodies += r.bodies;
    for (const [s, n] of Object.entries(r.statuses))
      total.statuses[Number(s)] = (total.statuses[Number(s)] ?? 0) + n;
    total.failures.push(...r.failures);
  }
  return { ...total, routes: routes.length };
}
