/** `gongkai attachments rescan`: read the attachments uploaded before the secrecy scan read attachments. */
import { config } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrator.ts';
import { fileStoreOf } from '../../storage/index.ts';
import { rescanAttachments } from '../../publications/rescan-attachments.ts';
import { CliUsageError, parseArgs, type CliCommand } from '../command.ts';

export const attachmentsCommand: CliCommand = {
  name: 'attachments',
  summary: '附件保密审查：补读旧附件（保密审查读取附件之前上传的）中的文字并记录审查结果',
  help: `用法:
  gongkai attachments rescan [--limit N]

逐个读取尚无读取记录的附件（DOCX、XLSX、PDF文字层、TXT/CSV；图片和扫描件记为无法读取），每个附件
单独提交，可随时中断后重新执行，已读取的不再重复。已发布信息的附件发现身份证号等不得公开的内容时，
该附件停止对外提供、检索索引改为脱敏文字，并提醒政务公开工作机构人员（站内提醒和邮件）。`,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args);
    if (positionals[0] !== 'rescan') throw new CliUsageError('请使用 gongkai attachments rescan');
    const limit = flags.limit === undefined ? undefined : Number(flags.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
      throw new CliUsageError('--limit 须为正整数');
    const cfg = config();
    const db = openDatabase(cfg.database, { pgPoolSize: 2 });
    try {
      await migrateToLatest(db);
      const r = await rescanAttachments(db, fileStoreOf(cfg), () => new Date(), {
        limit,
        onFile: (name, status) => {
          if (status !== 'read' && status !== 'truncated') io.err(`无法读取：${name}（${status}）`);
        },
      });
      for (const f of r.flagged) io.err(`已发布信息发现不得公开的内容：${f.title}：${f.reason}`);
      io.out(
        `读取了 ${r.read} 个附件，无法读取 ${r.unreadable} 个，文件缺失 ${r.missing} 个；已发布信息需处理 ${r.flagged.length} 条`,
      );
      return r.missing ? 1 : 0;
    } finally {
      await db.destroy();
    }
  },
};
