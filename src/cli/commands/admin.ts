import fs from 'node:fs';
import { CliUsageError, flagString, parseArgs, type CliCommand } from '../command.ts';
import { withCliDb } from '../open-db.ts';
import { config } from '../../config.ts';
import { migrateToLatest } from '../../db/migrator.ts';
import { openDatabase } from '../../db/database.ts';
import { createBackup, restoreBackup } from '../../backup/backup.ts';
import { createUser, resetPassword } from '../../org/manage-users.ts';
import { findAgencyByCode, findUserByUsername, listAgencies } from '../../org/org.queries.ts';
import { createAgency } from '../../org/manage-agency.ts';
import { AGENCY_KINDS, AGENCY_KIND_LABELS, type AgencyKind } from '../../org/org.ts';
import { homeAgency } from '../../org/home-agency.ts';
import { importUsers, importVillages } from '../../org/import-csv.ts';
import { isRole, ROLES, ROLE_LABELS } from '../../org/roles.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { Ctx } from '../../context.ts';
import { beijingDateTime } from '../../beijing-time.ts';

async function agencyFrom(ctx: Ctx, code: string | undefined) {
  if (code) {
    const a = await findAgencyByCode(ctx.db, code);
    if (!a) throw new NotFoundError(`未找到机关代码为“${code}”的机关`);
    return a;
  }
  const home = await homeAgency(ctx.db);
  if (!home) throw new NotFoundError('数据库中还没有机关。请先运行 gongkai demo，或用 --agency 指定机关代码');
  return home;
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: '启动门户网站与工作平台（同 npm start）',
  help: `用法: gongkai serve

启动 Web 服务（端口由 PORT 指定，默认 3000）。首次启动会创建并迁移数据库，并载入演示乡镇（GONGKAI_DEMO=0 时不载入）。`,
  async run() {
    const { startServer } = await import('../../main.ts');
    const s = await startServer();
    await new Promise<void>((resolve) => {
      const stop = () => s.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: '创建或升级数据库结构',
  help: `用法: gongkai migrate

按顺序执行尚未执行的数据库迁移（SQLite 或 DATABASE_URL 指定的 PostgreSQL）。多个实例同时执行时由数据库锁保证只执行一次。`,
  async run(_args, io) {
    const cfg = config();
    const db = openDatabase(cfg.database);
    try {
      const done = await migrateToLatest(db);
      io.out(done.length ? `已执行迁移：\n${done.map((m) => `  ${m}`).join('\n')}` : '数据库已是最新结构');
    } finally {
      await db.destroy();
    }
    return 0;
  },
};

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: '向空数据库载入演示乡镇（哈拉直沟乡）',
  help: `用法: gongkai demo

向空数据库载入演示乡镇：哈拉直沟乡人民政府（互助土族自治县、海东市、青海省）、站办所、13个村，以及每个角色一个演示账号。
演示账号的一次性密码只在此时打印一次，首次登录须修改。数据库中已有机关时拒绝执行。`,
  async run(_args, io) {
    return withCliDb(async (ctx) => {
      // Imported when run: the demo loader reads the features list, whose manifests list these commands.
      const { formatDemoAccounts, loadDemo } = await import('../../demo/load-demo.ts');
      const accounts = await loadDemo({ ...ctx, actor: { kind: 'system', name: '演示数据' } });
      io.out('已载入演示乡镇：哈拉直沟乡人民政府');
      io.out(formatDemoAccounts(accounts));
      return 0;
    });
  },
};

const USER_HELP = `用法:
  gongkai user add USERNAME --role ROLE [--role ROLE…] --agency CODE [--name 姓名] [--password-stdin]
  gongkai user reset-password USERNAME [--password-stdin]

角色: ${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}
不使用 --password-stdin 时生成一次性密码并打印；用户首次登录须修改密码。`;

export const userCommand: CliCommand = {
  name: 'user',
  summary: '新建用户、重置密码',
  help: USER_HELP,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, { boolean: ['password-stdin'], multiple: ['role'] });
    const [sub, username] = positionals;
    if (!sub || !username) throw new CliUsageError('缺少子命令或用户名');
    const password = flags['password-stdin'] ? (await io.stdin()).replace(/\r?\n$/, '') : undefined;
    if (sub === 'add') {
      const roles = (flags.role as string[] | undefined) ?? [];
      if (roles.length === 0) throw new CliUsageError('请至少用 --role 指定一个角色');
      const bad = roles.find((r) => !isRole(r));
      if (bad) throw new CliUsageError(`未知角色: ${bad}`);
      return withCliDb(async (ctx) => {
        const agency = await agencyFrom(ctx, flagString(flags, 'agency'));
        const r = await createUser(
          ctx,
          agency.id,
          {
            username,
            displayName: flagString(flags, 'name') ?? username,
            roles,
            officeId: null,
            villageId: null,
            phone: '',
            email: '',
          },
          { password },
        );
        io.out(
          `已新建用户 ${r.user.username}（${agency.name}），角色：${r.user.roles.map((x) => ROLE_LABELS[x]).join('、')}`,
        );
        if (r.oneTimePassword) io.out(`一次性密码（只显示这一次，首次登录须修改）：${r.oneTimePassword}`);
        return 0;
      });
    }
    if (sub === 'reset-password') {
      return withCliDb(async (ctx) => {
        const u = await findUserByUsername(ctx.db, username);
        if (!u) throw new NotFoundError(`未找到用户 ${username}`);
        const pw = await resetPassword(ctx, u.id, password);
        io.out(`已重置 ${username} 的密码，并解除锁定；下次登录须修改密码。`);
        if (!password) io.out(`一次性密码（只显示这一次）：${pw}`);
        return 0;
      });
    }
    throw new CliUsageError(`未知子命令: ${sub}`);
  },
};

export const importCommand: CliCommand = {
  name: 'import',
  summary: '从 CSV 导入村或用户',
  help: `用法: gongkai import villages|users FILE.csv [--agency CODE]

村 CSV 表头：名称,代码,排序
用户 CSV 表头：用户名,姓名,角色,站办所,村,电话,邮箱（角色可写代码或中文名称，多个用分号分隔）
先检查全部行；任何一行有误则不导入，并逐行列出错误。导入的用户获得一次性密码（打印一次），首次登录须修改。`,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args);
    const [kind, file] = positionals;
    if ((kind !== 'villages' && kind !== 'users') || !file)
      throw new CliUsageError('需要 villages 或 users，以及 CSV 文件路径');
    if (!fs.existsSync(file)) throw new ValidationError(`文件不存在: ${file}`);
    const text = fs.readFileSync(file, 'utf8');
    return withCliDb(async (ctx) => {
      const agency = await agencyFrom(ctx, flagString(flags, 'agency'));
      const r =
        kind === 'villages'
          ? await importVillages(ctx, agency.id, text)
          : await importUsers(ctx, agency.id, text);
      if (r.errors.length) {
        io.err(`导入失败：${r.errors.length} 行有误，未导入任何数据。`);
        for (const e of r.errors) io.err(`  第${e.line}行：${e.message}`);
        return 1;
      }
      io.out(`已导入 ${r.imported} 条到 ${agency.name}`);
      for (const p of r.passwords) io.out(`  ${p.username}\t${p.displayName}\t一次性密码 ${p.password}`);
      return 0;
    });
  },
};

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: '备份数据库与附件（一个压缩包，SQLite 与 PostgreSQL 通用）',
  help: `用法: gongkai backup FILE

把整个数据库（逐表导出，在同一事务中读取，服务运行中也可执行）和数据目录下的全部附件（uploads）写入一个
压缩包 FILE，并在其中记录每个附件的大小和校验值。用 gongkai restore FILE 恢复。登录会话不备份。
大型 PostgreSQL 数据库也可另行用 pg_dump 备份，但必须同时备份 GONGKAI_DATA_DIR/uploads。`,
  async run(args, io) {
    const { positionals } = parseArgs(args);
    const [file] = positionals;
    if (!file) throw new CliUsageError('请指定备份文件路径');
    const cfg = config();
    const db = openDatabase(cfg.database, { pgPoolSize: 2 });
    try {
      await migrateToLatest(db);
      const m = await createBackup(db, cfg.dataDir, file, new Date());
      const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
      io.out(
        `已备份到 ${file}（${(fs.statSync(file).size / 1024).toFixed(0)} KB）：${Object.keys(m.tables).length} 张表 ${rows} 行，附件 ${m.files.length} 个`,
      );
    } finally {
      await db.destroy();
    }
    return 0;
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: '从 gongkai backup 的压缩包恢复数据库与附件（写入空的数据库和数据目录）',
  help: `用法: gongkai restore FILE

把 gongkai backup 生成的压缩包恢复到当前配置的数据库（DATABASE_URL 或 GONGKAI_DATA_DIR 下的 SQLite）和
GONGKAI_DATA_DIR/uploads。目标数据库和附件目录必须是空的（新建的）；缺少附件或附件校验不符的备份会被拒绝，
数据库与附件总是一起恢复。SQLite 的备份可以恢复到 PostgreSQL，反之亦然。恢复前请停止服务。`,
  async run(args, io) {
    const { positionals } = parseArgs(args);
    const [file] = positionals;
    if (!file) throw new CliUsageError('请指定备份文件路径');
    if (!fs.existsSync(file)) throw new NotFoundError(`找不到备份文件 ${file}`);
    const cfg = config();
    const db = openDatabase(cfg.database, { pgPoolSize: 2 });
    try {
      const r = await restoreBackup(db, cfg.dataDir, file);
      io.out(
        `已从 ${file} 恢复 ${r.rows} 行数据、${r.files} 个附件（备份时间 ${beijingDateTime(r.manifest.createdAt)}）`,
      );
    } finally {
      await db.destroy();
    }
    return 0;
  },
};

export const agencyCommand: CliCommand = {
  name: 'agency',
  summary: '新建或列出机关（无演示数据时的初始设置）',
  help: `用法:
  gongkai agency add CODE --name 机关名称 --short 简称 --kind KIND [--parent 上级机关代码]
  gongkai agency list

KIND: ${AGENCY_KINDS.map((k) => `${k}（${AGENCY_KIND_LABELS[k]}）`).join('、')}
不载入演示数据（GONGKAI_DEMO=0）时，先用本命令新建本机关，再用 gongkai user add 新建管理员：
  gongkai agency add 630223-XX --name 某某乡人民政府 --short 某某乡 --kind township
  gongkai user add admin --role admin --agency 630223-XX`,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args);
    const [sub, code] = positionals;
    if (sub === 'list') {
      return withCliDb(async (ctx) => {
        const all = await listAgencies(ctx.db);
        if (all.length === 0) io.out('还没有机关');
        for (const a of all) {
          const parent = all.find((p) => p.id === a.parentId);
          io.out(
            `${a.code}\t${a.name}\t${AGENCY_KIND_LABELS[a.kind]}${parent ? `\t上级：${parent.name}` : ''}`,
          );
        }
        return 0;
      });
    }
    if (sub !== 'add' || !code) throw new CliUsageError('需要 add CODE 或 list');
    const kind = flagString(flags, 'kind');
    if (!kind || !(AGENCY_KINDS as readonly string[]).includes(kind)) {
      throw new CliUsageError(`--kind 须为：${AGENCY_KINDS.join('、')}`);
    }
    const name = flagString(flags, 'name');
    if (!name) throw new CliUsageError('请用 --name 指定机关名称');
    return withCliDb(async (ctx) => {
      const parentCode = flagString(flags, 'parent');
      const parent = parentCode ? await findAgencyByCode(ctx.db, parentCode) : undefined;
      if (parentCode && !parent) throw new NotFoundError(`未找到上级机关“${parentCode}”`);
      const a = await createAgency(ctx, {
        code,
        name,
        shortName: flagString(flags, 'short') ?? name.replace(/人民政府$/, ''),
        kind: kind as AgencyKind,
        parentId: parent?.id ?? null,
        isPeopleGovernment: kind !== 'department',
      });
      io.out(`已新建机关 ${a.code} ${a.name}（${AGENCY_KIND_LABELS[a.kind]}）`);
      return 0;
    });
  },
};
