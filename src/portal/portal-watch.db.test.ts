import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../../test/support/db.ts';
import { waitFor } from '../../test/multinode/cluster.ts';
import { portalVersion, touchPortal } from './portal-version.ts';
import { watchPortal, type PortalWatch } from './portal-watch.ts';

const skip =
  !(await postgresAvailable()) && process.env.GONGKAI_REQUIRE_PG !== '1' ? 'PostgreSQL not reachable' : false;

describe('portal change listener [postgres]', { skip }, () => {
  let tdb: TestDatabase;
  let watch: PortalWatch;
  const warnings: string[] = [];
  before(async () => {
    tdb = await createTestDatabase('postgres');
    watch = watchPortal(tdb.url, (m) => warnings.push(m));
    await waitFor('the listener to connect', async () => watch.generation() !== null);
  });
  after(async () => {
    await watch.close();
    await tdb.close();
  });

  it('hears a committed change, and nothing of a rolled-back one', async () => {
    const g0 = watch.generation()!;
    await tdb.db.transaction().execute((trx) => touchPortal(trx));
    await waitFor('the notice', async () => watch.generation() !== g0);
    const g1 = watch.generation()!;
    const v1 = await portalVersion(tdb.db);
    await tdb.db
      .transaction()
      .execute(async (trx) => {
        await touchPortal(trx);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    // A committed change after the rolled-back one: its notice is the only one heard.
    await tdb.db.transaction().execute((trx) => touchPortal(trx));
    await waitFor('the second notice', async () => watch.generation() !== g1);
    assert.equal(watch.generation(), g1 + 1);
    assert.equal(await portalVersion(tdb.db), v1 + 1);
  });

  it('cannot vouch while its connection is down, and moves on after reconnecting', async () => {
    const before = watch.generation()!;
    // End the listener's session from the server side, as a restart or failover would.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and query ilike 'LISTEN%'`.execute(tdb.db);
    await waitFor(
      'the listener to notice',
      async () => watch.generation() === null || watch.generation()! > before,
    );
    await waitFor('the listener to reconnect', async () => (watch.generation() ?? -1) > before);
    assert.ok(warnings.some((w) => /listener lost/.test(w)));
  });
});
