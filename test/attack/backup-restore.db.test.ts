/**
 * Backup → restore round trip, database and files together, on each database — and across them (a SQLite backup
 * restored into PostgreSQL and back). A backup without its files, or with a damaged file, is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { createTestDatabase, describeEachDialect, postgresAvailable } from '../support/db.ts';
import { ctxAs, userActor } from '../support/factories.ts';
import { fixedClock } from '../../src/clock.ts';
import { addAttachments } from '../../src/publications/add-attachment.ts';
import { fileStoreOf } from '../../src/storage/index.ts';
import { createBackup, restoreBackup } from '../../src/backup/backup.ts';
import { buildWorld } from './world.ts';
import type { Db } from '../../src/db/database.ts';

const clock = fixedClock('2026-03-10T02:00:00Z');
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function snapshot(db: Db) {
  const count = async (t: string) =>
    Number(
      (
        await db
          .selectFrom(t as never)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    agencies: await count('agencies'),
    users: await count('users'),
    requests: await count('info_requests'),
    publications: await count('publications'),
    attachments: await count('publication_attachments'),
    audit: await count('audit_events'),
    reports: await count('annual_reports'),
  };
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-backup-'));
}

describeEachDialect('backup → restore, database and files', (t) => {
  test('round trip into a fresh database of each kind; the next id continues; a backup without files is refused', async () => {
    const { db, dialect } = t();
    const dataDir = tmp();
    const { a } = await buildWorld(db, clock);
    const drafter = a.users.find((u) => u.role === 'drafter')!.user;
    await addAttachments(
      ctxAs(db, userActor(drafter), clock),
      fileStoreOf({ fileStore: 'disk', dataDir }),
      a.objects.publication,
      [{ name: '名单.pdf', bytes: PDF }],
    );
    const before = await snapshot(db);
    const file = path.join(dataDir, 'backup.zip');
    const manifest = await createBackup(db, dataDir, file, clock.now());
    assert.equal(manifest.files.length, 1);
    assert.ok(!('sessions' in manifest.tables));

    const targets = [dialect, dialect === 'sqlite' ? 'postgres' : 'sqlite'] as const;
    for (const target of targets) {
      if (target === 'postgres' && !(await postgresAvailable())) continue;
      const tdb = await createTestDatabase(target);
      const dir = tmp();
      try {
        const r = await restoreBackup(tdb.db, dir, file);
        assert.equal(r.files, 1);
        assert.deepEqual(await snapshot(tdb.db), before, `${dialect} → ${target}`);
        const stored = await tdb.db
          .selectFrom('publication_attachments')
          .select('storage_key')
          .executeTakeFirstOrThrow();
        assert.deepEqual(new Uint8Array(fs.readFileSync(path.join(dir, 'uploads', stored.storage_key))), PDF);
        // The restored database keeps working: a new row gets the next id.
        const max = await tdb.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirstOrThrow();
        const id = await tdb.db
          .insertInto('audit_events')
          .values({
            occurred_at: clock.now().toISOString(),
            action: 'demo.loaded',
            object_type: 'agency',
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        assert.ok(Number(id.id) > Number(max.m));
        // Restoring twice is refused (the database is no longer empty).
        await assert.rejects(restoreBackup(tdb.db, tmp(), file), { code: 'invalid_state' });
      } finally {
        await tdb.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }

    // The same backup without its files, and with a damaged file: refused, nothing written.
    const entries = unzipSync(fs.readFileSync(file));
    const fileKey = Object.keys(entries).find((k) => k.startsWith('files/'))!;
    const without = Object.fromEntries(Object.entries(entries).filter(([k]) => !k.startsWith('files/')));
    const damaged = { ...entries, [fileKey]: new Uint8Array([1, 2, 3]) };
    for (const [name, zip] of [
      ['without files', without],
      ['damaged file', damaged],
    ] as const) {
      const f = path.join(dataDir, `${name}.zip`);
      fs.writeFileSync(f, zipSync(zip));
      const tdb = await createTestDatabase(dialect);
      try {
        await assert.rejects(restoreBackup(tdb.db, tmp(), f), /附件/, name);
        const n = await tdb.db.selectFrom('agencies').select('id').executeTakeFirst();
        assert.equal(n, undefined, `${name}: nothing restored`);
      } finally {
        await tdb.close();
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
