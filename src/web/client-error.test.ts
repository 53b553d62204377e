/**
 * What Node's HTTP parser refuses gets a page in Chinese: the real server (startServer, empty installation on SQLite)
 * asked over a raw socket with an address holding raw UTF-8 bytes and with a header over Node's limit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/multinode/cluster.ts';

/** Sends `raw` and reads until the server closes the connection. */
function ask(port: number, raw: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const s = net.connect(port, '127.0.0.1', () => s.write(raw));
    s.on('data', (d) => chunks.push(d));
    s.on('error', reject);
    s.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

test('a refused request line or header gets a status and a Chinese page, the request not echoed', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-client-error-'));
  Object.assign(process.env, {
    GONGKAI_DATA_DIR: dir,
    GONGKAI_DEMO: '0',
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
  });
  delete process.env.DATABASE_URL;
  const { startServer } = await import('../main.ts');
  const s = await startServer();
  try {
    const rawTarget = await ask(
      s.port,
      Buffer.concat([
        Buffer.from('GET /search?q='),
        Buffer.from('通知<script>', 'utf8'),
        Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
      ]),
    );
    assert.match(rawTarget, /^HTTP\/1\.1 400 /);
    assert.match(rawTarget, /content-type: text\/html; charset=utf-8/i);
    assert.match(rawTarget, /网址格式有误/);
    assert.doesNotMatch(rawTarget, /<script>/);

    const huge = await ask(
      s.port,
      Buffer.from(`GET / HTTP/1.1\r\nHost: x\r\nCookie: a=${'x'.repeat(20_000)}\r\n\r\n`),
    );
    assert.match(huge, /^HTTP\/1\.1 431 /);
    assert.match(huge, /请求头过大/);

    // An ordinary request on the same server is answered by the app as before.
    const ok = await ask(
      s.port,
      Buffer.from('GET /office/sign-in HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    );
    assert.match(ok, /^HTTP\/1\.1 200 /);
  } finally {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
