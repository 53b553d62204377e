/**
 * Orphans of the staging area (staged-upload.ts): what a process killed mid-upload leaves under `incoming/` — a
 * complete staged file, a partial one, on disk a `.part` temporary — is removed by the daily job once older than a
 * day, on both file stores and both databases; fresh staged files and every file outside the staging area stay, and
 * two nodes running the removal at once do no harm.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeEachDialect } from '../../test/support/db.ts';
import { databaseStore } from '../storage/database-store.ts';
import { diskStore } from '../storage/disk-store.ts';
import { fileStep, type FileStore } from '../storage/index.ts';
import { purgeStaleStaged, stageFile, STAGED_PREFIX, STALE_STAGED_MS } from './staged-upload.ts';
import { PURGE_STAGED_JOB, uploadsFeature } from './feature.ts';
import { fixedClock } from '../clock.ts';

async function* bytes(n: number): AsyncIterable<Uint8Array> {
  yield crypto.randomBytes(n);
}

describeEachDialect('staged uploads left by a crash', (t) => {
  for (const kind of ['disk', 'database'] as const) {
    test(`[${kind}] staged files older than a day are removed, nothing else`, async () => {
      const { db } = t();
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-staged-'));
      const store: FileStore = kind === 'disk' ? diskStore(root) : databaseStore();
      const now = new Date('2026-03-02T02:00:00Z');
      const dayAgo = new Date(now.getTime() - STALE_STAGED_MS - 60_000);

      // Made "a day ago": a staged upload its request never discarded (the node died) …
      const orphan = await stageFile(
        db,
        store,
        { fileName: 'a.pdf', contentType: 'application/pdf' },
        bytes(5000),
      );
      // … and a kept file of a feature, written at the same time.
      const kept = `publications/1/${crypto.randomBytes(8).toString('hex')}.pdf`;
      await fileStep(db, store, (_trx, files) => files.put(kept, crypto.randomBytes(300)));
      let partial: string;
      if (kind === 'disk') {
        // A write cut off: its temporary file beside the target.
        partial = `${STAGED_PREFIX}${crypto.randomBytes(16).toString('hex')}.0a1b2c3d4e5f.part`;
        fs.writeFileSync(path.join(root, partial), 'half');
        for (const k of [orphan.key, kept, partial]) fs.utimesSync(path.join(root, k), dayAgo, dayAgo);
      } else {
        // A write cut off: the file row and the chunks committed so far, never completed.
        partial = `${STAGED_PREFIX}${crypto.randomBytes(16).toString('hex')}`;
        await db
          .insertInto('stored_files')
          .values({ key: partial, size: 0, sha256: '', chunks: 0, created_at: dayAgo.toISOString() })
          .execute();
        await db
          .insertInto('stored_file_chunks')
          .values({ file_key: partial, seq: 0, data: crypto.randomBytes(1000) })
          .execute();
        await db
          .updateTable('stored_files')
          .set({ created_at: dayAgo.toISOString() })
          .where('key', 'in', [orphan.key, kept])
          .execute();
      }
      // A staged upload of a request in progress right now.
      const fresh = await stageFile(
        db,
        store,
        { fileName: 'b.pdf', contentType: 'application/pdf' },
        bytes(10),
      );
      if (kind === 'disk') fs.utimesSync(path.join(root, fresh.key), now, now);
      else
        await db
          .updateTable('stored_files')
          .set({ created_at: new Date(now.getTime() - 60_000).toISOString() })
          .where('key', '=', fresh.key)
          .execute();

      // Two nodes at once (the job runs once, but a removal done twice must be harmless).
      const [a, b] = await Promise.all([purgeStaleStaged(db, store, now), purgeStaleStaged(db, store, now)]);
      assert.deepEqual([...new Set([...a, ...b])].sort(), [orphan.key, partial].sort());
      assert.equal(await store.stat(db, orphan.key), undefined);
      assert.equal(await store.stat(db, partial), undefined);
      assert.ok(await store.stat(db, kept), 'a feature’s file stays');
      assert.ok(await store.stat(db, fresh.key), 'a staged file of a request in progress stays');
      if (kind === 'database') {
        const chunks = await db
          .selectFrom('stored_file_chunks')
          .select('file_key')
          .where('file_key', 'in', [orphan.key, partial])
          .execute();
        assert.deepEqual(chunks, []);
      }
      assert.deepEqual(await purgeStaleStaged(db, store, now), []);
      fs.rmSync(root, { recursive: true, force: true });
    });
  }

  test('the removal is a daily scheduled job with its handler, queued once a day', () => {
    const s = uploadsFeature.schedules?.find((x) => x.kind === PURGE_STAGED_JOB);
    assert.ok(s, 'scheduled');
    assert.ok(uploadsFeature.jobs?.[PURGE_STAGED_JOB], 'handled');
    assert.equal(s.uniqueKey(fixedClock('2026-03-02T02:00:00Z')), `${PURGE_STAGED_JOB}:2026-03-02`);
  });
});
