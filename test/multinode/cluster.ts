/**
 * A county set-up on one machine, for the three-node test: app instances (real `src/main.ts` processes) on one fresh
 * PostgreSQL database, each with its own empty data directory, behind Debian's nginx started with its own
 * configuration (deploy/nginx/gongkai.conf rendered onto loopback ports), its own pid, log and temp directories.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const NGINX = '/usr/sbin/nginx';
export const NGINX_TEMPLATE = path.join(ROOT, 'deploy/nginx/gongkai.conf');

/** A free loopback port (asked of the kernel, then released for the process that will listen on it). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Wait until `check` returns true, retrying generously (no clock: a count of attempts). */
export async function waitFor(what: string, check: () => Promise<boolean>, attempts = 1200): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Render the site template: the markers replaced, nothing else changed. */
export function renderSite(v: { listen: string; serverName: string; maxBody: string; upstreams: string[] }) {
  return fs
    .readFileSync(NGINX_TEMPLATE, 'utf8')
    .replace(
      '@UPSTREAM_SERVERS@',
      v.upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=2s;`).join('\n'),
    )
    .replace('@LISTEN@', v.listen)
    .replace('@SERVER_NAME@', v.serverName)
    .replace('@MAX_BODY@', v.maxBody);
}

export interface AppNode {
  name: string;
  port: number;
  url: string;
  proc: ChildProcess;
  /** Everything the process printed (pino JSON lines). */
  output(): string;
  exited: Promise<number | null>;
}

/** Start one app instance and wait for /healthz. */
export async function startNode(name: string, env: Record<string, string>, dir: string): Promise<AppNode> {
  const port = await freePort();
  const dataDir = path.join(dir, name);
  fs.mkdirSync(dataDir, { recursive: true });
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      TZ: 'Asia/Shanghai',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      GONGKAI_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString('utf8')));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString('utf8')));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  let gone = false;
  void exited.then(() => (gone = true));
  await waitFor(`${name} to answer /healthz`, async () => {
    if (gone) throw new Error(`${name} exited during start-up:\n${out}`);
    return (await fetch(`${url}/healthz`)).ok;
  });
  return { name, port, url, proc, output: () => out, exited };
}

export interface Nginx {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/** Start nginx in the foreground with its own prefix directory, in front of `upstreams`. */
export async function startNginx(dir: string, upstreams: string[], maxBody = '60m'): Promise<Nginx> {
  const port = await freePort();
  const prefix = path.join(dir, 'nginx');
  for (const d of ['logs', 'temp/body', 'temp/proxy', 'temp/fastcgi', 'temp/uwsgi', 'temp/scgi'])
    fs.mkdirSync(path.join(prefix, d), { recursive: true });
  // Run as root (CI), nginx's workers drop to nobody: they must be able to use the temp directories.
  fs.chmodSync(dir, 0o755);
  for (const d of ['', 'temp', 'temp/body', 'temp/proxy', 'logs']) fs.chmodSync(path.join(prefix, d), 0o777);
  const site = renderSite({ listen: `127.0.0.1:${port}`, serverName: 'localhost', maxBody, upstreams });
  fs.writeFileSync(path.join(prefix, 'gongkai.conf'), site);
  fs.writeFileSync(
    path.join(prefix, 'nginx.conf'),
    [
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/logs/error.log warn;`,
      'events { worker_connections 512; }',
      'http {',
      `  access_log ${prefix}/logs/access.log;`,
      `  client_body_temp_path ${prefix}/temp/body;`,
      `  proxy_temp_path ${prefix}/temp/proxy;`,
      `  fastcgi_temp_path ${prefix}/temp/fastcgi;`,
      `  uwsgi_temp_path ${prefix}/temp/uwsgi;`,
      `  scgi_temp_path ${prefix}/temp/scgi;`,
      `  include ${prefix}/gongkai.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const proc = spawn(
    NGINX,
    [
      '-p',
      prefix,
      '-c',
      path.join(prefix, 'nginx.conf'),
      '-e',
      path.join(prefix, 'logs/error.log'),
      '-g',
      'daemon off;',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  await waitFor('nginx to answer', async () => {
    if (gone) throw new Error(`nginx exited:\n${out}`);
    return (await fetch(`${url}/healthz`)).ok;
  });
  return {
    url,
    port,
    dir: prefix,
    async stop() {
      if (!gone) proc.kill('SIGQUIT');
      await exited;
    },
  };
}

export const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gk-nodes-'));
