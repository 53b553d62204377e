import path from 'node:path';
import { z } from 'zod';

/** The one reader of process.env: parsed once, frozen, failing fast with a one-line message. */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres:// or sqlite:')
    .optional(),
  GONGKAI_DATA_DIR: z.string().min(1).default('./data'),
  GONGKAI_DEMO: z.enum(['0', '1']).default('1'),
  NODE_ENV: z.string().optional(),
  GONGKAI_PUBLIC_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'must start with http:// or https://')
    .optional(),
  GONGKAI_SECURE_COOKIES: z.enum(['0', '1', 'auto']).default('auto'),
  GONGKAI_WORKER: z.enum(['0', '1']).default('1'),
  GONGKAI_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  GONGKAI_MAX_FORM_KB: z.coerce.number().int().min(16).max(102400).default(1024),
  GONGKAI_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(2048).default(60),
  GONGKAI_APPLY_LIMIT: z
    .string()
    .regex(/^\d+\/\d+$/, 'must be COUNT/MINUTES, e.g. 10/60')
    .default('10/60'),
  GONGKAI_SEARCH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  GONGKAI_FILE_STORE: z.enum(['disk', 'database']).default('disk'),
  GONGKAI_PG_POOL: z.coerce.number().int().min(1).max(200).default(10),
  GONGKAI_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  GONGKAI_MAIL_FROM: z.string().min(3).default('政务公开平台 <gongkai@localhost>'),
  GONGKAI_COLUMN_PREFIX: z
    .string()
    .regex(/^\/[a-z0-9-]{1,32}$/, 'must be one path segment such as /xxgk')
    .default('/xxgk'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = Readonly<{
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  /**
   * Where files live (src/storage): `disk` under dataDir/uploads (one machine), or `database` (chunks in the database,
   * for several app nodes; move existing files with `gongkai files migrate`).
   */
  fileStore: 'disk' | 'database';
  demo: boolean;
  /**
   * The portal's public address without a trailing slash: the only source of absolute URLs (sitemap, RSS, permanent
   * links). Required in production; locally http://localhost:PORT.
   */
  publicUrl: string;
  secureCookies: 'always' | 'never' | 'auto';
  /** Where each agency's 信息公开 column lives (`<prefix>/<agency code>/…`) and the county home (`<prefix>`). */
  columnPrefix: string;
  worker: boolean;
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy that sets it). */
  trustProxy: boolean;
  pgPoolSize: number;
  logLevel: string;
  /** Largest request body in bytes: `form` for every route, `upload` for the routes that take files. */
  bodyLimits: { form: number; upload: number };
  /** Public submissions (the apply form, the Q&A form to come) allowed per client address and per applicant. */
  publicSubmitLimit: { count: number; windowMs: number };
  /** Uncached portal searches running at once; more wait their turn, beyond a queue they get 503. */
  searchConcurrency: number;
  /** Outgoing e-mail: the SMTP server (none: e-mails are only logged) and the sender address. */
  mail: { smtpUrl: string | null; from: string };
}>;

export class ConfigError extends Error {}

/** Parse an environment into a Config. Throws ConfigError with a Chinese+English one-liner. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    throw new ConfigError(
      `配置错误 / invalid configuration: ${key}=${JSON.stringify(env[key] ?? '')} — ${issue.message}`,
    );
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.GONGKAI_PUBLIC_URL) {
    throw new ConfigError(
      '配置错误 / invalid configuration: GONGKAI_PUBLIC_URL — 生产环境必须配置门户的公开网址 / required when NODE_ENV=production',
    );
  }
  const dataDir = path.resolve(e.GONGKAI_DATA_DIR);
  const url = e.DATABASE_URL;
  const database: Config['database'] =
    url && url.startsWith('postgres')
      ? { kind: 'postgres', url }
      : {
          kind: 'sqlite',
          file: url ? url.replace(/^sqlite:/, '') || ':memory:' : path.join(dataDir, 'gongkai.db'),
        };
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    database,
    dataDir,
    fileStore: e.GONGKAI_FILE_STORE,
    demo: e.GONGKAI_DEMO === '1',
    publicUrl: (e.GONGKAI_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    secureCookies: ({ '0': 'never', '1': 'always', auto: 'auto' } as const)[e.GONGKAI_SECURE_COOKIES],
    worker: e.GONGKAI_WORKER === '1',
    trustProxy: e.GONGKAI_TRUST_PROXY === '1',
    pgPoolSize: e.GONGKAI_PG_POOL,
    logLevel: e.LOG_LEVEL,
    bodyLimits: { form: e.GONGKAI_MAX_FORM_KB * 1024, upload: e.GONGKAI_MAX_UPLOAD_MB * 1024 * 1024 },
    publicSubmitLimit: {
      count: Number(e.GONGKAI_APPLY_LIMIT.split('/')[0]),
      windowMs: Number(e.GONGKAI_APPLY_LIMIT.split('/')[1]) * 60 * 1000,
    },
    searchConcurrency: e.GONGKAI_SEARCH_CONCURRENCY,
    mail: { smtpUrl: e.GONGKAI_SMTP_URL ?? null, from: e.GONGKAI_MAIL_FROM },
    columnPrefix: e.GONGKAI_COLUMN_PREFIX,
  });
}

let cached: Config | undefined;
/** The process configuration, read once from process.env. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
