/**
 * Statements marked with PREPARED_MARK (src/db/database.ts): on PostgreSQL a named prepared statement per connection,
 * planned for each query's values (the pool's connections force custom plans); on SQLite the mark is a comment. Both
 * give the rows an unmarked statement gives.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachDialect } from '../../test/support/db.ts';
import { PREPARED_MARK, openDatabase } from './database.ts';

describeEachDialect('prepared statements', (t) => {
  it('a marked statement gives the same rows as an unmarked one, and is prepared once per connection on PostgreSQL', async () => {
    const { db, dialect } = t();
    await db.transaction().execute(async (trx) => {
      const mark = sql.raw(PREPARED_MARK);
      const marked = (n: number) =>
        sql<{ v: string }>`${mark}select cast(${String(n)} as text) || 'x' as v`.execute(trx);
      const plain = (n: number) =>
        sql<{ v: string }>`select cast(${String(n)} as text) || 'x' as v`.execute(trx);
      for (const n of [0, 1, 0]) {
        assert.deepEqual((await marked(n)).rows, [{ v: `${n}x` }]);
        assert.deepEqual((await marked(n)).rows, (await plain(n)).rows);
      }
      if (dialect !== 'postgres') return;
      const named = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements
        where statement like ${PREPARED_MARK.trim() + '%'}`.execute(trx);
      // Run six times on this connection, parsed once.
      assert.equal(named.rows[0]!.n, 1);
      const mode = await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(trx);
      assert.equal(mode.rows[0]!.plan_cache_mode, 'force_custom_plan');
    });
  });

  it("keeps the operator's own connection options beside the forced custom plans (PostgreSQL)", async () => {
    const { url, dialect } = t();
    if (dialect !== 'postgres') return;
    const own = openDatabase({
      kind: 'postgres',
      url: `${url}?options=${encodeURIComponent('-c statement_timeout=4321')}`,
    });
    try {
      const row = await sql<{
        timeout: string;
        mode: string;
      }>`select current_setting('statement_timeout') as timeout,
        current_setting('plan_cache_mode') as mode`.execute(own);
      assert.deepEqual(row.rows, [{ timeout: '4321ms', mode: 'force_custom_plan' }]);
    } finally {
      await own.destroy();
    }
  });
});
