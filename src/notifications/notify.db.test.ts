import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency, makeUser } from '../../test/support/factories.ts';
import { notify } from './notify.ts';
import { listNotifications } from './notifications.ts';

describeEachDialect('the notification writer', (t) => {
  it('writes one reminder per user, once a day when asked', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const a = await makeUser(db, agency.id, ['clerk']);
    const b = await makeUser(db, agency.id, ['clerk']);
    const n = { kind: 'test.due', title: '有一项待办', body: '请处理', link: '/office/x/1' };
    const now = new Date('2026-12-01T02:00:00Z');
    assert.equal(await notify(db, now, [a.id, b.id, a.id], n), 2);
    assert.equal(await notify(db, now, [a.id, b.id], n, { unlessSince: '2026-12-01T00:00:00' }), 0);
    assert.equal(
      await notify(db, now, [a.id], { ...n, link: '/office/x/2' }, { unlessSince: '2026-12-01' }),
      1,
    );
    const mine = await listNotifications(db, a.id);
    assert.deepEqual(
      mine.map((m) => m.link),
      ['/office/x/2', '/office/x/1'],
    );
    assert.equal(mine[0]!.readAt, null);
  });
});
