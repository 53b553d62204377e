/**
 * The server as GONGKAI_BENCH_PROCESSES Node processes sharing one port (node:cluster: the primary accepts and hands
 * connections to the workers in turn), as a county could run several app processes on one machine instead of
 * several machines behind nginx. Each worker is the real server (src/main.ts's startServer) with its own pool and
 * search gate. Used by the county bench only (tools.ts startApp/restart).
 */
import cluster from 'node:cluster';
import fs from 'node:fs';

const processes = Number(process.env.GONGKAI_BENCH_PROCESSES ?? 2);

if (cluster.isPrimary) {
  let alive = processes;
  let listening = 0;
  for (let i = 0; i < processes; i++) cluster.fork();
  // Every worker listening: the bench may start (GONGKAI_BENCH_READY names the file it waits for).
  cluster.on('listening', () => {
    if (++listening === processes && process.env.GONGKAI_BENCH_READY)
      fs.writeFileSync(process.env.GONGKAI_BENCH_READY, 'ready');
  });
  cluster.on('exit', () => {
    if (--alive === 0) process.exit(0);
  });
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  });
} else {
  const { startServer } = await import('../../src/main.ts');
  const server = await startServer();
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
}
