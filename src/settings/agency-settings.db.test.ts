import { it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency } from '../../test/support/factories.ts';
import {
  agenciesWithSetting,
  defineSetting,
  hasSetting,
  readSetting,
  readSettingOfAgencies,
  writeSetting,
} from './agency-settings.ts';

const LIMIT = defineSetting('test.limit', z.number().int().min(1), 5);

describeEachDialect('typed agency settings', (t) => {
  it('read the default, then the stored value; a value that no longer parses falls back to the default', async () => {
    const { db } = t();
    const a = await makeAgency(db);
    assert.equal(await readSetting(db, a.id, LIMIT), 5);
    assert.equal(await hasSetting(db, a.id, LIMIT), false);
    await writeSetting(db, a.id, LIMIT, 8, new Date());
    await writeSetting(db, a.id, LIMIT, 9, new Date());
    assert.equal(await readSetting(db, a.id, LIMIT), 9);
    await db
      .updateTable('agency_settings')
      .set({ value_json: '"nine"' })
      .where('agency_id', '=', a.id)
      .where('key', '=', LIMIT.key)
      .execute();
    assert.equal(await readSetting(db, a.id, LIMIT), 5);
    await assert.rejects(writeSetting(db, a.id, LIMIT, 0, new Date()));
  });

  it('read several agencies at once and find the agencies holding a value', async () => {
    const { db } = t();
    const [a, b, c] = [await makeAgency(db), await makeAgency(db), await makeAgency(db)];
    await writeSetting(db, a.id, LIMIT, 2, new Date());
    await writeSetting(db, c.id, LIMIT, 2, new Date());
    const m = await readSettingOfAgencies(db, [a.id, b.id, c.id], LIMIT);
    assert.deepEqual([...m.entries()].sort(), [
      [a.id, 2],
      [c.id, 2],
    ]);
    const holding = await agenciesWithSetting(db, LIMIT, 2);
    assert.ok(holding.includes(a.id) && holding.includes(c.id) && !holding.includes(b.id));
  });
});
