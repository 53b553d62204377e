/**
 * Statements compiled once (src/db/compiled.ts): the same SQL text and parameters as the builder gives for the same
 * values, so the same rows on both databases, for every call's values; a placeholder used anywhere but as a value of
 * its own is refused.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency, makeVillage } from '../../test/support/factories.ts';
import { compiledStatement } from './compiled.ts';
import type { DbOrTrx } from './database.ts';

const byName = (db: DbOrTrx, agencyId: number, from: string) =>
  db
    .selectFrom('villages')
    .select(['id', 'name'])
    .where('agency_id', '=', agencyId)
    .where('name', '>=', from)
    .where('name', '!=', 'constant')
    .orderBy('name')
    .limit(50);

describeEachDialect('compiled statements', (t) => {
  it('give the builder’s SQL, parameters and rows for every call’s values, inside a transaction too', async () => {
    const { db } = t();
    const a = await makeAgency(db);
    const b = await makeAgency(db);
    for (const n of ['甲村', '乙村', '丙村']) await makeVillage(db, a.id, n);
    await makeVillage(db, b.id, '丁村');
    const statement = compiledStatement(2, byName);
    for (const [agency, from] of [
      [a.id, ''],
      [b.id, ''],
      [a.id, '乙'],
      [a.id, '乙'],
      [9999, ''],
    ] as const) {
      const expected = await byName(db, agency, from).execute();
      assert.deepEqual(await statement(db, agency, from), expected);
      await db.transaction().execute(async (trx) => {
        assert.deepEqual(await statement(trx, agency, from), expected);
      });
    }
  });

  it('refuse a placeholder that went into the SQL text or into a value built from it, or an argument not used', async () => {
    const { db } = t();
    const changed = compiledStatement(1, (d: DbOrTrx, name: string) =>
      d.selectFrom('villages').select('id').where('name', '=', `${name}村`),
    );
    await assert.rejects(changed(db, '甲'), /placeholder was changed/);
    const unused = compiledStatement(1, (d: DbOrTrx, _id: number) => d.selectFrom('villages').select('id'));
    await assert.rejects(unused(db, 1), /argument 0 is not a parameter/);
  });
});
