/** Run the CLI in-process with its output captured, or as its own process on a fresh installation of a dialect. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/command.ts';
import type { Dialect } from '../../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

/** Run `gongkai <argv…>`: the exit code and what it wrote to stdout and stderr. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = {
    out: (s) => stdout.push(s),
    err: (s) => stderr.push(s),
    stdin: async () => '',
    isTty: false,
  };
  const code = await runCli(argv, io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

const root = path.resolve(import.meta.dirname, '../..');

/** What the CLI process reads from its environment; an `undefined` value removes the variable. */
export type CliEnv = Record<string, string | undefined>;

/**
 * Run the real CLI as a user would, as its own process (so config parsing, database creation and exit codes are
 * exercised): the exit code and its stdout and stderr.
 */
export function cliProcess(args: string[], env: CliEnv = {}, input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, TZ: 'Asia/Shanghai', LOG_LEVEL: 'silent', ...env },
    input,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export interface FreshInstallation {
  /** The data directory (uploads; on SQLite also the database file gongkai.db). */
  dir: string;
  /** The environment that points the CLI at this installation. */
  env: CliEnv;
  /** Remove the data directory and, on PostgreSQL, drop the database. */
  close(): Promise<void>;
}

/**
 * A fresh, empty installation the CLI process creates and migrates itself: a new data directory, and on
 * PostgreSQL a new empty database named by DATABASE_URL (on SQLite no DATABASE_URL: the file goes under the
 * data directory, as on a fresh checkout).
 */
export async function freshInstallation(
  dialect: Dialect,
  prefix = 'gongkai-cli-',
): Promise<FreshInstallation> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  let pg: TestDatabase | undefined;
  try {
    if (dialect === 'postgres') pg = await createTestDatabase('postgres', { migrate: false });
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    dir,
    env: { GONGKAI_DATA_DIR: dir, DATABASE_URL: pg?.url },
    close: async () => {
      fs.rmSync(dir, { recursive: true, force: true });
      await pg?.close();
    },
  };
}
