/**
 * The database file store (GONGKAI_FILE_STORE=database): each file is a `stored_files` row (size, SHA-256, number of
 * chunks) and its bytes are `stored_file_chunks` rows of at most CHUNK_BYTES, written one by one as the body streams in
 * and read back a few at a time, so neither side holds the whole file. The rows go into the caller's transaction: the
 * file exists exactly when the row naming it does, on every app node.
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';
import { ValidationError } from '../errors.ts';
import { assertKey, piecesOf, tooLarge, type FileStore } from './file-store.ts';

/** 256 KB: large enough that a 10 MB file is 40 rows, small enough to stay far below any row or packet limit. */
export const CHUNK_BYTES = 256 * 1024;
/** Chunks fetched per query while reading (1 MB in flight per download). */
const READ_BATCH = 4;

export function databaseStore(): FileStore {
  return {
    kind: 'database',
    async write(trx, key, body, opts = {}) {
      assertKey(key);
      const now = new Date().toISOString();
      // The file row first (the chunks reference it), completed with size and hash at the end.
      await trx
        .insertInto('stored_files')
        .values({ key, size: 0, sha256: '', chunks: 0, created_at: now })
        .execute();
      const hash = crypto.createHash('sha256');
      let size = 0;
      let seq = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async (all: boolean) => {
        while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
          const joined = Buffer.concat(pending, pendingBytes);
          const data = joined.subarray(0, Math.min(CHUNK_BYTES, joined.length));
          const rest = joined.subarray(data.length);
          await trx
            .insertInto('stored_file_chunks')
            .values({ file_key: key, seq: seq++, data: Buffer.from(data) })
            .execute();
          pending = rest.length ? [Buffer.from(rest)] : [];
          pendingBytes = rest.length;
        }
      };
      for await (const piece of piecesOf(body)) {
        size += piece.length;
        if (opts.maxBytes !== undefined && size > opts.maxBytes) throw tooLarge(opts.maxBytes);
        hash.update(piece);
        pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
        pendingBytes += piece.length;
        await flush(false);
      }
      await flush(true);
      const sha256 = hash.digest('hex');
      await trx
        .updateTable('stored_files')
        .set({ size, sha256, chunks: seq })
        .where('key', '=', key)
        .execute();
      return { file: { key, size, sha256 } };
    },
    async copy(trx, from, key) {
      assertKey(from);
      assertKey(key);
      const f = await fileRow(trx, from);
      if (!f) throw new ValidationError('文件不存在或已被删除');
      await trx
        .insertInto('stored_files')
        .values({
          key,
          size: f.size,
          sha256: f.sha256,
          chunks: f.chunks,
          created_at: new Date().toISOString(),
        })
        .execute();
      await trx
        .insertInto('stored_file_chunks')
        .columns(['file_key', 'seq', 'data'])
        .expression((eb) =>
          eb
            .selectFrom('stored_file_chunks')
            .select([eb.val(key).as('file_key'), 'seq', 'data'])
            .where('file_key', '=', from),
        )
        .execute();
      return { file: { key, size: f.size, sha256: f.sha256 } };
    },
    async remove(trx, key) {
      assertKey(key);
      await trx.deleteFrom('stored_file_chunks').where('file_key', '=', key).execute();
      await trx.deleteFrom('stored_files').where('key', '=', key).execute();
      return undefined;
    },
    async open(db, key) {
      assertKey(key);
      const f = await fileRow(db, key);
      if (!f) return undefined;
      async function* chunks(): AsyncIterable<Buffer> {
        for (let from = 0; from < f!.chunks; from += READ_BATCH) {
          const rows = await db
            .selectFrom('stored_file_chunks')
            .select(['seq', 'data'])
            .where('file_key', '=', key)
            .where('seq', '>=', from)
            .where('seq', '<', from + READ_BATCH)
            .orderBy('seq')
            .execute();
          if (rows.length !== Math.min(READ_BATCH, f!.chunks - from))
            throw new Error(`stored file ${key} is missing chunks from ${from}`);
          for (const r of rows) yield Buffer.from(r.data);
        }
      }
      return { size: f.size, sha256: f.sha256, stream: Readable.from(chunks()) };
    },
    async stat(db, key) {
      assertKey(key);
      const f = await fileRow(db, key);
      return f ? { size: f.size, sha256: f.sha256 } : undefined;
    },
    async keysOlderThan(db, prefix, before) {
      // A plain folder name: nothing in it that LIKE would read as a pattern.
      if (!/^[a-z0-9-]+\/$/.test(prefix)) throw new Error(`not a folder prefix: ${prefix}`);
      const rows = await db
        .selectFrom('stored_files')
        .select('key')
        .where('key', 'like', `${prefix}%`)
        .where('created_at', '<', before.toISOString())
        .orderBy('key')
        .execute();
      return rows.map((r) => r.key).filter((k) => !k.slice(prefix.length).includes('/'));
    },
  };
}

async function fileRow(db: DbOrTrx, key: string) {
  const r = await db
    .selectFrom('stored_files')
    .select(['size', 'sha256', 'chunks'])
    .where('key', '=', key)
    .executeTakeFirst();
  return r ? { size: toNumber(r.size), sha256: r.sha256, chunks: toNumber(r.chunks) } : undefined;
}
