/**
 * A comparable description of a database's schema (tables, columns, indexes, triggers, constraints) and its row
 * counts, on SQLite and PostgreSQL, for the upgrade test: an upgraded database must equal a fresh one.
 */
import { sql } from 'kysely';
import type { Db, Dialect } from '../../src/db/database.ts';

const MIGRATOR_TABLES = /^kysely_migration/;

export async function tableNames(db: Db, dialect: Dialect): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'
          and name not like 'sqlite_%' order by name`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return rows.rows.map((r) => r.name).filter((n) => !MIGRATOR_TABLES.test(n));
}

export async function schemaSnapshot(db: Db, dialect: Dialect): Promise<string[]> {
  const out: string[] = [];
  if (dialect === 'sqlite') {
    for (const t of await tableNames(db, dialect)) {
      const cols = await sql<Record<string, unknown>>`select * from pragma_table_info(${t})`.execute(db);
      for (const c of cols.rows)
        out.push(`column ${t}.${c.name} ${c.type} nn=${c.notnull} d=${c.dflt_value} pk=${c.pk}`);
      const fks = await sql<Record<string, unknown>>`select * from pragma_foreign_key_list(${t})`.execute(db);
      for (const f of fks.rows) out.push(`fk ${t}.${f.from} -> ${f.table}.${f.to} ${f.on_delete}`);
      const idx = await sql<{
        name: string;
        unique: number;
      }>`select name, "unique" from pragma_index_list(${t})`.execute(db);
      for (const i of idx.rows) {
        const ic = await sql<{
          name: string;
        }>`select name from pragma_index_info(${i.name}) order by seqno`.execute(db);
        const auto = i.name.startsWith('sqlite_autoindex') ? 'auto' : i.name;
        out.push(`index ${t} ${auto} unique=${i.unique} (${ic.rows.map((r) => r.name).join(',')})`);
      }
    }
    const other = await sql<{ type: string; name: string; tbl_name: string; sql: string | null }>`
      select type, name, tbl_name, sql from sqlite_master where type in ('trigger', 'view') order by name`.execute(
      db,
    );
    for (const o of other.rows)
      out.push(`${o.type} ${o.tbl_name} ${o.name} ${(o.sql ?? '').replace(/\s+/g, ' ')}`);
    const virt = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
      where type = 'table' and sql like 'CREATE VIRTUAL%' order by name`.execute(db);
    for (const v of virt.rows) out.push(`virtual ${v.name} ${v.sql.replace(/\s+/g, ' ')}`);
  } else {
    const cols = await sql<Record<string, unknown>>`select table_name, column_name, data_type, is_nullable,
        column_default from information_schema.columns where table_schema = 'public'
        order by table_name, ordinal_position`.execute(db);
    for (const c of cols.rows)
      if (!MIGRATOR_TABLES.test(String(c.table_name)))
        out.push(
          `column ${c.table_name}.${c.column_name} ${c.data_type} null=${c.is_nullable} d=${c.column_default}`,
        );
    const idx = await sql<{ tablename: string; indexdef: string }>`select tablename, indexdef from pg_indexes
        where schemaname = 'public' order by tablename, indexname`.execute(db);
    for (const i of idx.rows) if (!MIGRATOR_TABLES.test(i.tablename)) out.push(`index ${i.indexdef}`);
    const cons = await sql<Record<string, unknown>>`select conrelid::regclass::text as t, conname, contype,
        pg_get_constraintdef(oid) as def from pg_constraint where connamespace = 'public'::regnamespace
        order by 1, 2`.execute(db);
    for (const c of cons.rows)
      if (!MIGRATOR_TABLES.test(String(c.t)))
        out.push(`constraint ${c.t} ${c.conname} ${c.contype} ${c.def}`);
    const trg = await sql<Record<string, unknown>>`select event_object_table, trigger_name, action_timing,
        event_manipulation, action_statement from information_schema.triggers
        order by 1, 2, 4`.execute(db);
    for (const t of trg.rows)
      out.push(
        `trigger ${t.event_object_table} ${t.trigger_name} ${t.action_timing} ${t.event_manipulation} ${t.action_statement}`,
      );
    const fns = await sql<{ proname: string; def: string }>`select proname, pg_get_functiondef(p.oid) as def
        from pg_proc p where pronamespace = 'public'::regnamespace order by proname`.execute(db);
    for (const f of fns.rows) out.push(`function ${f.proname} ${f.def.replace(/\s+/g, ' ')}`);
  }
  return out.sort();
}

export async function rowCounts(db: Db, dialect: Dialect): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of await tableNames(db, dialect)) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(db);
    counts[t] = Number(r.rows[0]!.n);
  }
  return counts;
}
