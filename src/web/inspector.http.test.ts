import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp } from '../../test/support/http.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { prepareDatabase } from '../setup.ts';
import { systemClock } from '../clock.ts';
import { findAgencyByCode } from '../org/org.queries.ts';

describeEachDialect('web: the county inspector reads the township', (t) => {
  test('publications and requests of the demo township, read-only; the township sees nothing of the county', async () => {
    const { db } = t();
    await prepareDatabase(db, systemClock);
    const accounts = await loadDemo({
      db,
      clock: systemClock,
      actor: { kind: 'system', name: '演示数据' },
      meta: { ip: null },
    });
    await db.updateTable('users').set({ must_change_password: 0 }).execute();
    const town = (await findAgencyByCode(db, '630223-HLZG'))!;
    const county = (await findAgencyByCode(db, '630223'))!;
    const inspector = accounts.find((a) => a.username === 'inspector')!;
    const c = testApp(db).client();
    await c.signIn(inspector.username, inspector.password);
    const pubs = await (await c.get(`/office/publications?agency=${town.id}`)).text();
    assert.match(pubs, /name="agency"/);
    assert.doesNotMatch(pubs, /撰写政府信息/, 'an inspector writes nothing');
    assert.match(pubs, /<a href="\/office\/publications\/\d+">/);
    const reqs = await (await c.get('/office/requests')).text();
    assert.match(reqs, /哈拉直沟乡政依申/, 'the first township below is the default');
    const clerk = accounts.find((a) => a.username === 'clerk')!;
    const cc = testApp(db).client();
    await cc.signIn(clerk.username, clerk.password);
    assert.equal((await cc.get(`/office/publications?agency=${county.id}`)).status, 404);
    assert.equal((await cc.get(`/office/requests?agency=${county.id}`)).status, 404);
  });
});
