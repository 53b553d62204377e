/**
 * Puts rows into every table of a database whatever its schema (the upgrade test fills an old commit's schema):
 * tables in foreign-key order, every required column given a value of its type (a foreign key points at the
 * parent's first row). Returns the tables that refused generic rows (e.g. a CHECK on a closed set of values), so the
 * test can say what it could not fill.
 */
import { sql, type Kysely } from 'kysely';
import type { Db, Dialect } from '../../src/db/database.ts';
import { tableNames } from './schema-snapshot.ts';

interface Column {
  name: string;
  type: string;
  required: boolean;
  isPk: boolean;
  generated: boolean;
}

async function columnsOf(db: Db, dialect: Dialect, table: string): Promise<Column[]> {
  if (dialect === 'sqlite') {
    const r = await sql<{ name: string; type: string; notnull: number; dflt_value: unknown; pk: number }>`
      select * from pragma_table_info(${table})`.execute(db);
    return r.rows.map((c) => ({
      name: c.name,
      type: c.type.toLowerCase(),
      required: c.notnull === 1 && c.dflt_value === null,
      isPk: c.pk > 0,
      generated: false,
    }));
  }
  const r = await sql<{
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
    is_generated: string;
  }>`select column_name, data_type, is_nullable, column_default, is_generated from information_schema.columns
     where table_schema = 'public' and table_name = ${table} order by ordinal_position`.execute(db);
  return r.rows.map((c) => ({
    name: c.column_name,
    type: c.data_type.toLowerCase(),
    required: c.is_nullable === 'NO' && c.column_default === null,
    isPk: c.column_default?.startsWith('nextval(') ?? false,
    generated: c.is_generated === 'ALWAYS',
  }));
}

async function foreignKeys(db: Db, dialect: Dialect, table: string): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  if (dialect === 'sqlite') {
    const r = await sql<{
      from: string;
      table: string;
    }>`select "from", "table" from pragma_foreign_key_list(${table})`.execute(db);
    for (const f of r.rows) m.set(f.from, f.table);
  } else {
    const r = await sql<{
      col: string;
      ref: string;
    }>`select a.attname as col, c.confrelid::regclass::text as ref
      from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.conrelid = ${table}::regclass`.execute(db);
    for (const f of r.rows) m.set(f.col, f.ref.replace(/"/g, ''));
  }
  return m;
}

/** Insert `perTable` rows into every table; returns the tables that refused them. */
export async function fillEveryTable(db: Db, dialect: Dialect, perTable = 2): Promise<string[]> {
  const tables = await tableNames(db, dialect);
  // Tables found by name at run time, with rows built column by column: no schema type applies.
  const untyped = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const fks = new Map<string, Map<string, string>>();
  for (const t of tables) fks.set(t, await foreignKeys(db, dialect, t));
  // Parents before children (self-references ignored).
  const ordered: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (ordered.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const ref of fks.get(t)?.values() ?? []) if (ref !== t && tables.includes(ref)) visit(ref, seen);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  const firstId = new Map<string, number>();
  const refused: string[] = [];
  for (const t of ordered) {
    // SQLite's FTS shadow tables and virtual tables are written by their triggers, not by hand.
    if (dialect === 'sqlite' && (/_fts($|_)/.test(t) || t.endsWith('_fts'))) continue;
    const cols = await columnsOf(db, dialect, t);
    const fk = fks.get(t)!;
    try {
      for (let i = 1; i <= perTable; i++) {
        const row: Record<string, unknown> = {};
        for (const c of cols) {
          if (c.generated || (c.isPk && c.name === 'id')) continue;
          const ref = fk.get(c.name);
          if (ref) {
            const id = firstId.get(ref);
            if (id !== undefined) row[c.name] = id;
            else if (c.required) throw new Error(`parent ${ref} empty`);
            continue;
          }
          if (!c.required && !c.isPk) continue;
          if (/int|serial|numeric|real|double/.test(c.type)) row[c.name] = i;
          else if (/bool/.test(c.type)) row[c.name] = true;
          else if (/blob|bytea/.test(c.type)) row[c.name] = Buffer.from(`row ${i}`);
          else if (c.type === 'date') row[c.name] = `2026-01-0${i}`;
          else if (/timestamp/.test(c.type)) row[c.name] = new Date(Date.UTC(2026, 0, i));
          else if (/tsvector/.test(c.type)) row[c.name] = sql`to_tsvector('simple', ${'row ' + i})`;
          else row[c.name] = /_on$/.test(c.name) ? `2026-01-0${i}` : `${t}-${c.name}-${i}`;
        }
        const r = await untyped.insertInto(t).values(row).returningAll().executeTakeFirst();
        const id = (r as Record<string, unknown> | undefined)?.id;
        if (i === 1 && id !== undefined && id !== null) firstId.set(t, Number(id));
      }
    } catch {
      refused.push(t);
    }
  }
  return refused;
}
