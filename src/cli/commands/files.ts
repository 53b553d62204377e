/** `gongkai files migrate | check`: move files from the disk store to the database store, and verify a store. */
import { config } from '../../config.ts';
import { openDatabase, type Db } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrator.ts';
import { fileStoreOf, uploadsDir } from '../../storage/index.ts';
import { migrateFilesToDatabase, verifyStoredFiles } from '../../storage/migrate-files.ts';
import { CliUsageError, parseArgs, type CliCommand } from '../command.ts';

/** Every file a row names: its store key and, where the row records one, its SHA-256. */
async function namedFiles(db: Db): Promise<{ key: string; sha256: string | null }[]> {
  const strip = (p: string) => (p.startsWith('uploads/') ? p.slice('uploads/'.length) : p);
  const pubs = await db.selectFrom('publication_attachments').select(['storage_key', 'sha256']).execute();
  const photos = await db.selectFrom('village_disclosure_files').select(['storage_key', 'sha256']).execute();
  const req = await db.selectFrom('request_attachments').select('storage_path').execute();
  const inq = await db.selectFrom('inquiry_attachments').select('storage_path').execute();
  return [
    ...pubs.map((r) => ({ key: r.storage_key, sha256: r.sha256 })),
    ...photos.map((r) => ({ key: r.storage_key, sha256: r.sha256 })),
    ...req.map((r) => ({ key: strip(r.storage_path), sha256: null })),
    ...inq.map((r) => ({ key: strip(r.storage_path), sha256: null })),
  ];
}

export const filesCommand: CliCommand = {
  name: 'files',
  summary: '附件存储：把本地磁盘上的附件迁入数据库存储（多台应用服务器共用），或检查附件是否齐全',
  help: `用法:
  gongkai files migrate   把 GONGKAI_DATA_DIR/uploads 下的全部附件复制到数据库存储（GONGKAI_FILE_STORE=database）
  gongkai files check     检查数据库中登记的每个附件在当前配置的存储中都存在且校验值一致

migrate 逐个文件复制，每个文件在单独的事务中写入后读回并核对 SHA-256；可随时中断后重新执行，已复制且
校验一致的文件会跳过，内容不一致的会列出并保留原样（退出码 1）。磁盘上的文件不会被删除。
迁移完成并执行 check 无误后，再把 GONGKAI_FILE_STORE 设为 database 并重启各节点。`,
  async run(args, io) {
    const { positionals } = parseArgs(args);
    const [sub] = positionals;
    if (sub !== 'migrate' && sub !== 'check')
      throw new CliUsageError('请使用 gongkai files migrate 或 files check');
    const cfg = config();
    const db = openDatabase(cfg.database, { pgPoolSize: 2 });
    try {
      await migrateToLatest(db);
      if (sub === 'migrate') {
        const r = await migrateFilesToDatabase(db, uploadsDir(cfg.dataDir), (key, what) => {
          if (what === 'conflict') io.err(`内容不一致，未覆盖：${key}`);
        });
        io.out(
          `已复制 ${r.copied} 个文件（${(r.bytes / 1024 / 1024).toFixed(1)} MB），已存在且一致 ${r.skipped} 个，不一致 ${r.conflicts.length} 个`,
        );
        return r.conflicts.length ? 1 : 0;
      }
      const store = fileStoreOf(cfg);
      const files = await namedFiles(db);
      const r = await verifyStoredFiles(db, store, files);
      for (const k of r.missing) io.err(`缺少文件：${k}`);
      for (const k of r.corrupt) io.err(`校验值不符：${k}`);
      io.out(
        `检查了 ${files.length} 个附件（${store.kind === 'database' ? '数据库存储' : '本地磁盘存储'}）：缺少 ${r.missing.length} 个，校验不符 ${r.corrupt.length} 个`,
      );
      return r.missing.length || r.corrupt.length ? 1 : 0;
    } finally {
      await db.destroy();
    }
  },
};
