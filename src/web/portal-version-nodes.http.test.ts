/**
 * The portal's version and the public pages' statements (compiled once per dialect, src/db/fixed-statement.ts) on two
 * handles of one database, as on two nodes: a change committed through one handle — an agency renamed and the
 * version bumped, as another process's publish does, without this process's change counter — shows at once on the
 * other node's cached home page, its village index (the agency list is memoised per version) and its village page
 * (read fresh), and each statement runs on the handle it is given.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachDialect, targetOf } from '../../test/support/db.ts';
import { makeAgency, makeVillage } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';
import { openDatabase } from '../db/database.ts';

describeEachDialect('portal version across nodes', (t) => {
  it('a change committed on another handle shows on this node’s cached and uncached public pages', async () => {
    const tdb = t();
    const other = openDatabase(targetOf(tdb));
    try {
      const town = await makeAgency(tdb.db, { name: '旧名镇' });
      const village = await makeVillage(tdb.db, town.id, '旧名村');
      const node = testApp(tdb.db).client();
      const text = async (path: string) => {
        const r = await node.get(path);
        assert.equal(r.status, 200, path);
        return r.text();
      };
      for (let i = 0; i < 2; i++) {
        assert.match(await text('/'), /旧名镇/);
        assert.match(await text('/villages'), /旧名村/);
        assert.match(await text(`/villages/${village}`), /<h1>旧名村<\/h1>/);
      }
      await other.transaction().execute(async (trx) => {
        await trx.updateTable('agencies').set({ name: '新名镇' }).where('id', '=', town.id).execute();
        await trx.updateTable('villages').set({ name: '新名村' }).where('id', '=', village).execute();
        await sql`insert into serials (scope, next_value) values ('portal.version', 2)
          on conflict (scope) do update set next_value = serials.next_value + 1`.execute(trx);
      });
      const home = await text('/');
      assert.match(home, /新名镇/);
      assert.doesNotMatch(home, /旧名镇/);
      const index = await text('/villages');
      assert.match(index, /<title>村级公开 - 新名镇<\/title>/);
      assert.match(index, /新名村/);
      assert.match(await text(`/villages/${village}`), /<h1>新名村<\/h1>/);
    } finally {
      await other.destroy();
    }
  });
});
