/**
 * Backup and restore of a whole installation — database and uploaded files together — in one ZIP archive that is the
 * same for SQLite and PostgreSQL (a logical dump: every table's rows as JSON, read in one transaction), so a backup can
 * be restored on either database:
 *
 *   manifest.json   format, creation time, migrations, row count per table, every file with size and SHA-256
 *   db/<table>.json the table's rows
 *   files/<path>    GONGKAI_DATA_DIR/uploads/<path>
 *
 * Restore goes into an empty, migrated database and an empty uploads directory; it refuses an archive whose files are
 * missing or do not match the manifest (a database without its files would leave attachments that cannot be opened),
 * and a backup made by a newer version. Sessions and rate-limit counters are not backed up.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { Db, DbOrTrx } from '../db/database.ts';
import { dialectOf } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { InvalidStateError, ValidationError } from '../errors.ts';

export const BACKUP_FORMAT = 'gongkai-backup';
const VERSION = 1;
/** Not worth keeping (and sessions must not come back as valid cookies). */
const SKIPPED = new Set(['sessions', 'rate_limits', 'kysely_migration', 'kysely_migration_lock']);

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  dialect: string;
  migrations: string[];
  tables: Record<string, number>;
  files: { path: string; size: number; sha256: string }[];
}

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/** The real tables (SQLite's full-text virtual table and its shadow tables are rebuilt, not copied). */
async function tableNames(db: Db): Promise<string[]> {
  let names = (await db.introspection.getTables()).map((t) => t.name);
  if (dialectOf(db) === 'sqlite') {
    const plain = await sql<{
      name: string;
    }>`select name from pragma_table_list where type = 'table'`.execute(db);
    const keep = new Set(plain.rows.map((r) => r.name));
    names = names.filter((n) => keep.has(n));
  }
  return names.filter((n) => !SKIPPED.has(n) && !n.startsWith('sqlite_'));
}

/** Columns of each table, to restore a backup of the other database (PostgreSQL's tsvector column is rebuilt). */
async function columnsOf(db: Db): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const t of await db.introspection.getTables()) out.set(t.name, new Set(t.columns.map((c) => c.name)));
  return out;
}

/** Derived columns, rebuilt after a restore rather than copied. */
const DERIVED: Record<string, string[]> = { search_documents: ['tsv'] };

async function migrationNames(db: DbOrTrx): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return r.rows.map((x) => x.name);
}

/** Foreign keys: table → the tables it references (for the restore order). */
async function references(db: DbOrTrx, tables: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (dialectOf(db) === 'sqlite') {
    for (const t of tables) {
      const r = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${t})`.execute(db);
      out.set(t, [...new Set(r.rows.map((x) => x.table))]);
    }
  } else {
    const r = await sql<{ child: string; parent: string }>`
      select tc.table_name as child, ccu.table_name as parent
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
    for (const t of tables) out.set(t, []);
    for (const x of r.rows) out.get(x.child)?.push(x.parent);
  }
  return out;
}

/** Parents before children (self-references ignored). */
function restoreOrder(tables: string[], refs: Map<string, string[]>): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (t: string, stack: Set<string>) => {
    if (done.has(t) || stack.has(t)) return;
    stack.add(t);
    for (const p of refs.get(t) ?? []) if (p !== t && tables.includes(p)) visit(p, stack);
    done.add(t);
    order.push(t);
  };
  for (const t of [...tables].sort()) visit(t, new Set());
  return order;
}

function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, base));
    else if (e.isFile()) out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out.sort();
}

function encodeRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v instanceof Uint8Array) out[k] = { $base64: Buffer.from(v).toString('base64') };
    else if (v instanceof Date) out[k] = v.toISOString();
    else if (typeof v === 'bigint') out[k] = Number(v);
    else out[k] = v;
  }
  return out;
}

function decodeRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] =
      v && typeof v === 'object' && '$base64' in v
        ? Buffer.from(String((v as { $base64: string }).$base64), 'base64')
        : v;
  }
  return out;
}

/** Write a backup of the database and the uploads directory to `file`; returns its manifest. */
export async function createBackup(
  db: Db,
  dataDir: string,
  file: string,
  now: Date,
): Promise<BackupManifest> {
  const entries: Zippable = {};
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: VERSION,
    createdAt: now.toISOString(),
    dialect: dialectOf(db),
    migrations: [],
    tables: {},
    files: [],
  };
  const names = await tableNames(db);
  let tx = db.transaction();
  if (dialectOf(db) === 'postgres') tx = tx.setIsolationLevel('repeatable read');
  await tx.execute(async (trx) => {
    manifest.migrations = await migrationNames(trx);
    for (const t of names) {
      const rows = (await trx
        .selectFrom(t as never)
        .selectAll()
        .execute()) as Record<string, unknown>[];
      manifest.tables[t] = rows.length;
      for (const r of rows) for (const c of DERIVED[t] ?? []) delete r[c];
      entries[`db/${t}.json`] = Buffer.from(JSON.stringify(rows.map(encodeRow)));
    }
  });
  // Files are written before the rows that name them and never changed afterwards: copied after the dump, every file
  // a dumped row names is there.
  const uploads = path.join(dataDir, 'uploads');
  for (const rel of listFiles(uploads)) {
    const bytes = fs.readFileSync(path.join(uploads, rel));
    manifest.files.push({ path: rel, size: bytes.length, sha256: sha256(bytes) });
    entries[`files/${rel}`] = [bytes, { level: 0 }];
  }
  entries['manifest.json'] = Buffer.from(JSON.stringify(manifest, null, 1));
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, zipSync(entries, { level: 6 }));
  return manifest;
}

/** Read and verify an archive: the manifest, every table, every file present with its checksum. */
export function readBackup(file: string): {
  manifest: BackupManifest;
  tables: Map<string, Record<string, unknown>[]>;
  files: Map<string, Uint8Array>;
} {
  const bytes = fs.readFileSync(file);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new ValidationError(
      `${file} 不是 gongkai 备份文件（应为 gongkai backup 生成的压缩包；单独的数据库文件不含附件，不能恢复）`,
    );
  }
  const m = entries['manifest.json'];
  if (!m) throw new ValidationError(`${file} 中没有 manifest.json，不是 gongkai 备份文件`);
  const manifest = JSON.parse(Buffer.from(m).toString('utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== VERSION)
    throw new ValidationError(`${file} 的备份格式不受支持`);
  const tables = new Map<string, Record<string, unknown>[]>();
  for (const [t, n] of Object.entries(manifest.tables)) {
    const e = entries[`db/${t}.json`];
    if (!e) throw new ValidationError(`备份不完整：缺少数据表 ${t}`);
    const rows = (JSON.parse(Buffer.from(e).toString('utf8')) as Record<string, unknown>[]).map(decodeRow);
    if (rows.length !== n)
      throw new ValidationError(`备份不完整：数据表 ${t} 应有 ${n} 行，实有 ${rows.length} 行`);
    tables.set(t, rows);
  }
  const files = new Map<string, Uint8Array>();
  const missing: string[] = [];
  for (const f of manifest.files) {
    const e = entries[`files/${f.path}`];
    if (!e || e.length !== f.size || sha256(e) !== f.sha256) missing.push(f.path);
    else files.set(f.path, e);
  }
  if (missing.length)
    throw new ValidationError(
      `备份缺少附件或附件已损坏（${missing.length} 个，如 ${missing[0]}），拒绝恢复：数据库与附件必须一起恢复`,
    );
  return { manifest, tables, files };
}

/** Restore an archive into an empty database (migrated here) and an empty uploads directory. */
export async function restoreBackup(
  db: Db,
  dataDir: string,
  file: string,
): Promise<{ manifest: BackupManifest; rows: number; files: number }> {
  const { manifest, tables, files } = readBackup(file);
  await migrateToLatest(db);
  const have = new Set(await migrationNames(db));
  const newer = manifest.migrations.filter((x) => !have.has(x));
  if (newer.length)
    throw new InvalidStateError(
      `该备份由较新版本的 gongkai 生成（含本版本没有的数据库迁移 ${newer[0]}），请先升级`,
    );
  const agencies = await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  const audited = await db.selectFrom('audit_events').select('id').limit(1).executeTakeFirst();
  if (agencies || audited)
    throw new InvalidStateError(
      '目标数据库不是空的：恢复只能写入新的空数据库（请设置新的 DATABASE_URL 或 GONGKAI_DATA_DIR）',
    );
  const uploads = path.join(dataDir, 'uploads');
  if (listFiles(uploads).length)
    throw new InvalidStateError(`附件目录 ${uploads} 不是空的：恢复只能写入空的数据目录`);
  const columns = await columnsOf(db);
  const names = [...tables.keys()].filter((t) => columns.has(t));
  const order = restoreOrder(names, await references(db, names));
  let rows = 0;
  await db.transaction().execute(async (trx) => {
    // Rows a migration may have written make way for the backup's (the audit log is append-only and empty here).
    for (const t of [...order].reverse())
      if (t !== 'audit_events') await trx.deleteFrom(t as never).execute();
    for (const t of order) {
      const cols = columns.get(t)!;
      const list = tables
        .get(t)!
        .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => cols.has(k))));
      for (let i = 0; i < list.length; i += 200) {
        await trx
          .insertInto(t as never)
          .values(list.slice(i, i + 200) as never)
          .execute();
      }
      rows += list.length;
    }
    if (dialectOf(db) === 'postgres') {
      const serial = await sql<{ table_name: string }>`select table_name from information_schema.columns
        where table_schema = current_schema() and column_name = 'id'
          and (column_default like 'nextval%' or is_identity = 'YES')`.execute(trx);
      for (const { table_name: t } of serial.rows) {
        await sql`select setval(pg_get_serial_sequence(${t}, 'id'), coalesce((select max(id) from ${sql.table(t)}), 0) + 1, false)`.execute(
          trx,
        );
      }
      await sql`update search_documents set tsv = gk_search_vector(tokens, agency_id, is_public)`.execute(
        trx,
      );
    } else {
      await sql`delete from search_fts`.execute(trx);
      await sql`insert into search_fts (rowid, tokens) select id, tokens from search_documents`.execute(trx);
    }
  });
  for (const [rel, bytes] of files) {
    const target = path.join(uploads, rel);
    if (!target.startsWith(uploads + path.sep)) throw new ValidationError(`备份中的文件路径不安全：${rel}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  }
  return { manifest, rows, files: files.size };
}
