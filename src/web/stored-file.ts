/** Downloads from the file store (src/storage): streamed to the client, never read whole into memory. */
import { Readable } from 'node:stream';
import type { C } from './app-env.ts';
import { fileStoreOf, type FileStore, type OpenedFile } from '../storage/index.ts';

/** The installation's file store. */
export const filesOf = (c: C): FileStore => fileStoreOf(c.get('deps').config);

/** Open a stored file by key; undefined when it is missing. */
export const openStored = (c: C, key: string): Promise<OpenedFile | undefined> =>
  filesOf(c).open(c.get('deps').db, key);

/** Answer with a stored file's bytes, streamed, with its length and the given headers. */
export function sendStored(c: C, f: OpenedFile, headers: Record<string, string>): Response {
  const body = Readable.toWeb(f.stream) as unknown as ReadableStream<Uint8Array>;
  return c.body(body, 200, { ...headers, 'Content-Length': String(f.size) });
}
