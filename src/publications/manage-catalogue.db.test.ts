/**
 * Catalogue moves (src/publications/manage-catalogue.ts): a category cannot go under itself or below itself, and two
 * crossing moves sent at once (X under Y while Y goes under X) cannot both pass: the check runs inside the write's
 * transaction, after the catalogue version's row lock, so the second sees the first's move. Both databases.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { ctxAs, fixedClock, makeAgency, makeUser, userActor } from '../../test/support/factories.ts';
import { ValidationError } from '../errors.ts';
import { createCategory, updateCategory } from './manage-catalogue.ts';
import { getCategory, listCategories } from './publications.queries.ts';
import type { Category } from './catalogue.ts';

/** Every category reaches the top by following parents, within as many steps as there are categories. */
function assertNoCycle(all: readonly Category[]) {
  const byId = new Map(all.map((c) => [c.id, c]));
  for (const c of all) {
    let at: Category | undefined = c;
    for (let steps = 0; at && at.parentId != null; steps++) {
      assert.ok(steps <= all.length, `category ${c.id} is in a cycle`);
      at = byId.get(at.parentId);
    }
  }
}

describeEachDialect('catalogue moves', (t) => {
  it('refuses a move under itself or its own subtree, in Chinese, and keeps the tree', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const town = await makeAgency(db);
    const ctx = ctxAs(db, userActor(await makeUser(db, town.id, ['admin'])), clock);
    const top = await createCategory(ctx, town.id, { name: '上级', parentId: null, sortOrder: 1 });
    const sub = await createCategory(ctx, town.id, { name: '下级', parentId: top, sortOrder: 1 });
    for (const parentId of [top, sub]) {
      const v = (await getCategory(db, top)).version;
      await assert.rejects(
        updateCategory(ctx, top, v, { name: '上级', parentId, sortOrder: 1 }),
        (e: unknown) => e instanceof ValidationError && /不能把栏目移到它自己或它的下级之下/.test(e.message),
      );
    }
    assert.equal((await getCategory(db, top)).parentId, null);
    assert.equal((await getCategory(db, sub)).parentId, top);
  });

  it('lets only one of two crossing moves sent at once through, so no cycle is made', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const town = await makeAgency(db);
    const ctx = ctxAs(db, userActor(await makeUser(db, town.id, ['admin'])), clock);
    for (let round = 0; round < 5; round++) {
      const x = await createCategory(ctx, town.id, { name: `甲${round}`, parentId: null, sortOrder: 1 });
      const y = await createCategory(ctx, town.id, { name: `乙${round}`, parentId: null, sortOrder: 2 });
      const [vx, vy] = [(await getCategory(db, x)).version, (await getCategory(db, y)).version];
      const results = await Promise.allSettled([
        updateCategory(ctx, x, vx, { name: `甲${round}`, parentId: y, sortOrder: 1 }),
        updateCategory(ctx, y, vy, { name: `乙${round}`, parentId: x, sortOrder: 2 }),
      ]);
      const passed = results.filter((r) => r.status === 'fulfilled').length;
      assert.equal(passed, 1, `round ${round}: exactly one move passes`);
      const refused = results.find((r) => r.status === 'rejected');
      assert.ok(refused && refused.reason instanceof ValidationError, `round ${round}: the other is refused`);
      assertNoCycle(await listCategories(db, town.id));
    }
  });
});
