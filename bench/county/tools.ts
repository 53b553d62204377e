/**
 * Processes the county bench starts on loopback and stops itself: the app (src/main.ts as a child process, so its
 * RSS is its own), nginx (Debian's, with a config of our own serving fixed bytes) and wrk (the load generator, a
 * separate process). Every run is bounded in time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** CPU time (user + system, ms) a process has used, 0 once it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime) in clock ticks of 10 ms.
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

/** A process and its children (the workers of a cluster). */
export function processTree(pid: number): number[] {
  let kids: number[] = [];
  try {
    kids = fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    /* gone */
  }
  return [pid, ...kids.flatMap(processTree)];
}

export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      await r.arrayBuffer();
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > end) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface AppProcess {
  base: string;
  pid: number;
  stop(): Promise<void>;
  /**
   * Stop the app and start it again on the same port with other settings (`env` on top of the defaults), or as
   * `processes` Node processes sharing the port (node:cluster, bench/county/cluster-main.ts). `pid` follows.
   */
  restart(env?: Record<string, string>, processes?: number): Promise<void>;
}

/** Start the real server on a database (no demo, no worker, silent logs). */
export async function startApp(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  /** Node options for the app process (`--cpu-prof`, which NODE_OPTIONS does not take). */
  nodeArgs: string[] = [],
): Promise<AppProcess> {
  // GONGKAI_BENCH_PORT pins the app's port (a shared machine gives each user its own).
  const port = Number(process.env.GONGKAI_BENCH_PORT) || (await freePort());
  const base = `http://localhost:${port}`;
  let child: ChildProcess;
  let dataDir = '';
  const spawnApp = async (env: Record<string, string>, processes: number) => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-county-'));
    const main = processes > 1 ? 'bench/county/cluster-main.ts' : 'src/main.ts';
    child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', main], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: {
        ...process.env,
        TZ: 'Asia/Shanghai',
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        GONGKAI_DEMO: '0',
        GONGKAI_WORKER: '0',
        GONGKAI_DATA_DIR: dataDir,
        GONGKAI_PG_POOL: '20',
        LOG_LEVEL: 'silent',
        GONGKAI_BENCH_PROCESSES: String(processes),
        GONGKAI_BENCH_READY: path.join(dataDir, 'ready'),
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(`${base}/healthz`, 120_000);
    for (let i = 0; processes > 1 && !fs.existsSync(path.join(dataDir, 'ready')); i++) {
      if (i > 600) throw new Error(`${processes} app processes did not all start within 120 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
    app.pid = child.pid!;
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const app: AppProcess = {
    base,
    pid: 0,
    stop,
    restart: async (env = {}, processes = 1) => {
      await stop();
      await spawnApp({ ...extraEnv, ...env }, processes);
    },
  };
  await spawnApp(extraEnv, 1);
  return app;
}

/** A visitor's cookie header: the cookies (the CSRF token) a browser keeps after its first page. */
export async function visitorCookie(base: string): Promise<string> {
  const first = await fetch(`${base}/`);
  await first.arrayBuffer();
  return first.headers
    .getSetCookie()
    .map((s) => s.split(';')[0])
    .join('; ');
}

export interface StaticPage {
  name: string;
  body: Buffer;
  headers: Record<string, string>;
}

export interface NginxProcess {
  base: string;
  stop(): Promise<void>;
}

/**
 * nginx serving each page's exact bytes at /<name> with the same headers the app sends (content type, security
 * headers, cache control). One worker process, like the one Node process it is compared with.
 */
export async function startNginx(pages: StaticPage[], workers = 1): Promise<NginxProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-nginx-'));
  fs.mkdirSync(path.join(dir, 'www'));
  const port = await freePort();
  const q = (v: string) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  const locations = pages.map((p) => {
    fs.writeFileSync(path.join(dir, 'www', p.name), p.body);
    const headers = Object.entries(p.headers)
      .filter(
        ([k]) =>
          ![
            'content-type',
            'content-length',
            'etag',
            'date',
            'connection',
            'keep-alive',
            'set-cookie',
          ].includes(k),
      )
      .map(([k, v]) => `      add_header ${k} ${q(v)} always;`)
      .join('\n');
    return `    location = /${p.name} {\n      default_type ${q(p.headers['content-type'] ?? 'text/html')};\n${headers}\n    }`;
  });
  const conf = `worker_processes ${workers};
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
${locations.join('\n')}
  }
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const child = spawn('/usr/sbin/nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], {
    stdio: 'inherit',
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/${pages[0]!.name}`, 10_000);
  return {
    base,
    stop: async () => {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGQUIT');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface WrkResult {
  rps: number;
  /** Answers with a 2xx/3xx status per second. */
  okRps: number;
  p50: number;
  p90: number;
  p99: number;
  non2xx: number;
  errors: number;
}

const MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60000 };

/** wrk with `connections` connections for `seconds` seconds; optional Lua script and headers. */
export async function wrk(
  url: string,
  opts: { connections: number; seconds: number; script?: string; headers?: Record<string, string> },
): Promise<WrkResult> {
  const args = ['-t2', `-c${opts.connections}`, `-d${opts.seconds}s`, '--latency', '--timeout', '20s'];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}: ${v}`);
  let scriptFile: string | undefined;
  if (opts.script) {
    scriptFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-wrk-')), 'script.lua');
    fs.writeFileSync(scriptFile, opts.script);
    args.push('-s', scriptFile);
  }
  args.push(url);
  const child = spawn('wrk', args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: (opts.seconds + 60) * 1000,
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  await new Promise<void>((r) => child.once('close', () => r()));
  if (scriptFile) fs.rmSync(path.dirname(scriptFile), { recursive: true, force: true });
  const lat = (p: string) => {
    const m = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)`, 'm').exec(out);
    return m ? Number(m[1]) * MS[m[2]!]! : NaN;
  };
  const errs = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const done = /(\d+) requests in ([\d.]+)(us|ms|s|m)/.exec(out);
  const secs = done ? (Number(done[2]) * MS[done[3]!]!) / 1000 : NaN;
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    okRps: done ? (Number(done[1]) - non2xx) / secs : NaN,
    p50: lat('50'),
    p90: lat('90'),
    p99: lat('99'),
    non2xx,
    errors: errs ? errs.slice(1).reduce((a, x) => a + Number(x), 0) : 0,
  };
}

/**
 * A Lua script for wrk: each request takes a random path from `paths`. `unique` appends a random `_=` parameter to
 * each (paths with a query string), so no two requests share a page-cache entry: every answer is an uncached render.
 */
export function randomPathsScript(paths: string[], unique = false): string {
  const suffix = unique ? ' .. "&_=" .. math.random(1000000000)' : '';
  return `math.randomseed(${Date.now() % 100000})
local paths = {${paths.map((p) => `"${p}"`).join(',')}}
request = function()
  return wrk.format("GET", paths[math.random(#paths)]${suffix})
end
`;
}
