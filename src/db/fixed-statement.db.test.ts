/**
 * A fixed statement (src/db/fixed-statement.ts) is compiled once per dialect and binds each call's own values: the
 * same text and parameters as the builder gives with the values, the same rows, inside a transaction too, and the
 * rows written after the first call; a placeholder that does not reach the statement as a parameter is refused.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency, makeVillage } from '../../test/support/factories.ts';
import { fixedStatement, runFixed } from './fixed-statement.ts';

const villagesOf = fixedStatement(['agencyId', 'limit'], (db, p) =>
  db
    .selectFrom('villages')
    .select(['id', 'name'])
    .where('agency_id', '=', p.agencyId)
    .where('name', '!=', '不存在')
    .orderBy('id')
    .limit(p.limit),
);

describeEachDialect('fixed statements', (t) => {
  it('bind each call’s values and give the rows the builder gives, with rows written after the first call', async () => {
    const { db } = t();
    const a = await makeAgency(db);
    const b = await makeAgency(db);
    const a1 = await makeVillage(db, a.id, '甲一村');
    const b1 = await makeVillage(db, b.id, '乙一村');
    const built = (agencyId: number, limit: number) =>
      db
        .selectFrom('villages')
        .select(['id', 'name'])
        .where('agency_id', '=', agencyId)
        .where('name', '!=', '不存在')
        .orderBy('id')
        .limit(limit);
    const q = villagesOf(db, { agencyId: a.id, limit: 10 });
    const direct = built(a.id, 10).compile();
    assert.equal(q.sql, direct.sql);
    assert.deepEqual(q.parameters, direct.parameters);
    assert.deepEqual(await runFixed(db, q), [{ id: a1, name: '甲一村' }]);
    assert.deepEqual(await runFixed(db, villagesOf(db, { agencyId: b.id, limit: 10 })), [
      { id: b1, name: '乙一村' },
    ]);
    const a2 = await makeVillage(db, a.id, '甲二村');
    assert.deepEqual(
      await runFixed(db, villagesOf(db, { agencyId: a.id, limit: 10 })),
      await built(a.id, 10).execute(),
    );
    assert.deepEqual(await runFixed(db, villagesOf(db, { agencyId: a.id, limit: 1 })), [
      { id: a1, name: '甲一村' },
    ]);
    await db.transaction().execute(async (trx) => {
      assert.deepEqual(
        (await runFixed(trx, villagesOf(trx, { agencyId: a.id, limit: 10 }))).map((r) => r.id),
        [a1, a2],
      );
    });
    const raw = fixedStatement(['n'], (_db, p) => sql<{ v: number }>`select ${p.n} + 1 as v`);
    assert.equal(Number((await runFixed(db, raw(db, { n: 41 })))[0]!.v), 42);
  });

  it('refuses a placeholder that is not a bound parameter', () => {
    const { db } = t();
    const bad = fixedStatement(['agencyId', 'unused'], (d, p) =>
      d.selectFrom('villages').select('id').where('agency_id', '=', p.agencyId),
    );
    assert.throws(() => bad(db, { agencyId: 1, unused: 2 }), /unused is not a bound parameter/);
    const textual = fixedStatement(['name'], (d, p) =>
      d
        .selectFrom('villages')
        .select('id')
        .where('name', '=', p.name)
        .where(sql.raw(`'${String(p.name)}'`), '=', 'x'),
    );
    assert.throws(() => textual(db, { name: 'x' }), /written into the statement text/);
  });
});
