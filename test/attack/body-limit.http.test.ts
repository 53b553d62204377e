/**
 * Attack: unbounded bodies. A huge anonymous POST must be refused with 413 (Chinese message) before it is parsed:
 * a declared Content-Length over the route's limit is refused without reading, a chunked body is cut off while it is
 * read. Malformed multipart is a 400, not a 500.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../support/db.ts';
import { makeAgency } from '../support/factories.ts';
import { testApp } from '../support/http.ts';

const env = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
const CHUNK = 64 * 1024;

/** A body of `total` bytes generated lazily; `pulled()` says how much the server read. */
function lazyBody(total: number) {
  let sent = 0;
  const chunk = new Uint8Array(CHUNK).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(ctrl) {
      if (sent >= total) return ctrl.close();
      sent += CHUNK;
      ctrl.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

describeEachDialect('attack: body size limits', (t) => {
  test('a 256 MiB chunked anonymous POST to /apply: 413 in Chinese, read no further than the limit', async () => {
    const { db } = t();
    await makeAgency(db);
    const { app, config } = testApp(db);
    const body = lazyBody(256 * 1024 * 1024);
    const res = await app.fetch(
      new Request('http://localhost/apply', {
        method: 'POST',
        body: body.stream,
        headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
        duplex: 'half',
      } as RequestInit),
      env,
    );
    assert.equal(res.status, 413);
    assert.match(await res.text(), /提交的内容过大/);
    // (one chunk is queued ahead by the stream)
    assert.ok(body.pulled() <= config.bodyLimits.upload + 2 * CHUNK, `read ${body.pulled()} bytes`);
  });

  test('a declared Content-Length over the limit is refused without reading; a form route has a small limit', async () => {
    const { db } = t();
    const { app, config } = testApp(db);
    const body = lazyBody(8 * 1024 * 1024);
    const res = await app.fetch(
      new Request('http://localhost/track', {
        method: 'POST',
        body: body.stream,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(8 * 1024 * 1024),
        },
        duplex: 'half',
      } as RequestInit),
      env,
    );
    assert.equal(res.status, 413);
    assert.match(await res.text(), /提交的内容过大/);
    assert.ok(body.pulled() <= CHUNK * 2, `read ${body.pulled()} bytes`);
    assert.ok(config.bodyLimits.form < 8 * 1024 * 1024);
  });

  test('malformed multipart: 400 with a Chinese message', async () => {
    const { db } = t();
    const { app } = testApp(db);
    const res = await app.fetch(
      new Request('http://localhost/apply', {
        method: 'POST',
        body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated',
        headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      }),
      env,
    );
    assert.equal(res.status, 400);
    assert.match(await res.text(), /表单/);
  });
});
