import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Either a database handle or an open transaction: what read-only queries accept. */
export type DbOrTrx = Kysely<DB> | Transaction<DB>;

const dialects = new WeakMap<object, Dialect>();

// PostgreSQL returns int8 (counts) as strings and turns dates into JS Dates; normalise both at the driver.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(1700, (v) => v); // numeric stays a string: decimals are never floats

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface OpenOptions {
  pgPoolSize?: number;
}

/** Open the database: SQLite (WAL, foreign keys, busy timeout) or PostgreSQL (pool). */
export function openDatabase(target: DatabaseTarget, opts: OpenOptions = {}): Db {
  let db: Db;
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:')
      fs.mkdirSync(path.dirname(path.resolve(target.file)), { recursive: true });
    const raw = new SqliteDatabase(target.file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    raw.pragma('synchronous = NORMAL');
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
    sqliteHandles.set(db, raw);
  } else {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: opts.pgPoolSize ?? 10,
    });
    pool.on('connect', (client) => {
      // Named statements (PREPARED_MARK) are still planned for their values: only parsing is saved. Set by a
      // statement, not a startup option: the operator's own `options` (DATABASE_URL, PGOPTIONS) stay as given, and
      // a pooler that refuses unknown startup parameters (pgbouncer) passes it. The client runs its queries in order,
      // so this one runs before any other on the connection.
      client.query('set plan_cache_mode = force_custom_plan').catch((err: unknown) => {
        process.emitWarning(`PostgreSQL plan_cache_mode not set: ${(err as Error).message}`);
      });
      preparedStatements(client);
    });
    // An idle connection the server drops (restart, failover, admin command) must not crash the process: the pool
    // discards it and opens a new one on the next query.
    pool.on('error', (err) => {
      process.emitWarning(`PostgreSQL idle connection closed: ${err.message}`);
    });
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  }
  dialects.set(db, target.kind);
  return db;
}

/**
 * A PostgreSQL statement whose text starts with this comment runs as a named prepared statement (its name is a hash
 * of the text): each connection parses it once instead of per query. For the hot statements of a page with a fixed
 * text (the portal search); Kysely sends every other statement unnamed. `plan_cache_mode=force_custom_plan`, set on
 * each of the pool's connections when it opens, keeps them planned for each query's values, as an unnamed statement is (a generic plan could
 * rank a county-wide search with a township's plan). See docs/scale.md, the search pass.
 */
export const PREPARED_MARK = '/* gk:prepared */ ';
const statementNames = new Map<string, string>();

function preparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: (...args: unknown[]) => unknown }).query = (text: unknown, ...rest: unknown[]) => {
    if (typeof text !== 'string' || !text.startsWith(PREPARED_MARK) || !Array.isArray(rest[0]))
      return query(text, ...rest);
    let name = statementNames.get(text);
    if (!name) {
      if (statementNames.size >= 1000) statementNames.clear();
      name = `gk_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      statementNames.set(text, name);
    }
    return query({ name, text, values: rest[0] }, ...rest.slice(1));
  };
}

/** Prepared statements kept per SQLite connection (distinct query texts; the cache starts over when full). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * The connection as Kysely sees it, preparing each distinct SQL text once: Kysely's SQLite driver prepares every
 * query anew, which costs as much as running a small indexed query (docs/scale.md, the village pages). The app has a
 * few hundred distinct texts (lists of ids make more), so a full cache is simply emptied rather than kept in LRU
 * order. A statement busy in an iteration is never handed out twice (a fresh one is prepared; Kysely holds the
 * connection during a stream, so this is a guard); SQLite re-prepares a cached statement by itself after a schema
 * change (src/db/statement-cache.test.ts).
 */
function withStatementCache(raw: SqliteDatabase.Database): {
  prepare(sql: string): SqliteDatabase.Statement;
  close(): void;
} {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(sql) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) return hit;
      const st = raw.prepare(sql);
      if (!hit) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        cache.set(sql, st);
      }
      return st;
    },
    close() {
      cache.clear();
      raw.close();
    },
  };
}

const sqliteHandles = new WeakMap<object, SqliteDatabase.Database>();

/** The raw better-sqlite3 handle (online backup, FTS maintenance); undefined on PostgreSQL. */
export function sqliteHandle(db: Db): SqliteDatabase.Database | undefined {
  return sqliteHandles.get(db);
}

/** Which SQL dialect a handle (or a transaction opened from it) speaks. */
export function dialectOf(db: DbOrTrx): Dialect {
  const d = dialects.get(db);
  if (d) return d;
  // Transactions are distinct objects; fall back to the adapter's class name.
  const name = db.getExecutor().adapter.constructor.name;
  return name.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

/**
 * An aggregate (in a grouped select) that gives each group's rows as one JSON text, `[[a, b, …], …]`: what a
 * statement sends when it reads many small rows per agency (the driver then decodes one row per group, and the
 * app one JSON.parse). `items` are the expressions of each row's array; jsonText() embeds a column holding JSON.
 */
export function jsonRowsAgg(db: DbOrTrx, items: readonly RawBuilder<unknown>[]): RawBuilder<string> {
  const list = sql.join([...items]);
  return dialectOf(db) === 'postgres'
    ? sql<string>`json_agg(json_build_array(${list}))::text`
    : sql<string>`json_group_array(json_array(${list}))`;
}

/** A text column holding JSON, as a JSON value inside jsonRowsAgg (not as a string). */
export function jsonText(db: DbOrTrx, column: string): RawBuilder<unknown> {
  return dialectOf(db) === 'postgres' ? sql`${sql.ref(column)}::json` : sql`json(${sql.ref(column)})`;
}

/** Ping the database (health check). */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
