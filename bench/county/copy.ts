/**
 * Bulk loading for the county bench: rows streamed into PostgreSQL with COPY … FROM STDIN (pg-copy-streams), in
 * COPY's text format, with the table's secondary indexes dropped before and rebuilt after (as a real bulk load is
 * done: one sorted index build is far cheaper than a million incremental inserts into a GIN index).
 */
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Cell = string | number | null;

/** One value in COPY's text format: \N for null; backslash, tab, newline and carriage return escaped. */
export function copyText(v: Cell): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return v.replace(/[\\\t\n\r]/g, (ch) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[ch]!);
}

/** Stream `rows` into `table` (columns in order) through one COPY; waits for the socket to drain as it goes. */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly Cell[]>,
): Promise<number> {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', () => resolve());
    stream.on('error', reject);
  });
  let n = 0;
  let chunk = '';
  for (const row of rows) {
    chunk += row.map(copyText).join('\t') + '\n';
    n++;
    if (chunk.length > 1 << 20) {
      if (!stream.write(chunk)) await new Promise<void>((r) => stream.once('drain', () => r()));
      chunk = '';
    }
  }
  stream.end(chunk);
  await done;
  return n;
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
