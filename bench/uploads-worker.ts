/**
 * One upload of `SIZE` bytes in a fresh process (bench/uploads.bench.ts), so its peak RSS is its own: `buffered` reads
 * the multipart body the way gongkai did before #17 (Hono's parseBody: the whole body, then a File per part) and
 * writes the file to the disk store; `streamed` parses it as a stream straight into the store's staging area
 * (uploads/multipart.ts + uploads/staged-upload.ts). Prints one JSON line.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { diskStore } from '../src/storage/disk-store.ts';
import { parseMultipart } from '../src/uploads/multipart.ts';
import { stageFile } from '../src/uploads/staged-upload.ts';
import type { Db } from '../src/db/database.ts';

const mode = process.argv[2] as 'buffered' | 'streamed';
const SIZE = Number(process.argv[3] ?? 40 * 1024 * 1024);
const CHUNK = 64 * 1024;
const POOL = crypto.randomBytes(4 * 1024 * 1024);

function body(): ReadableStream<Uint8Array> {
  const pieces = (function* () {
    yield Buffer.from(
      '------gongkaiBench7d9\r\nContent-Disposition: form-data; name="f"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-',
    );
    for (let i = 0, left = SIZE - 5; left > 0; i++, left -= CHUNK) {
      const at = (i * 7919) % (POOL.length - CHUNK);
      yield POOL.subarray(at, at + Math.min(CHUNK, left));
    }
    yield Buffer.from('\r\n------gongkaiBench7d9--\r\n');
  })();
  return new ReadableStream({
    pull(ctl) {
      const r = pieces.next();
      if (r.done) ctl.close();
      else ctl.enqueue(new Uint8Array(r.value));
    },
  });
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-upload-bench-'));
const store = diskStore(root);
const app = new Hono();
app.post('/', async (c) => {
  let size: number;
  if (mode === 'buffered') {
    const f = (await c.req.parseBody())['f'] as File;
    const w = await store.write(null as never, 'files/a.pdf', new Uint8Array(await f.arrayBuffer()));
    size = w.file.size;
  } else {
    const parsed = await parseMultipart(
      c.req.raw.body as unknown as AsyncIterable<Uint8Array>,
      '----gongkaiBench7d9',
      { totalBytes: 2 * SIZE, fileBytes: 2 * SIZE, fieldBytes: 1 << 20, parts: 10 },
      (info, bytes) => stageFile(null as unknown as Db, store, info, bytes),
      async () => undefined,
    );
    size = (parsed.get('f')![0] as File).size;
  }
  return c.json({ size });
});

const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const res = await app.fetch(
  new Request('http://localhost/', {
    method: 'POST',
    body: body(),
    headers: { 'content-type': 'multipart/form-data; boundary=----gongkaiBench7d9' },
    duplex: 'half',
  } as RequestInit),
);
const { size } = (await res.json()) as { size: number };
const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
fs.rmSync(root, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    mode,
    size,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKb: process.resourceUsage().maxRSS,
  }) + '\n',
);
