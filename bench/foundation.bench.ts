/**
 * Foundation benchmark: cold start to first response (against a bare Node HTTP server started the same way),
 * sign-in requests/s (argon2id is deliberately slow), portal home requests/s against a static response of the same
 * bytes from the same process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { serve } from '@hono/node-server';
import { createApp } from '../src/web/server.tsx';
import { parseConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { systemClock } from '../src/clock.ts';
import { openDatabase } from '../src/db/database.ts';
import { prepareDatabase } from '../src/setup.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { fmt, load } from './support.ts';

const root = path.resolve(import.meta.dirname, '..');

/** Milliseconds from spawning a process until `url` answers. */
async function coldStart(args: string[], env: Record<string, string>, url: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const r = await fetch(url);
        await r.arrayBuffer();
        if (r.ok) return performance.now() - t0;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 20));
      if (performance.now() - t0 > 120_000) throw new Error('server did not start');
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function run(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  const bare = await coldStart(
    ['--import', 'tsx', '-e', "require('node:http').createServer((q,s)=>s.end('ok')).listen(3197)"],
    {},
    'http://127.0.0.1:3197/',
  );
  const first = await coldStart(
    ['--import', 'tsx', 'src/main.ts'],
    { PORT: '3198', GONGKAI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    'http://127.0.0.1:3198/',
  );
  const warm = await coldStart(
    ['--import', 'tsx', 'src/main.ts'],
    { PORT: '3198', GONGKAI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    'http://127.0.0.1:3198/',
  );
  console.log(
    `cold start to first portal response: first start (create+migrate+demo) ${fmt(first)} ms, restart ${fmt(warm)} ms; bare node+tsx http server ${fmt(bare)} ms → ratio ${fmt(warm / bare, 2)}×`,
  );

  const db = openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'inproc.db') });
  await prepareDatabase(db, systemClock);
  const accounts = await loadDemo({
    db,
    clock: systemClock,
    actor: { kind: 'system', name: 'bench' },
    meta: { ip: null },
  });
  await db.updateTable('users').set({ must_change_password: 0 }).execute();
  const config = parseConfig({ GONGKAI_DATA_DIR: dataDir, GONGKAI_WORKER: '0', GONGKAI_TRUST_PROXY: '1' });
  const app = createApp({ db, clock: systemClock, config, logger: createLogger('silent') });
  const home = await (await app.fetch(new Request('http://x/'))).text();
  const homeBytes = Buffer.from(home);
  // The baseline: the same bytes as a static response from the same process and server.
  const fetchWithStatic = (req: Request, env: unknown) =>
    new URL(req.url).pathname === '/__bench/static'
      ? new Response(new Uint8Array(homeBytes), { headers: { 'Content-Type': 'text/html; charset=utf-8' } })
      : app.fetch(req, env as never);
  const server = serve({ fetch: fetchWithStatic, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const port = (server.address() as { port: number }).port;
  const base = `http://127.0.0.1:${port}`;

  await load(`${base}/`, 300, 8);
  const stat = await load(`${base}/__bench/static`, 3000, 16);
  const portal = await load(`${base}/`, 3000, 16);
  console.log(
    `portal home (${fmt(homeBytes.length / 1024, 1)} KB): ${fmt(portal.rps)} req/s (p50 ${fmt(portal.p50, 1)} ms, p95 ${fmt(portal.p95, 1)} ms); static same bytes ${fmt(stat.rps)} req/s → ratio ${fmt(portal.rps / stat.rps, 2)}`,
  );

  // Sign-in: each request hashes with argon2id (19 MiB, t=2), by design the cost of a guess.
  const csrf = /name="_csrf" value="([^"]+)"/.exec(home)?.[1] ?? '';
  const cookie = `gk_csrf=${csrf}`;
  const admin = accounts.find((a) => a.username === 'admin')!;
  const body = () => new URLSearchParams({ username: admin.username, password: admin.password, _csrf: csrf });
  const signIns = await load(`${base}/office/sign-in`, 60, 4, () => ({
    method: 'POST',
    body: body(),
    headers: {
      cookie,
      'x-forwarded-for': `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    },
    redirect: 'manual',
  }));
  console.log(
    `sign-in: ${fmt(signIns.rps, 1)} req/s (p50 ${fmt(signIns.p50)} ms; argon2id verify dominates), errors ${signIns.errors}`,
  );

  await new Promise<void>((r) => server.close(() => r()));
  await db.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
