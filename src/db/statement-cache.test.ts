/**
 * The SQLite connection keeps prepared statements (src/db/database.ts, withStatementCache): a repeated query sees
 * new rows, a schema change reaches a cached `select *`, a streamed statement runs again, a failing text is not kept.
 * SQLite only: PostgreSQL statements are the pg driver's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from './database.ts';

interface T {
  t: { id: number; label: string; extra?: string | null };
}

test('a cached statement sees new rows and new columns, runs again after a stream; errors are not cached', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-stmt-'));
  const db = openDatabase({ kind: 'sqlite', file: path.join(dir, 'x.db') }) as unknown as Kysely<T>;
  try {
    await sql`create table t (id integer primary key, label text not null)`.execute(db);
    const all = () => db.selectFrom('t').selectAll().orderBy('id').execute();
    await db.insertInto('t').values({ id: 1, label: '一' }).execute();
    assert.deepEqual(await all(), [{ id: 1, label: '一' }]);
    await db.insertInto('t').values({ id: 2, label: '二' }).execute();
    assert.deepEqual(await all(), [
      { id: 1, label: '一' },
      { id: 2, label: '二' },
    ]);

    await sql`alter table t add column extra text`.execute(db);
    assert.deepEqual(await all(), [
      { id: 1, label: '一', extra: null },
      { id: 2, label: '二', extra: null },
    ]);

    // A stream of the same text (the statement iterates, then is reset), then the plain query again.
    const seen: number[] = [];
    for await (const row of db.selectFrom('t').selectAll().orderBy('id').stream()) seen.push(row.id);
    assert.deepEqual(seen, [1, 2]);
    assert.equal((await all()).length, 2);
    // A failing text is not kept: the next run fails the same way, a good text still runs.
    await assert.rejects(sql`select nope from t`.execute(db), /no such column/);
    await assert.rejects(sql`select nope from t`.execute(db), /no such column/);
    assert.equal((await all()).length, 2);
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
