/**
 * Where uploaded and generated files live, behind one interface with two implementations chosen by
 * GONGKAI_FILE_STORE: `disk` (files under GONGKAI_DATA_DIR/uploads; the default, one machine) and `database` (chunks in
 * the database, so every app node serves every file). Both stream: a file is written and read a piece at a time and is
 * never held whole in memory by the store.
 *
 * A file and the row that names it are written in one step (`fileStep`): on the database store the chunks go into the
 * caller's transaction; on disk the file is written inside the step and removed again if the transaction fails. Either
 * way a failure leaves neither the row nor the file. Removals take effect with the commit.
 */
import type { Readable } from 'node:stream';
import type { Db, DbOrTrx, Trx } from '../db/database.ts';
import { DomainError, ValidationError } from '../errors.ts';

/** A file's bytes: all at once, or as a stream of pieces (a Node Readable is an AsyncIterable). */
export type FileBody = Uint8Array | AsyncIterable<Uint8Array>;

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
}

export interface OpenedFile {
  size: number;
  sha256: string | null;
  stream: Readable;
}

export interface WriteOptions {
  /** Refuse (413, in Chinese) a file larger than this, checked while it streams in. */
  maxBytes?: number;
}

export interface FileStore {
  readonly kind: 'disk' | 'database';
  /**
   * Write `body` under `key` as part of `trx`; `undo` (disk only) removes it if the transaction fails. Given the
   * database itself rather than a transaction (staged uploads), each chunk is committed as it is written: the caller
   * removes the file again when the write fails.
   */
  write(
    trx: DbOrTrx,
    key: string,
    body: FileBody,
    opts?: WriteOptions,
  ): Promise<{ file: StoredFile; undo?: () => Promise<void> }>;
  /** Remove `key` as part of `trx`; returns what to do after the commit (disk), if anything. */
  remove(trx: DbOrTrx, key: string): Promise<(() => Promise<void>) | undefined>;
  /**
   * Store the file `from` again under `to` as part of `trx`, without the bytes passing through the process (disk: a
   * hard link; database: the chunks copied by one statement). `undo` (disk only) removes `to` if the transaction fails.
   */
  copy(trx: Trx, from: string, to: string): Promise<{ file: StoredFile; undo?: () => Promise<void> }>;
  /** The file as a stream, or undefined when it is not there. */
  open(db: DbOrTrx, key: string): Promise<OpenedFile | undefined>;
  /** Size and hash of a stored file (hash null on disk, where it is not recorded), or undefined. */
  stat(db: DbOrTrx, key: string): Promise<{ size: number; sha256: string | null } | undefined>;
  /**
   * Keys directly under `prefix` (a folder, `incoming/`) written before `before`: on disk by modification time, with
   * the temporary `.part` files of writes a crash cut off; in the database by the row's creation time.
   */
  keysOlderThan(db: DbOrTrx, prefix: string, before: Date): Promise<string[]>;
}

/** What a step's callback gets to write and remove files with. */
export interface StepFiles {
  put(key: string, body: FileBody, opts?: WriteOptions): Promise<StoredFile>;
  /** Store an already stored file (a staged upload) under `key` too (FileStore.copy). */
  copy(from: string, key: string): Promise<StoredFile>;
  remove(key: string): Promise<void>;
}

/**
 * The files of one step, for a caller that opens the transaction itself: `files(trx)` inside it, then `committed()`
 * after the commit or `failed()` after a rollback (fileStep does all three).
 */
export function openStep(store: FileStore): {
  files(trx: Trx): StepFiles;
  committed(): Promise<void>;
  failed(): Promise<void>;
} {
  const undo: (() => Promise<void>)[] = [];
  const after: (() => Promise<void>)[] = [];
  return {
    files: (trx) => ({
      async put(key, body, opts) {
        const w = await store.write(trx, key, body, opts);
        if (w.undo) undo.push(w.undo);
        return w.file;
      },
      async copy(from, key) {
        const w = await store.copy(trx, from, key);
        if (w.undo) undo.push(w.undo);
        return w.file;
      },
      async remove(key) {
        const a = await store.remove(trx, key);
        if (a) after.push(a);
      },
    }),
    // A file left behind by a failed removal names no row: harmless, and never served.
    async committed() {
      for (const a of after.splice(0)) await a().catch(() => undefined);
      undo.length = 0;
    },
    async failed() {
      await Promise.all(undo.splice(0).map((u) => u().catch(() => undefined)));
      after.length = 0;
    },
  };
}

/** Run `fn` in one transaction in which files written with `files.put` belong to the same all-or-nothing step. */
export async function fileStep<T>(
  db: Db,
  store: FileStore,
  fn: (trx: Trx, files: StepFiles) => Promise<T>,
): Promise<T> {
  const step = openStep(store);
  try {
    const result = await db.transaction().execute((trx) => fn(trx, step.files(trx)));
    await step.committed();
    return result;
  } catch (e) {
    await step.failed();
    throw e;
  }
}

/** Read a whole stored file (for the few callers that need the bytes at once: image embedding, text extraction). */
export async function readAll(store: FileStore, db: DbOrTrx, key: string): Promise<Buffer> {
  const f = await store.open(db, key);
  if (!f) throw new ValidationError('文件不存在或已被删除');
  const parts: Buffer[] = [];
  for await (const p of f.stream) parts.push(Buffer.from(p as Uint8Array));
  return Buffer.concat(parts);
}

/** Keys are relative paths of plain segments (`publications/3/ab12….pdf`): nothing can point outside the store. */
export function assertKey(key: string): void {
  if (
    !/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/.test(key) ||
    key.split('/').includes('..') ||
    key.length > 300
  )
    throw new ValidationError('文件路径不正确');
}

/** The 413 of a file over its limit, raised while it streams in. */
export function tooLarge(maxBytes: number): DomainError {
  return new DomainError(
    'too_large',
    `文件过大（每个文件不超过${Math.floor(maxBytes / 1024 / 1024) || 1}MB），未被接收`,
  );
}

/** Pieces of a body, whichever form it came in. */
export async function* piecesOf(body: FileBody): AsyncIterable<Uint8Array> {
  if (body instanceof Uint8Array) yield body;
  else for await (const p of body) yield p;
}
