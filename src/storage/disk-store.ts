/**
 * The disk file store: files under one directory (GONGKAI_DATA_DIR/uploads), the layout gongkai always had. A file is
 * streamed into a temporary name beside its target and linked into place only when complete, so a reader never sees a
 * half-written file and an existing file is never overwritten.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ValidationError } from '../errors.ts';
import { assertKey, piecesOf, tooLarge, type FileStore } from './file-store.ts';

export function diskStore(root: string): FileStore {
  const abs = (key: string) => {
    assertKey(key);
    return path.join(root, key);
  };
  return {
    kind: 'disk',
    async write(_trx, key, body, opts = {}) {
      const target = abs(key);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${crypto.randomBytes(6).toString('hex')}.part`;
      const hash = crypto.createHash('sha256');
      let size = 0;
      const count = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (opts.maxBytes !== undefined && size > opts.maxBytes) return done(tooLarge(opts.maxBytes));
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(Readable.from(piecesOf(body)), count, fs.createWriteStream(tmp, { flags: 'wx' }));
        await fsp.link(tmp, target);
      } finally {
        await fsp.rm(tmp, { force: true });
      }
      return {
        file: { key, size, sha256: hash.digest('hex') },
        undo: () => fsp.rm(target, { force: true }),
      };
    },
    async copy(_trx, from, key) {
      const source = abs(from);
      const target = abs(key);
      const st = await fsp.stat(source).catch(() => undefined);
      if (!st?.isFile()) throw new ValidationError('文件不存在或已被删除');
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await fsp.link(source, target);
      const hash = crypto.createHash('sha256');
      await pipeline(fs.createReadStream(target), hash);
      return {
        file: { key, size: st.size, sha256: hash.digest('hex') },
        undo: () => fsp.rm(target, { force: true }),
      };
    },
    async remove(_trx, key) {
      const target = abs(key);
      return () => fsp.rm(target, { force: true });
    },
    async open(_db, key) {
      const target = abs(key);
      const st = await fsp.stat(target).catch(() => undefined);
      if (!st?.isFile()) return undefined;
      return { size: st.size, sha256: null, stream: fs.createReadStream(target) };
    },
    async stat(_db, key) {
      const st = await fsp.stat(abs(key)).catch(() => undefined);
      return st?.isFile() ? { size: st.size, sha256: null } : undefined;
    },
    async keysOlderThan(_db, prefix, before) {
      const dir = abs(prefix.replace(/\/$/, ''));
      const names = await fsp.readdir(dir).catch(() => [] as string[]);
      const out: string[] = [];
      for (const name of names.sort()) {
        const st = await fsp.stat(path.join(dir, name)).catch(() => undefined);
        if (st?.isFile() && st.mtime < before) out.push(`${prefix}${name}`);
      }
      return out;
    },
  };
}

/** Every file under the store's directory, as keys (for the migration to the database store and backups). */
export async function* diskKeys(root: string, dir = ''): AsyncIterable<string> {
  const here = path.join(root, dir);
  const entries = await fsp.readdir(here, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) yield* diskKeys(root, rel);
    else if (e.isFile() && !e.name.endsWith('.part')) yield rel;
  }
}
