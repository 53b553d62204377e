/**
 * Bulk loading for the county bench: rows streamed into PostgreSQL with COPY … FROM STDIN (pg-copy-streams), in
 * COPY's text format, with the table's secondary indexes dropped before and rebuilt after (as a real bulk load is
 * done: one sorted index build is far cheaper than a million incremental inserts into a GIN index).
 *
 * What makes a load fast here (measured, docs/scale.md "Loading"): each loading connection skips the foreign-key
 * triggers (`session_replication_role = replica`: the generator only writes ids it read from the database) and
 * commits asynchronously; a table that is empty, and whose referencing tables are all empty, is truncated and
 * loaded with `COPY … FREEZE` in one transaction, so its rows are written frozen and all-visible (the VACUUM after
 * the load has nothing left to rewrite); several tables are loaded at once, one COPY stream per connection, from one
 * pass of the generator; and index builds get `maintenance_work_mem` (GIN builds in memory instead of in batches).
 */
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Cell = string | number | null;

const SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format: \N for null; backslash, tab, newline and carriage return escaped. */
export function copyText(v: Cell): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  if (!SPECIAL.test(v)) return v;
  return v.replace(/[\\\t\n\r]/g, (ch) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[ch]!);
}

/** One row as a line of COPY's text format. */
export function copyLine(row: readonly Cell[]): string {
  let s = copyText(row[0]!);
  for (let i = 1; i < row.length; i++) s += '\t' + copyText(row[i]!);
  return s + '\n';
}

/** A loading connection's settings (session only): no FK triggers, asynchronous commit, memory for index builds. */
export async function loadingSession(client: pg.ClientBase): Promise<void> {
  await client.query(`set session_replication_role = replica`);
  await client.query(`set synchronous_commit = off`);
  await client.query(`set maintenance_work_mem = '1GB'`);
  await client.query(`set max_parallel_maintenance_workers = 2`);
}

/** A new connection with the loading settings. */
export async function loadingClient(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await loadingSession(c);
  return c;
}

/**
 * When `table` and every table referencing it (recursively) are empty: truncate them all, inside the caller's open
 * transaction, so that a COPY in the same transaction may use FREEZE. Returns whether it did.
 */
async function truncateIfEmpty(client: pg.ClientBase, table: string): Promise<boolean> {
  const r = await client.query<{ t: string }>(
    `with recursive refs(oid) as (
       select $1::regclass::oid
       union select c.conrelid from pg_constraint c join refs on c.confrelid = refs.oid where c.contype = 'f')
     select oid::regclass::text as t from refs`,
    [table],
  );
  const tables = r.rows.map((x) => x.t);
  for (const t of tables) {
    const n = await client.query(`select exists (select 1 from ${t}) as any`);
    if (n.rows[0].any) return false;
  }
  await client.query(`truncate ${tables.join(', ')}`);
  return true;
}

export interface CopyTarget {
  client: pg.ClientBase;
  table: string;
  columns: readonly string[];
}

interface OpenCopy {
  stream: ReturnType<typeof copyFrom>;
  done: Promise<void>;
  failed: Promise<never>;
  chunk: string;
  n: number;
}

/** Open one transaction and COPY stream per target (FREEZE when its table could be emptied first). */
async function openCopies(targets: readonly CopyTarget[]): Promise<OpenCopy[]> {
  const streams: OpenCopy[] = [];
  for (const t of targets) {
    await t.client.query('begin');
    const freeze = await truncateIfEmpty(t.client, t.table);
    const stream = t.client.query(
      copyFrom(`copy ${t.table} (${t.columns.join(', ')}) from stdin${freeze ? ' with (freeze)' : ''}`),
    );
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    // A failed COPY rejects `done`; a writer waiting for 'drain' must see it too, or it would wait forever.
    const failed = new Promise<never>((_, reject) => stream.on('error', reject));
    failed.catch(() => undefined);
    streams.push({ stream, done, failed, chunk: '', n: 0 });
  }
  return streams;
}

/** Write to a COPY stream; when its buffer is full, wait until it drains (or the COPY fails). */
async function put(s: OpenCopy, data: string | Uint8Array): Promise<void> {
  if (!s.stream.write(data))
    await Promise.race([new Promise<void>((r) => s.stream.once('drain', () => r())), s.failed]);
}

/** End every stream, wait for PostgreSQL to take the last rows, commit (or roll back every target on failure). */
async function finish(
  targets: readonly CopyTarget[],
  streams: OpenCopy[],
  write: () => Promise<void>,
): Promise<void> {
  try {
    await write();
    for (const s of streams) s.stream.end(s.chunk);
    await Promise.all(streams.map((s) => s.done));
    for (const t of targets) await t.client.query('commit');
  } catch (e) {
    for (const t of targets) await t.client.query('rollback').catch(() => undefined);
    throw e;
  }
}

/**
 * Stream rows into several tables at once from one pass of `rows`: each item holds one row (or null) per target,
 * in the order of `targets`, and each target has its own connection and COPY stream (so PostgreSQL parses and
 * writes them in parallel backends while this process generates). Each target is loaded in one transaction, with
 * FREEZE when its table could be emptied first (see truncateIfEmpty). Returns the rows written per target.
 */
export async function copyMany(
  targets: readonly CopyTarget[],
  rows: Iterable<readonly (readonly Cell[] | null)[]>,
): Promise<number[]> {
  const streams = await openCopies(targets);
  await finish(targets, streams, async () => {
    for (const item of rows) {
      for (let i = 0; i < streams.length; i++) {
        const row = item[i];
        if (!row) continue;
        const s = streams[i]!;
        s.chunk += copyLine(row);
        s.n++;
        if (s.chunk.length > 1 << 20) {
          const chunk = s.chunk;
          s.chunk = '';
          await put(s, chunk);
        }
      }
    }
  });
  return streams.map((s) => s.n);
}

/** A block of ready COPY text (UTF-8) per target, and the rows in each. */
export interface CopyChunk {
  data: (Uint8Array | null)[];
  rows: number[];
}

/**
 * copyMany for rows generated elsewhere (worker threads): each chunk carries one block of COPY text per target,
 * written in the order the chunks come. Returns the rows written per target.
 */
export async function copyChunks(
  targets: readonly CopyTarget[],
  chunks: AsyncIterable<CopyChunk>,
): Promise<number[]> {
  const streams = await openCopies(targets);
  await finish(targets, streams, async () => {
    for await (const c of chunks) {
      const writes: Promise<void>[] = [];
      for (let i = 0; i < streams.length; i++) {
        const d = c.data[i];
        streams[i]!.n += c.rows[i] ?? 0;
        if (d && d.length) writes.push(put(streams[i]!, d));
      }
      await Promise.all(writes);
    }
  });
  return streams.map((s) => s.n);
}

/** Stream `rows` into `table` (columns in order) through one COPY (copyMany with one target). */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly Cell[]>,
): Promise<number> {
  const one = (function* () {
    for (const r of rows) yield [r];
  })();
  return (await copyMany([{ client, table, columns }], one))[0]!;
}

/** Drop a table's non-constraint indexes; returns their definitions to rebuild with `rebuildIndexes`. */
export async function dropSecondaryIndexes(client: pg.ClientBase, table: string): Promise<string[]> {
  const r = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.tablename = $1 and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [table],
  );
  for (const x of r.rows) await client.query(`drop index ${x.name}`);
  return r.rows.map((x) => x.def);
}

export async function rebuildIndexes(client: pg.ClientBase, defs: readonly string[]): Promise<void> {
  for (const d of defs) await client.query(d);
}
