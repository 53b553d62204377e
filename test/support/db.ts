/**
 * Runs a database test suite once per dialect: SQLite (a fresh file) and PostgreSQL (a fresh database per
 * test file, dropped at the end). PostgreSQL is skipped when unreachable, unless GONGKAI_REQUIRE_PG=1 (CI).
 */
import { after, before, describe } from 'node:test';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseTarget, type Db, type Dialect } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrator.ts';
import { wireFeatures } from '../../src/features.ts';

export const PG_ADMIN_URL = process.env.GONGKAI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let pgAvailable: Promise<boolean> | undefined;
async function probePg(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A server that is starting (or busy with other test files) may refuse a first connection: try a few times. */
async function checkPg(): Promise<boolean> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    if (await probePg()) return true;
    await new Promise((r) => setTimeout(r, 1000 * attempt));
  }
  return false;
}

let warned = false;

/** Whether PostgreSQL answers (after retries); throws when it is required (CI) and does not, warns loudly otherwise. */
export async function postgresAvailable(): Promise<boolean> {
  pgAvailable ??= checkPg();
  const ok = await pgAvailable;
  if (!ok && process.env.GONGKAI_REQUIRE_PG === '1') {
    throw new Error(`PostgreSQL is required (GONGKAI_REQUIRE_PG=1) but ${PG_ADMIN_URL} does not answer`);
  }
  if (!ok && !warned) {
    warned = true;
    process.stderr.write(
      `\n*** PostgreSQL does not answer at ${PG_ADMIN_URL} after 5 tries: every PostgreSQL suite is SKIPPED. ***\n` +
        `*** CI requires it (GONGKAI_REQUIRE_PG=1); start PostgreSQL or set GONGKAI_TEST_PG_URL.            ***\n\n`,
    );
  }
  return ok;
}

export interface TestDatabase {
  db: Db;
  dialect: Dialect;
  url: string;
  close(): Promise<void>;
}

/** Create a fresh database of a dialect, migrated to HEAD unless `migrate: false` (the upgrade test). */
export async function createTestDatabase(
  dialect: Dialect,
  opts: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  wireFeatures();
  const migrate = opts.migrate ?? true;
  const name = `gk_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-test-'));
    const file = path.join(dir, 'test.db');
    const db = openDatabase({ kind: 'sqlite', file });
    if (migrate) await migrateToLatest(db);
    return {
      db,
      dialect,
      url: `sqlite:${file}`,
      close: async () => {
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const db = openDatabase({ kind: 'postgres', url }, { pgPoolSize: 5 });
  if (migrate) await migrateToLatest(db);
  return {
    db,
    dialect,
    url,
    close: async () => {
      await db.destroy();
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

const PG_OK = await postgresAvailable();

/**
 * describe() the suite once per dialect, with no suite database: for tests that create their own (the CLI run as its
 * own process on a fresh installation). PostgreSQL is skipped only when unreachable and not required.
 */
export function describeForEachDialect(title: string, fn: (dialect: Dialect) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const skip = dialect === 'postgres' && !PG_OK ? 'PostgreSQL not reachable' : false;
    describe(`${title} [${dialect}]`, { skip }, () => fn(dialect));
  }
}

/**
 * describe() the suite once per dialect. `fn` receives a getter for the suite's database (valid inside tests).
 */
export function describeEachDialect(title: string, fn: (t: () => TestDatabase) => void): void {
  describeForEachDialect(title, (dialect) => {
    let tdb: TestDatabase | undefined;
    before(async () => {
      tdb = await createTestDatabase(dialect);
    });
    after(async () => {
      await tdb?.close();
    });
    fn(() => {
      if (!tdb) throw new Error('test database not ready');
      return tdb;
    });
  });
}

/** How to open this test database a second time (the CLI opens, prepares and closes its own connection). */
export function targetOf(t: TestDatabase): DatabaseTarget {
  return t.dialect === 'sqlite'
    ? { kind: 'sqlite', file: t.url.slice('sqlite:'.length) }
    : { kind: 'postgres', url: t.url };
}
