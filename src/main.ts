import http from 'node:http';
import { config, ConfigError } from './config.ts';
import { openDatabase } from './db/database.ts';
import { systemClock } from './clock.ts';
import { createLogger } from './logger.ts';
import { createApp } from './web/server.tsx';
import { portalListener } from './web/fast-public.ts';
import { answerClientError } from './web/client-error.ts';
import { isEmpty, prepareDatabase } from './setup.ts';
import { formatDemoAccounts, loadDemo } from './demo/load-demo.ts';
import { systemActor } from './context.ts';
import { startWorker } from './jobs/worker.ts';
import { watchPortal } from './portal/portal-watch.ts';
import { setSenders, smtpEmailSender } from './notifications/senders.ts';
import { featureJobHandlers, featureSchedules } from './features.ts';

process.env.TZ = 'Asia/Shanghai';

/** Start the server: config → database (migrated, seeded; demo township on first start) → web + job worker. */
export async function startServer(): Promise<{ close(): Promise<void>; port: number }> {
  const cfg = config();
  const logger = createLogger(cfg.logLevel);
  const db = openDatabase(cfg.database, { pgPoolSize: cfg.pgPoolSize });
  const clock = systemClock;
  await prepareDatabase(db, clock);
  if (cfg.demo && (await isEmpty(db))) {
    try {
      const accounts = await loadDemo({ db, clock, actor: systemActor('演示数据'), meta: { ip: null } });
      process.stdout.write(formatDemoAccounts(accounts) + '\n');
    } catch (e) {
      // Several instances starting together on one PostgreSQL database: the first one loads the demo.
      if (await isEmpty(db)) throw e;
      logger.info('demo township loaded by another instance');
    }
  }
  setSenders({
    publicUrl: cfg.publicUrl,
    ...(cfg.mail.smtpUrl ? { email: smtpEmailSender(cfg.mail.smtpUrl, cfg.mail.from) } : {}),
  });
  // Several nodes on one PostgreSQL: each hears of the others' portal changes instead of asking per request.
  const portalWatch =
    cfg.database.kind === 'postgres' ? watchPortal(cfg.database.url, (msg) => logger.warn(msg)) : undefined;
  const deps = { db, clock, config: cfg, logger, portalWatch };
  const app = createApp(deps);
  const worker = cfg.worker
    ? startWorker({ db, clock, logger }, { handlers: featureJobHandlers(), schedules: featureSchedules() })
    : null;
  // Cached public pages are answered before the framework (src/web/fast-public.ts), the rest by the app.
  const server = http.createServer(portalListener(app, deps));
  // What Node's parser refuses (raw bytes in the address, huge headers) gets a page in Chinese, not a bare 400.
  server.on('clientError', answerClientError);
  server.listen(cfg.port, cfg.host);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : cfg.port;
  logger.info({ port, database: cfg.database.kind }, `gongkai 已启动: http://localhost:${port}`);
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await worker?.stop();
      await new Promise<void>((r) => server.close(() => r()));
      await portalWatch?.close();
      await db.destroy();
    })());
  return { close, port };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer().then(
    (s) => {
      const stop = (sig: string) => {
        process.stdout.write(`\n收到 ${sig}，正在关闭…\n`);
        void s.close().then(() => process.exit(0));
        setTimeout(() => process.exit(1), 10_000).unref();
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    },
    (e) => {
      if (e instanceof ConfigError) process.stderr.write(e.message + '\n');
      else
        process.stderr.write(
          `启动失败 / failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
        );
      process.exit(1);
    },
  );
}
