/**
 * Move the files of the disk store into the database store (`gongkai files migrate`), for an installation going from
 * one machine to several app nodes. Each file is copied in its own transaction and then read back and compared by
 * SHA-256, so the command can be stopped at any point and run again: files already in the database with the same hash
 * are skipped, a file whose copy differs is reported and left alone. The disk files are not deleted.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database.ts';
import { databaseStore } from './database-store.ts';
import { diskKeys } from './disk-store.ts';
import { fileStep, type FileStore } from './file-store.ts';

export interface MigrateFilesResult {
  copied: number;
  skipped: number;
  bytes: number;
  /** Keys already in the database with different content (left alone). */
  conflicts: string[];
}

async function hashStream(s: AsyncIterable<Uint8Array>): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const p of s) h.update(p);
  return h.digest('hex');
}

/** Copy every file under `root` into the database store; `progress` is told each key as it is done. */
export async function migrateFilesToDatabase(
  db: Db,
  root: string,
  progress: (key: string, what: 'copied' | 'skipped' | 'conflict') => void = () => undefined,
): Promise<MigrateFilesResult> {
  const store = databaseStore();
  const out: MigrateFilesResult = { copied: 0, skipped: 0, bytes: 0, conflicts: [] };
  for await (const key of diskKeys(root)) {
    const abs = path.join(root, key);
    const diskHash = await hashStream(fs.createReadStream(abs));
    const there = await store.stat(db, key);
    if (there) {
      const same = there.sha256 === diskHash;
      if (same) out.skipped++;
      else out.conflicts.push(key);
      progress(key, same ? 'skipped' : 'conflict');
      continue;
    }
    const written = await fileStep(db, store, (_trx, files) => files.put(key, fs.createReadStream(abs)));
    const back = await store.open(db, key);
    const readHash = back ? await hashStream(back.stream) : '';
    if (written.sha256 !== diskHash || readHash !== diskHash)
      throw new Error(`copy of ${key} does not match the disk file (sha256 ${readHash} ≠ ${diskHash})`);
    out.copied++;
    out.bytes += written.size;
    progress(key, 'copied');
  }
  return out;
}

/** Check that every key is in `store` and (where the store records it) has the expected hash; returns the bad ones. */
export async function verifyStoredFiles(
  db: Db,
  store: FileStore,
  files: { key: string; sha256: string | null }[],
): Promise<{ missing: string[]; corrupt: string[] }> {
  const missing: string[] = [];
  const corrupt: string[] = [];
  for (const f of files) {
    const opened = await store.open(db, f.key).catch(() => undefined);
    if (!opened) {
      missing.push(f.key);
      continue;
    }
    const h = await hashStream(opened.stream);
    if ((f.sha256 && h !== f.sha256) || (opened.sha256 && h !== opened.sha256)) corrupt.push(f.key);
  }
  return { missing, corrupt };
}
