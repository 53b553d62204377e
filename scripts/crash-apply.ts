/**
 * kill -9 during concurrent applications: start the real server (demo township) on a fresh database, send COUNT
 * online applications CONCURRENCY at a time, kill the server with SIGKILL when half have been acknowledged, then check
 * the database: every application the server acknowledged (reference shown to the applicant) is stored, and the
 * references of the year are gap-free (1…n). The server is started again and must go on from n+1.
 *
 *   node --import tsx scripts/crash-apply.ts [--count 1000] [--concurrency 50] [--db sqlite|postgres]
 *
 * Exits 1 on any lost application or gap. CI runs it with a small count on both databases (crash-apply.test.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const COUNT = Number(arg('count', '1000'));
const CONCURRENCY = Number(arg('concurrency', '50'));
const DIALECT = arg('db', 'sqlite') as 'sqlite' | 'postgres';
const PG_ADMIN = process.env.GONGKAI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A port nobody listens on now: the kernel's pick for a throw-away listener. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Start the app on a free port. Between the probe and the child's listen another process may take the port (CI runs
 * suites in parallel, and outgoing connections draw from the same range), so a start that fails on EADDRINUSE is tried
 * again on a fresh port.
 */
async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return { child: await startOn(env, port), base: `http://127.0.0.1:${port}` };
    } catch (e) {
      if (attempt >= 5 || !String(e).includes('EADDRINUSE')) throw e;
    }
  }
}

function startOn(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/main.ts')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), TZ: 'Asia/Shanghai', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.resume();
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const poll = async () => {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (r.ok) return resolve(child);
      } catch {
        /* not yet */
      }
      if (child.exitCode !== null) return reject(new Error(`server exited: ${err}`));
      if (Date.now() - t0 > 120_000) return reject(new Error('server did not start'));
      setTimeout(poll, 200);
    };
    void poll();
  });
}

async function session(base: string): Promise<{ cookie: string; token: string }> {
  const r = await fetch(`${base}/apply`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await r.text())![1]!;
  return { cookie, token };
}

function application(i: number, token: string): URLSearchParams {
  return new URLSearchParams({
    _csrf: token,
    applicantKind: 'natural_person',
    applicantName: `压测申请人${i}`,
    idType: 'passport',
    idNumber: `E${String(i).padStart(8, '0')}`,
    phone: `139${String(i).padStart(8, '0')}`,
    address: '青海省海东市互助土族自治县哈拉直沟乡',
    infoDescription: `断电测试申请第${i}件：本村2025年道路建设项目的验收报告`,
    formRequested: 'paper',
    deliveryRequested: 'post',
  });
}

async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-crash-'));
  let dbUrl = `sqlite:${path.join(dataDir, 'gongkai.db')}`;
  let pgName: string | null = null;
  if (DIALECT === 'postgres') {
    pgName = `gk_crash_${crypto.randomBytes(4).toString('hex')}`;
    const a = new pg.Client({ connectionString: PG_ADMIN });
    await a.connect();
    await a.query(`create database ${pgName}`);
    await a.end();
    dbUrl = PG_ADMIN.replace(/\/[^/]*$/, `/${pgName}`);
  }
  const env = {
    DATABASE_URL: dbUrl,
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_DEMO: '1',
    GONGKAI_WORKER: '0',
    GONGKAI_APPLY_LIMIT: '1000000/60',
  };
  const first = await startServer(env);
  let server = first.child;
  const base = first.base;
  const { cookie, token } = await session(base);
  const acknowledged = new Map<number, string>();
  let sent = 0;
  let killed = false;
  let refused = 0;
  const worker = async () => {
    while (sent < COUNT && !killed) {
      const i = ++sent;
      try {
        const r = await fetch(`${base}/apply`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: application(i, token),
        });
        const html = await r.text();
        const ref = /data-reference[^>]*>([^<]+)</.exec(html)?.[1];
        if (r.status === 200 && ref) acknowledged.set(i, ref);
        else refused++;
      } catch {
        refused++; // the connection died with the server: not acknowledged
      }
      if (!killed && acknowledged.size >= COUNT / 2) {
        killed = true;
        server.kill('SIGKILL');
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (!killed) server.kill('SIGKILL');
  await new Promise((r) =>
    server.exitCode !== null || server.signalCode ? r(null) : server.once('exit', r),
  );

  const db = openDatabase(
    DIALECT === 'postgres' ? { kind: 'postgres', url: dbUrl } : { kind: 'sqlite', file: dbUrl.slice(7) },
  );
  const rows = await db
    .selectFrom('info_requests')
    .select(['reference', 'ref_serial', 'applicant_name'])
    .execute();
  const stored = new Set(rows.map((r) => r.reference));
  const lost = [...acknowledged.values()].filter((ref) => !stored.has(ref));
  const serials = rows.map((r) => Number(r.ref_serial)).sort((a, b) => a - b);
  const gaps = serials.filter((s, k) => s !== k + 1);
  await db.destroy();

  // Start again: the next application gets n+1.
  const second = await startServer(env);
  server = second.child;
  const again = await session(second.base);
  const next = await fetch(`${second.base}/apply`, {
    method: 'POST',
    headers: { cookie: again.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: application(COUNT + 1, again.token),
  });
  const nextRef = /data-reference[^>]*>([^<]+)</.exec(await next.text())?.[1] ?? '';
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  const db2 = openDatabase(
    DIALECT === 'postgres' ? { kind: 'postgres', url: dbUrl } : { kind: 'sqlite', file: dbUrl.slice(7) },
  );
  const after = await db2
    .selectFrom('info_requests')
    .select('ref_serial')
    .where('reference', '=', nextRef)
    .executeTakeFirst();
  await db2.destroy();
  const continues = Number(after?.ref_serial) === serials.length + 1;

  console.log(
    `${DIALECT}: ${sent} sent, ${CONCURRENCY} at a time, killed after ${acknowledged.size} acknowledged ` +
      `(${Math.round(performance.now() - t0)} ms); stored ${rows.length}; lost acknowledged: ${lost.length}; ` +
      `gaps: ${gaps.length}; refused/cut: ${refused}; after restart: ${continues ? `continues at ${serials.length + 1}` : `WRONG (${nextRef})`}`,
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (pgName) {
    const a = new pg.Client({ connectionString: PG_ADMIN });
    await a.connect();
    await a.query(`drop database if exists ${pgName} with (force)`);
    await a.end();
  }
  return lost.length === 0 && gaps.length === 0 && continues && acknowledged.size > 0 ? 0 : 1;
}

process.exit(await main());
