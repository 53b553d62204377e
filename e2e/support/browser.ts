/**
 * Browser journeys: Debian's /usr/bin/chromium driven by playwright-core (never a downloaded browser), against
 * the real app served on a loopback port with a fresh SQLite database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/web/server.tsx';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { systemClock, type Clock } from '../../src/clock.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { prepareDatabase } from '../../src/setup.ts';
import { TEST_PASSWORD } from '../../test/support/factories.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const OUTPUT_DIR = path.resolve(import.meta.dirname, '../output');

/** Skip reason when no browser is installed (never skipped when GONGKAI_REQUIRE_BROWSER=1). */
export function browserSkip(): string | false {
  if (fs.existsSync(CHROMIUM)) return false;
  if (process.env.GONGKAI_REQUIRE_BROWSER === '1')
    throw new Error(`GONGKAI_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing`);
  return 'Chromium not installed (/usr/bin/chromium)';
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface RunningApp {
  url: string;
  tdb: TestDatabase;
  close(): Promise<void>;
}

/** Serve the app on a free loopback port over a fresh, prepared SQLite database (a frozen clock when given). */
export async function startTestServer(opts: { clock?: Clock } = {}): Promise<RunningApp> {
  const clock = opts.clock ?? systemClock;
  const tdb = await createTestDatabase('sqlite');
  await prepareDatabase(tdb.db, clock);
  const config = parseConfig({ GONGKAI_DATA_DIR: fs.mkdtempSync('/tmp/gongkai-e2e-'), GONGKAI_WORKER: '0' });
  const app = createApp({ db: tdb.db, clock, config, logger: createLogger('silent') });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    tdb,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await tdb.close();
    },
  };
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  return path.join(OUTPUT_DIR, `${name}.png`);
}

/**
 * Sign a page in through the real form (the factories' test password by default) and wait for the dashboard
 * (cookies of an earlier user are cleared).
 */
export async function signInAs(
  page: Page,
  baseUrl: string,
  username: string,
  password = TEST_PASSWORD,
): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/office/sign-in`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '工作台' }).waitFor();
}
