import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { migrateToLatest } from './migrator.ts';
import { toNumber } from './values.ts';

describeEachDialect('migrations', (t) => {
  test('are applied and idempotent', async () => {
    const { db } = t();
    assert.deepEqual(await migrateToLatest(db), []);
    const row = await db
      .selectFrom('agencies')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(toNumber(row.n), 0);
  });
});
