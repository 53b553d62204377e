import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { nextSerial } from './next-serial.ts';

describeEachDialect('serial numbers', (t) => {
  it('start at 1 per scope and count up without gaps', async () => {
    const { db } = t();
    const a = await db
      .transaction()
      .execute(async (trx) => [await nextSerial(trx, 's:a'), await nextSerial(trx, 's:a')]);
    const b = await db.transaction().execute((trx) => nextSerial(trx, 's:b'));
    assert.deepEqual(a, [1, 2]);
    assert.equal(b, 1);
  });

  it('a rolled-back transaction gives its number back', async () => {
    const { db } = t();
    await db
      .transaction()
      .execute(async (trx) => {
        assert.equal(await nextSerial(trx, 's:r'), 1);
        throw new Error('rollback');
      })
      .catch(() => {});
    assert.equal(await db.transaction().execute((trx) => nextSerial(trx, 's:r')), 1);
  });

  it('parallel transactions never take the same number', async () => {
    const { db } = t();
    const got = await Promise.all(
      Array.from({ length: 20 }, () => db.transaction().execute((trx) => nextSerial(trx, 's:p'))),
    );
    assert.deepEqual(
      got.sort((x, y) => x - y),
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });
});
