import { it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeEachDialect } from '../../test/support/db.ts';
import { CHUNK_BYTES, databaseStore } from './database-store.ts';
import { diskStore } from './disk-store.ts';
import { fileStep, readAll, type FileStore } from './file-store.ts';
import { migrateFilesToDatabase, verifyStoredFiles } from './migrate-files.ts';

const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/** A body that arrives in uneven pieces, as an upload does. */
async function* pieces(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describeEachDialect('file stores', (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-files-'));
  const stores: [string, () => FileStore][] = [
    ['disk', () => diskStore(root)],
    ['database', () => databaseStore()],
  ];
  for (const [name, make] of stores) {
    it(`${name}: a streamed file reads back byte-identical, with its size and hash`, async () => {
      const { db } = t();
      const store = make();
      const bytes = crypto.randomBytes(3 * CHUNK_BYTES + 12345);
      const key = `t/${name}/${crypto.randomBytes(4).toString('hex')}.bin`;
      const stored = await fileStep(db, store, (_trx, files) => files.put(key, pieces(bytes, 70_001)));
      assert.deepEqual(stored, { key, size: bytes.length, sha256: sha(bytes) });
      const opened = await store.open(db, key);
      assert.ok(opened);
      assert.equal(opened.size, bytes.length);
      const parts: Buffer[] = [];
      for await (const p of opened.stream) parts.push(p as Buffer);
      assert.ok(Buffer.concat(parts).equals(bytes));
      if (name === 'database') {
        // Read a chunk at a time: never more than one chunk per piece handed to the response.
        assert.equal(parts.length, 4);
        assert.ok(parts.every((p) => p.length <= CHUNK_BYTES));
      }
    });

    it(`${name}: a failing step leaves neither the row nor the file`, async () => {
      const { db } = t();
      const store = make();
      const key = `t/${name}/fail.bin`;
      await assert.rejects(
        fileStep(db, store, async (trx, files) => {
          await files.put(key, crypto.randomBytes(CHUNK_BYTES + 1));
          await trx
            .insertInto('serials')
            .values({ scope: `fail:${name}`, next_value: 1 })
            .execute();
          throw new Error('the use case fails after writing');
        }),
        /fails after writing/,
      );
      assert.equal(await store.open(db, key), undefined);
      const row = await db
        .selectFrom('serials')
        .select('scope')
        .where('scope', '=', `fail:${name}`)
        .execute();
      assert.deepEqual(row, []);
    });

    it(`${name}: a file over its limit is refused while it streams in, and nothing is kept`, async () => {
      const { db } = t();
      const store = make();
      const key = `t/${name}/big.bin`;
      await assert.rejects(
        fileStep(db, store, (_trx, files) =>
          files.put(key, pieces(crypto.randomBytes(2 * CHUNK_BYTES), 10_000), { maxBytes: CHUNK_BYTES }),
        ),
        (e: Error & { code?: string }) => e.code === 'too_large' && /文件过大/.test(e.message),
      );
      assert.equal(await store.open(db, key), undefined);
    });

    it(`${name}: a removal takes effect with the commit, and not when the step fails`, async () => {
      const { db } = t();
      const store = make();
      const key = `t/${name}/rm.txt`;
      await fileStep(db, store, (_trx, files) => files.put(key, Buffer.from('保留')));
      await assert.rejects(
        fileStep(db, store, async (_trx, files) => {
          await files.remove(key);
          throw new Error('rolled back');
        }),
      );
      assert.equal((await readAll(store, db, key)).toString(), '保留');
      await fileStep(db, store, (_trx, files) => files.remove(key));
      assert.equal(await store.open(db, key), undefined);
    });

    it(`${name}: keys cannot leave the store`, async () => {
      const { db } = t();
      for (const bad of ['../x', '/etc/passwd', 'a/../../b', 'a//b', ''])
        await assert.rejects(store().open(db, bad), /文件路径不正确/);
      function store() {
        return make();
      }
    });
  }

  it('files migrate: copies every disk file into the database, verifies it, and is safe to run again', async () => {
    const { db } = t();
    const src = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-migrate-'));
    const files = new Map<string, Buffer>();
    for (const [i, size] of [0, 10, CHUNK_BYTES, CHUNK_BYTES * 2 + 7].entries()) {
      const key = `publications/${i}/${crypto.randomBytes(4).toString('hex')}.pdf`;
      const bytes = crypto.randomBytes(size);
      fs.mkdirSync(path.dirname(path.join(src, key)), { recursive: true });
      fs.writeFileSync(path.join(src, key), bytes);
      files.set(key, bytes);
    }
    // An interrupted earlier run: one file already copied.
    const [firstKey, firstBytes] = [...files][1]!;
    await fileStep(db, databaseStore(), (_trx, f) => f.put(firstKey, firstBytes));
    const r = await migrateFilesToDatabase(db, src);
    assert.equal(r.copied, 3);
    assert.equal(r.skipped, 1);
    assert.deepEqual(r.conflicts, []);
    for (const [key, bytes] of files)
      assert.ok((await readAll(databaseStore(), db, key)).equals(bytes), `${key} byte-identical`);
    const again = await migrateFilesToDatabase(db, src);
    assert.deepEqual([again.copied, again.skipped], [0, 4]);
    // A disk file changed after its copy is reported, not overwritten.
    fs.writeFileSync(path.join(src, firstKey), 'changed');
    const changed = await migrateFilesToDatabase(db, src);
    assert.deepEqual(changed.conflicts, [firstKey]);
    assert.ok((await readAll(databaseStore(), db, firstKey)).equals(firstBytes));
    const check = await verifyStoredFiles(db, databaseStore(), [
      ...[...files].map(([key, b]) => ({ key, sha256: sha(b) })),
      { key: 'publications/9/missing.pdf', sha256: null },
    ]);
    assert.deepEqual(check, { missing: ['publications/9/missing.pdf'], corrupt: [] });
    fs.rmSync(src, { recursive: true, force: true });
  });
});
