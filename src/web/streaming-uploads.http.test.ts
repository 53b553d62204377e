/**
 * Uploads stream (web/multipart-body.ts): 40 MB of files go through the apply form, on both file stores and both
 * databases, into the store with the right hashes while the process's memory grows by far less than the upload; an
 * upload over the limit is refused mid-stream and a client that goes away mid-upload leaves nothing behind; uploads
 * in parallel each keep their own bytes; hostile multipart gets a clear Chinese 400/413.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp } from '../../test/support/http.ts';
import { fixedClock } from '../../test/support/factories.ts';
import { PERSON, township } from '../../test/support/request-factories.ts';
import type { Db } from '../db/database.ts';
import { uploadKey } from '../requests/uploads.ts';

const env = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
const CHUNK = 64 * 1024;
const MiB = 1024 * 1024;
const PORT = 4107;

type Part = { name: string; value: string } | { name: string; fileName: string; size: number };

/**
 * A multipart body generated while it is read: file parts are random bytes after a PDF signature, never held whole.
 * `hashes` are the SHA-256 of each file part, complete once the body has been read; `pulled()` the bytes read so far.
 */
/** Random bytes the file parts are cut from (views of it, so the test itself allocates almost nothing per chunk). */
const POOL = crypto.randomBytes(4 * MiB);
let seed = 0;

function multipartStream(boundary: string, parts: Part[]) {
  const hashes: string[] = [];
  let pulled = 0;
  async function* gen(): AsyncGenerator<Uint8Array> {
    for (const p of parts) {
      if ('value' in p) {
        yield Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`,
        );
        continue;
      }
      yield Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.fileName}"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
      );
      const hash = crypto.createHash('sha256');
      const sig = Buffer.from('%PDF-1.4\n');
      hash.update(sig);
      yield sig;
      const start = seed++ * 104729;
      for (let left = p.size - sig.length, i = 0; left > 0; left -= CHUNK, i++) {
        const at = (start + i * 7919) % (POOL.length - CHUNK);
        const piece = POOL.subarray(at, at + Math.min(CHUNK, left));
        hash.update(piece);
        yield piece;
      }
      hashes.push(hash.digest('hex'));
      yield Buffer.from('\r\n');
    }
    yield Buffer.from(`--${boundary}--\r\n`);
  }
  const it = gen();
  const stream = new ReadableStream<Uint8Array>({
    async pull(ctl) {
      const r = await it.next();
      if (r.done) ctl.close();
      else {
        pulled += r.value.length;
        ctl.enqueue(r.value);
      }
    },
  });
  return { stream, it, hashes, pulled: () => pulled };
}

/** The apply form's fields for a valid submit, with the client's CSRF token and a fresh idempotency key. */
function applyFields(csrf: string, over: Record<string, string> = {}): Part[] {
  return Object.entries({
    ...PERSON,
    _csrf: csrf,
    idempotencyKey: crypto.randomBytes(16).toString('hex'),
    ...over,
  }).map(([name, value]) => ({ name, value }));
}

async function setup(db: Db, store: 'disk' | 'database', extra: Record<string, string> = {}) {
  const clock = fixedClock('2026-03-02T02:00:00Z');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-stream-'));
  const { agency } = await township(db, clock);
  await db
    .insertInto('agency_settings')
    .values({ agency_id: agency.id, key: 'installation.home', value_json: 'true', updated_at: '' })
    .execute();
  const t = testApp(db, clock, {
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_FILE_STORE: store,
    GONGKAI_APPLY_LIMIT: '1000/60',
    ...extra,
  });
  const c = t.client();
  const csrf = await c.csrf();
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const post = (body: ReadableStream<Uint8Array> | string, type: string, url = '/apply') =>
    t.app.fetch(
      new Request(`http://localhost${url}`, {
        method: 'POST',
        body,
        headers: { 'content-type': type, cookie },
        duplex: 'half',
      } as RequestInit),
      env,
    );
  return { ...t, dataDir, csrf, cookie, post };
}

/** Files anywhere in the disk store (temporary `.part` files included) and rows of the database store. */
async function storeContents(db: Db, dataDir: string) {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(path.relative(dataDir, p));
    }
  };
  if (fs.existsSync(dataDir)) walk(dataDir);
  const rows = (await db.selectFrom('stored_files').select('key').execute()).map((r) => r.key);
  const chunks = Number(
    (
      await db
        .selectFrom('stored_file_chunks')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  return { files: files.filter((f) => f.startsWith('uploads')), rows, chunks };
}

async function storedHash(db: Db, store: 'disk' | 'database', dataDir: string, key: string) {
  if (store === 'database')
    return (
      await db.selectFrom('stored_files').select('sha256').where('key', '=', key).executeTakeFirstOrThrow()
    ).sha256;
  const hash = crypto.createHash('sha256');
  for await (const p of fs.createReadStream(path.join(dataDir, 'uploads', key))) hash.update(p as Buffer);
  return hash.digest('hex');
}

// Live memory: full collections before each sample (see mem()). One was not enough: the buffers a collection finds
// dead are freed on a background thread, and on a loaded machine (CI runs two test files at once) the sample could
// still count most of the upload in arrayBuffers although nothing referenced it (19 MiB of 40 measured under load
// with one collection, 1.5 MiB with two). A parser or store that kept the body would keep it alive here too.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const mem = () => {
  // Twice: V8 frees the backing stores of the buffers a collection found dead on a background thread, which a loaded
  // machine may not have run yet; the next collection finishes that sweep before it starts.
  gc();
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed + m.arrayBuffers };
};

describeEachDialect('streaming uploads', (t) => {
  for (const store of ['disk', 'database'] as const) {
    const grew = { rss: 0, heap: 0, total: 0 };
    test(`[${store}] 40 MB of files through the apply form: stored with their hashes, memory far below the upload`, async () => {
      const { db } = t();
      const s = await setup(db, store);
      const size = 10 * MiB; // the most one file of a request may be (requests/uploads.ts)
      const parts: Part[] = [
        ...applyFields(s.csrf),
        ...[1, 2, 3, 4].map((i) => ({ name: 'files', fileName: `材料-${store}-${i}.pdf`, size })),
      ];
      const body = multipartStream('----gongkaiStream', parts);
      const before = mem();
      let peak = before;
      const sampler = setInterval(() => {
        const m = mem();
        peak = { rss: Math.max(peak.rss, m.rss), heap: Math.max(peak.heap, m.heap) };
      }, 500);
      const started = process.hrtime.bigint();
      const res = await s.post(body.stream, 'multipart/form-data; boundary=----gongkaiStream');
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      clearInterval(sampler);
      const after = mem();
      peak = { rss: Math.max(peak.rss, after.rss), heap: Math.max(peak.heap, after.heap) };
      assert.equal(res.status, 303, await res.text());
      const total = 4 * size;
      Object.assign(grew, { rss: peak.rss - before.rss, heap: peak.heap - before.heap, total });
      process.stdout.write(
        `# [${store}] ${total / MiB} MiB uploaded in ${ms.toFixed(0)} ms (sampled every 500 ms after a precise full collection); ` +
          `peak growth: RSS ${(grew.rss / MiB).toFixed(1)} MiB, heap+buffers ${(grew.heap / MiB).toFixed(1)} MiB\n`,
      );

      const atts = await db
        .selectFrom('request_attachments')
        .select(['file_name', 'size', 'storage_path'])
        .where('file_name', 'like', `材料-${store}-%`)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        atts.map((a) => [a.file_name, Number(a.size)]),
        [1, 2, 3, 4].map((i) => [`材料-${store}-${i}.pdf`, size]),
      );
      const hashes = await Promise.all(
        atts.map((a) => storedHash(db, store, s.dataDir, uploadKey(a.storage_path))),
      );
      assert.deepEqual(hashes, body.hashes);
      // Nothing left in the staging area.
      const left = await storeContents(db, s.dataDir);
      assert.deepEqual(
        [...left.files, ...left.rows].filter((k) => k.includes('incoming') || k.endsWith('.part')),
        [],
      );
    });

    test(`[${store}] the 40 MB upload's live memory stayed below half its size`, () => {
      assert.ok(grew.total > 0, 'the upload ran');
      assert.ok(
        grew.heap < grew.total / 2,
        `heap+buffers grew by ${grew.heap} bytes for a ${grew.total}-byte upload`,
      );
    });

    test(`[${store}] over the limit: 413 mid-stream, nothing stored`, async () => {
      const { db } = t();
      const s = await setup(db, store, { GONGKAI_MAX_UPLOAD_MB: '2' });
      const before = await storeContents(db, s.dataDir);
      // One file under the limit first (staged, then discarded), then one over it.
      const body = multipartStream('b0', [
        ...applyFields(s.csrf),
        { name: 'files', fileName: 'a.pdf', size: 512 * 1024 },
        { name: 'files', fileName: 'b.pdf', size: 64 * MiB },
      ]);
      const res = await s.post(body.stream, 'multipart/form-data; boundary=b0');
      assert.equal(res.status, 413);
      assert.match(await res.text(), /过大/);
      assert.ok(body.pulled() < 3 * MiB, `read ${body.pulled()} bytes of a 64 MiB upload`);
      assert.deepEqual(await storeContents(db, s.dataDir), before);
      const filed = await db
        .selectFrom('request_attachments')
        .select('id')
        .where('file_name', '=', 'a.pdf')
        .execute();
      assert.equal(filed.length, 0);
    });

    test(`[${store}] a client that goes away mid-upload leaves no file and no row`, async () => {
      const { db } = t();
      const s = await setup(db, store);
      const before = await storeContents(db, s.dataDir);
      const server = serve({ fetch: s.app.fetch, port: PORT, hostname: '127.0.0.1' });
      try {
        await new Promise<void>((resolve) => server.once('listening', () => resolve()));
        const sock = net.connect(PORT, '127.0.0.1');
        await new Promise<void>((resolve) => sock.once('connect', () => resolve()));
        const head = Buffer.from(
          '--cut\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n' +
            'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n',
        );
        sock.write(
          `POST /apply HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${s.cookie}\r\n` +
            `Content-Type: multipart/form-data; boundary=cut\r\nContent-Length: ${20 * MiB}\r\n\r\n`,
        );
        sock.write(head);
        for (let i = 0; i < 48; i++) sock.write(crypto.randomBytes(CHUNK)); // 3 MiB of the 20 announced
        // Wait until the server has staged part of it, then vanish.
        for (let i = 0; i < 200; i++) {
          const now = await storeContents(db, s.dataDir);
          if (now.chunks > before.chunks || now.files.length > before.files.length) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        sock.destroy();
        let now = await storeContents(db, s.dataDir);
        for (let i = 0; i < 200 && JSON.stringify(now) !== JSON.stringify(before); i++) {
          await new Promise((r) => setTimeout(r, 50));
          now = await storeContents(db, s.dataDir);
        }
        assert.deepEqual(now, before);
      } finally {
        await new Promise((r) => server.close(r));
      }
    });

    test(`[${store}] four uploads at once each keep their own bytes`, async () => {
      const { db } = t();
      const s = await setup(db, store);
      const bodies = [0, 1, 2, 3].map((i) =>
        multipartStream(`p${i}`, [
          ...applyFields(s.csrf, { infoDescription: `并行上传第${i}份` }),
          { name: 'files', fileName: `并行-${store}-${i}.pdf`, size: 3 * MiB + i * 1000 },
        ]),
      );
      const res = await Promise.all(
        bodies.map((b, i) => s.post(b.stream, `multipart/form-data; boundary=p${i}`)),
      );
      assert.deepEqual(
        res.map((r) => r.status),
        [303, 303, 303, 303],
      );
      const atts = await db
        .selectFrom('request_attachments')
        .select(['file_name', 'storage_path'])
        .where('file_name', 'like', `并行-${store}-%`)
        .execute();
      assert.equal(atts.length, 4);
      for (const a of atts) {
        const i = Number(/-(\d)\.pdf$/.exec(a.file_name)![1]);
        assert.equal(await storedHash(db, store, s.dataDir, uploadKey(a.storage_path)), bodies[i]!.hashes[0]);
      }
    });
  }

  test('hostile multipart: each a clear Chinese 400 or 413, nothing stored', async () => {
    const { db } = t();
    const s = await setup(db, 'database');
    const before = await storeContents(db, s.dataDir);
    const part = (headers: string, body = 'x') => `--h\r\n${headers}\r\n\r\n${body}\r\n`;
    const cases: [string, string, string, number, RegExp][] = [
      [
        'no boundary',
        'multipart/form-data',
        part('Content-Disposition: form-data; name="a"') + '--h--',
        400,
        /boundary/,
      ],
      [
        'a 40 KB part header',
        'multipart/form-data; boundary=h',
        part(`Content-Disposition: form-data; name="a"\r\nX-Pad: ${'a'.repeat(40 * 1024)}`) + '--h--',
        400,
        /分段头过长/,
      ],
      [
        '2000 parts',
        'multipart/form-data; boundary=h',
        Array.from({ length: 2000 }, (_, i) => part(`Content-Disposition: form-data; name="f${i}"`)).join(
          '',
        ) + '--h--',
        413,
        /分段过多/,
      ],
      [
        'a file name with a path',
        'multipart/form-data; boundary=h',
        part('Content-Disposition: form-data; name="files"; filename="../../etc/passwd"', '%PDF-') + '--h--',
        400,
        /不能包含路径/,
      ],
      [
        'a Windows path',
        'multipart/form-data; boundary=h',
        part('Content-Disposition: form-data; name="files"; filename="C:\\\\Users\\\\a.pdf"', '%PDF-') +
          '--h--',
        400,
        /不能包含路径/,
      ],
      [
        'a body cut off',
        'multipart/form-data; boundary=h',
        part('Content-Disposition: form-data; name="a"'),
        400,
        /不完整/,
      ],
    ];
    for (const [what, type, body, status, message] of cases) {
      const res = await s.post(body, type);
      const text = await res.text();
      assert.equal(res.status, status, `${what}: ${text.slice(0, 200)}`);
      assert.match(text, message, what);
      assert.match(text, /[\u4e00-\u9fff]/, what);
    }
    // A part without Content-Disposition is skipped (busboy; RFC 7578 requires one): the form is read without it,
    // here a form with nothing but its CSRF token, which the apply form answers with its field errors.
    const skipped = await s.post(
      part('Content-Disposition: form-data; name="_csrf"', s.csrf) +
        part('Content-Type: application/pdf', '%PDF-1.4 not a field') +
        '--h--',
      'multipart/form-data; boundary=h',
    );
    const skippedText = await skipped.text();
    assert.equal(skipped.status, 400, skippedText.slice(0, 200));
    assert.match(skippedText, /[\u4e00-\u9fff]/);
    assert.doesNotMatch(skippedText, /not a field/);
    // A GBK file name (not UTF-8), as raw bytes.
    const gbk = Buffer.concat([
      Buffer.from('--h\r\nContent-Disposition: form-data; name="files"; filename="'),
      Buffer.from([0xd6, 0xd0, 0xce, 0xc4]),
      Buffer.from('.pdf"\r\n\r\n%PDF-\r\n--h--'),
    ]);
    const res = await s.post(
      new ReadableStream({
        start(ctl) {
          ctl.enqueue(new Uint8Array(gbk));
          ctl.close();
        },
      }),
      'multipart/form-data; boundary=h',
    );
    assert.equal(res.status, 400);
    assert.match(await res.text(), /不是 UTF-8 编码/);
    // Text fields beyond the form limit (GONGKAI_MAX_FORM_KB, 1 MB by default): 413.
    const big = multipartStream('f', [{ name: 'infoDescription', value: '字'.repeat(400 * 1024) }]);
    const tooMuch = await s.post(big.stream, 'multipart/form-data; boundary=f');
    assert.equal(tooMuch.status, 413);
    assert.match(await tooMuch.text(), /提交的内容过大/);
    assert.deepEqual(await storeContents(db, s.dataDir), before);
  });
});
