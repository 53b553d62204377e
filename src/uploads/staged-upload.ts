/**
 * Uploaded files as they come off the wire: each file part of a multipart body is streamed into the installation's
 * file store (src/storage) under `incoming/<random>` while it arrives, hashed and counted on the way, and the parsed
 * body holds an `UploadedFile` that refers to it instead of its bytes. A feature that keeps the file copies it to its
 * own key inside its own step (`StepFiles.copy`: a hard link on disk, one statement in the database), so the bytes
 * never pass through memory; one that needs the bytes (an import that parses a spreadsheet) reads them with
 * `arrayBuffer()` as from any File. The staged files of a request are removed when it is answered (`discardStaged`),
 * and a failed or cut-off upload removes its own partial file at once. Only a process killed mid-upload leaves one,
 * under `incoming/`, naming no row: `purgeStaleStaged` (a daily job, uploads/feature.ts) removes what is older than a
 * day.
 */
import crypto from 'node:crypto';
import type { Db, DbOrTrx } from '../db/database.ts';
import { fileStep, readAll, type FileStore } from '../storage/index.ts';

/** The staging area of the file store. */
export const STAGED_PREFIX = 'incoming/';
/** Bytes kept of a file's beginning, for checks of its real type (magic numbers). */
export const HEAD_BYTES = 4096;

/**
 * A file of a parsed multipart body, stored under `key`. It is a File (so code that checks `instanceof File`, `.name`,
 * `.size`, `.type` and reads `arrayBuffer()` works unchanged) whose bytes are read from the store on demand.
 */
export class UploadedFile extends File {
  readonly #size: number;
  constructor(
    readonly key: string,
    name: string,
    type: string,
    size: number,
    readonly sha256: string,
    /** The first HEAD_BYTES bytes (fewer for a smaller file). */
    readonly head: Uint8Array,
    private readonly store: FileStore,
    private readonly db: DbOrTrx,
  ) {
    super([], name, { type });
    this.#size = size;
  }
  override get size(): number {
    return this.#size;
  }
  override async arrayBuffer(): Promise<ArrayBuffer> {
    const b = await readAll(this.store, this.db, this.key);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }
  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }
  override async text(): Promise<string> {
    return new TextDecoder().decode(await this.arrayBuffer());
  }
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    const { store, db, key } = this;
    let it: AsyncIterator<Uint8Array> | undefined;
    return new ReadableStream({
      async pull(ctl) {
        if (!it) {
          const f = await store.open(db, key);
          if (!f) throw new Error(`staged upload ${key} is gone`);
          it = (f.stream as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
        }
        const r = await it.next();
        if (r.done) ctl.close();
        else ctl.enqueue(new Uint8Array(r.value));
      },
      async cancel() {
        await it?.return?.();
      },
    });
  }
  override slice(): Blob {
    throw new Error('UploadedFile.slice is not supported: read it with stream() or arrayBuffer()');
  }
}

/**
 * Stream one file part into the staging area (each chunk committed as it comes on the database store, so no
 * transaction stays open while a client uploads). On any failure — a limit, a client gone mid-upload, the store — the
 * partial file is removed before the error goes on.
 */
export async function stageFile(
  db: Db,
  store: FileStore,
  info: { fileName: string; contentType: string },
  bytes: AsyncIterable<Uint8Array>,
): Promise<UploadedFile> {
  const key = `${STAGED_PREFIX}${crypto.randomBytes(16).toString('hex')}`;
  const head: Buffer[] = [];
  let headBytes = 0;
  async function* tap(): AsyncIterable<Uint8Array> {
    for await (const piece of bytes) {
      if (headBytes < HEAD_BYTES) {
        const take = piece.subarray(0, HEAD_BYTES - headBytes);
        head.push(Buffer.from(take));
        headBytes += take.length;
      }
      yield piece;
    }
  }
  try {
    const { file } = await store.write(db, key, tap());
    return new UploadedFile(
      key,
      info.fileName,
      info.contentType,
      file.size,
      file.sha256,
      new Uint8Array(Buffer.concat(head)),
      store,
      db,
    );
  } catch (e) {
    await removeStaged(db, store, key);
    throw e;
  }
}

async function removeStaged(db: Db, store: FileStore, key: string): Promise<void> {
  try {
    const after = await store.remove(db, key);
    await after?.();
  } catch {
    // Names no row and is never served; a later cleanup of incoming/ may remove it.
  }
}

/** Staged files older than this are left over from a process that died mid-request: no request lasts a day. */
export const STALE_STAGED_MS = 24 * 60 * 60 * 1000;

/**
 * Remove what a crash left in the staging area: files (and on disk the `.part` temporaries of writes cut off) under
 * `incoming/` older than STALE_STAGED_MS. Nothing names a staged key (a feature that keeps a file copies it to a key of
 * its own), so age alone tells an orphan. Safe on several app nodes: the daily job runs once, and a removal that
 * another node made already is a no-op. Returns the keys removed.
 */
export async function purgeStaleStaged(db: Db, store: FileStore, now: Date): Promise<string[]> {
  const keys = await store.keysOlderThan(db, STAGED_PREFIX, new Date(now.getTime() - STALE_STAGED_MS));
  for (const key of keys)
    await fileStep(db, store, async (_trx, files) => {
      await files.remove(key);
    });
  return keys;
}

/** Remove the staged files of a request once it is answered. */
export async function discardStaged(db: Db, store: FileStore, files: readonly UploadedFile[]): Promise<void> {
  for (const f of files) await removeStaged(db, store, f.key);
}
