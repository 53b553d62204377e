/**
 * Files a citizen chose for a form that came back with errors. They are written to the installation's file store
 * (src/storage, GONGKAI_FILE_STORE: on disk or in the database, so on a multi-node install the next attempt may
 * reach any node) under `held/<token>` with their row in one step, and held for a day under that random token, which the re-rendered form
 * carries in a hidden field; the citizen does not choose them again. When the form goes through, the owning
 * feature reads them back (`readHeldUploads`), stores them its own way and releases them (`releaseHeldUploads`);
 * `purgeExpiredHeldUploads` (a daily job) removes what nobody came back for. The caller checks a file's type and
 * size before holding it: only acceptable files are held.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { Db, DbOrTrx } from '../db/database.ts';
import { fileStep, readAll, type FileStore } from '../storage/index.ts';

/** How long a held file waits for its form: a day. */
export const HOLD_MS = 24 * 60 * 60 * 1000;

const TOKEN = /^[0-9a-f]{32}$/;

export interface HeldFile {
  token: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** A checked file to hold: its bytes, or a staged upload (staged-upload.ts), which is copied without reading it. */
export type HoldInput = { fileName: string; contentType: string } & (
  { bytes: Uint8Array } | { staged: { key: string; size: number } }
);

/** The store key of a row (rows held before the store did this carry the disk path `uploads/held/…`). */
const keyOf = (storagePath: string) => storagePath.replace(/^uploads[\\/]/, '').replace(/\\/g, '/');

/** Hold one checked file for `purpose`; returns its token and what the form shows. */
export async function holdUpload(
  db: Db,
  store: FileStore,
  purpose: string,
  f: HoldInput,
  now: Date,
): Promise<HeldFile> {
  const token = crypto.randomBytes(16).toString('hex');
  const ext = path
    .extname(f.fileName)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '');
  const key = `held/${token}${ext}`;
  const fileName = path.basename(f.fileName).slice(0, 200);
  const size = 'staged' in f ? f.staged.size : f.bytes.length;
  await fileStep(db, store, async (trx, files) => {
    if ('staged' in f) await files.copy(f.staged.key, key);
    else await files.put(key, f.bytes);
    await trx
      .insertInto('held_uploads')
      .values({
        token,
        purpose,
        file_name: fileName,
        content_type: f.contentType,
        size,
        storage_path: key,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + HOLD_MS).toISOString(),
      })
      .execute();
  });
  return { token, fileName, contentType: f.contentType, size };
}

/** The unexpired held files of these tokens for `purpose`, in the order given (unknown or foreign tokens: skipped). */
export async function findHeldUploads(
  db: DbOrTrx,
  purpose: string,
  tokens: readonly string[],
  now: Date,
): Promise<HeldFile[]> {
  const wanted = [...new Set(tokens.filter((t) => TOKEN.test(t)))];
  if (!wanted.length) return [];
  const rows = await db
    .selectFrom('held_uploads')
    .select(['token', 'file_name', 'content_type', 'size'])
    .where('token', 'in', wanted)
    .where('purpose', '=', purpose)
    .where('expires_at', '>', now.toISOString())
    .execute();
  const byToken = new Map(rows.map((r) => [r.token, r]));
  return wanted.flatMap((t) => {
    const r = byToken.get(t);
    return r ? [{ token: t, fileName: r.file_name, contentType: r.content_type, size: r.size }] : [];
  });
}

/** The bytes of held files (found with `findHeldUploads`), to store with the record the form creates. */
export async function readHeldUploads(
  db: DbOrTrx,
  store: FileStore,
  purpose: string,
  tokens: readonly string[],
  now: Date,
): Promise<(HeldFile & { bytes: Uint8Array })[]> {
  const held = await findHeldUploads(db, purpose, tokens, now);
  if (!held.length) return [];
  const paths = new Map(
    (
      await db
        .selectFrom('held_uploads')
        .select(['token', 'storage_path'])
        .where(
          'token',
          'in',
          held.map((h) => h.token),
        )
        .execute()
    ).map((r) => [r.token, r.storage_path]),
  );
  const out: (HeldFile & { bytes: Uint8Array })[] = [];
  for (const h of held) {
    const bytes = await readAll(store, db, keyOf(paths.get(h.token)!)).catch(() => null);
    if (bytes) out.push({ ...h, bytes: new Uint8Array(bytes) });
  }
  return out;
}

async function removeRows(db: Db, store: FileStore, rows: { id: number; storage_path: string }[]) {
  for (const r of rows)
    await fileStep(db, store, async (trx, files) => {
      await files.remove(keyOf(r.storage_path));
      await trx.deleteFrom('held_uploads').where('id', '=', r.id).execute();
    });
}

/** Forget held files once the form went through (or the citizen removed them). */
export async function releaseHeldUploads(
  db: Db,
  store: FileStore,
  purpose: string,
  tokens: readonly string[],
): Promise<void> {
  const wanted = tokens.filter((t) => TOKEN.test(t));
  if (!wanted.length) return;
  const rows = await db
    .selectFrom('held_uploads')
    .select(['id', 'storage_path'])
    .where('token', 'in', wanted)
    .where('purpose', '=', purpose)
    .execute();
  await removeRows(db, store, rows);
}

/** Remove every expired held file (the daily job); returns how many. */
export async function purgeExpiredHeldUploads(db: Db, store: FileStore, now: Date): Promise<number> {
  const rows = await db
    .selectFrom('held_uploads')
    .select(['id', 'storage_path'])
    .where('expires_at', '<=', now.toISOString())
    .execute();
  await removeRows(db, store, rows);
  return rows.length;
}
