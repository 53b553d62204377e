import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describeForEachDialect } from '../../../test/support/db.ts';
import { cliProcess as cli, freshInstallation } from '../../../test/support/cli.ts';

// These run the real CLI as a user would (a fresh installation each time: a data directory, and on PostgreSQL a
// fresh database), so config parsing, database creation and exit codes are all exercised.
const root = path.resolve(import.meta.dirname, '../../..');

describeForEachDialect('CLI as its own process on a fresh installation', (dialect) => {
  test('demo → user add → reset-password → import → backup on a fresh installation', async () => {
    const inst = await freshInstallation(dialect);
    const { dir, env } = inst;
    try {
      const demo = cli(['demo'], env);
      assert.equal(demo.code, 0, demo.err);
      assert.match(demo.out, /哈拉直沟乡人民政府/);
      assert.match(demo.out, /admin\s+\S{14}/);
      // SQLite: the database file is created under the data directory; PostgreSQL: DATABASE_URL is used instead.
      assert.equal(fs.existsSync(path.join(dir, 'gongkai.db')), dialect === 'sqlite');
      assert.equal(cli(['demo'], env).code, 1, 'a second demo load is refused');

      const add = cli(
        [
          'user',
          'add',
          'wangwu',
          '--role',
          'clerk',
          '--agency',
          '630223-HLZG',
          '--name',
          '王五',
          '--password-stdin',
        ],
        env,
        'Strong-pass-99\n',
      );
      assert.equal(add.code, 0, add.err);
      assert.match(add.out, /已新建用户 wangwu/);
      assert.doesNotMatch(add.out, /一次性密码/);
      const weak = cli(['user', 'add', 'zhaoliu', '--role', 'clerk', '--password-stdin'], env, 'weak\n');
      assert.equal(weak.code, 1);
      assert.match(weak.err, /密码至少需要10个字符/);
      const badRole = cli(['user', 'add', 'x1', '--role', 'king'], env);
      assert.equal(badRole.code, 2);
      assert.match(badRole.err, /未知角色/);

      const reset = cli(['user', 'reset-password', 'wangwu'], env);
      assert.equal(reset.code, 0, reset.err);
      assert.match(reset.out, /一次性密码/);

      const csv = path.join(dir, 'users.csv');
      fs.writeFileSync(
        csv,
        '用户名,姓名,角色,站办所,村\nlisi,李四,信息联络员,,费家村\nbad name,坏,clerk,,\nzhangsan,张三,承办人;站办所负责人,不存在的所,\n',
      );
      const imp = cli(['import', 'users', csv], env);
      assert.equal(imp.code, 1);
      assert.match(imp.err, /第3行/);
      assert.match(imp.err, /第4行：站办所“不存在的所”不存在/);
      fs.writeFileSync(csv, '用户名,姓名,角色,站办所,村\nlisi,李四,信息联络员,,费家村\n');
      const ok = cli(['import', 'users', csv], env);
      assert.equal(ok.code, 0, ok.err);
      assert.match(ok.out, /已导入 1 条/);

      const backup = cli(['backup', path.join(dir, 'b.zip')], env);
      assert.equal(backup.code, 0, backup.err);
      assert.ok(fs.statSync(path.join(dir, 'b.zip')).size > 10000);
      // Restored into a fresh installation, the demo users are there; a second restore is refused.
      const fresh = await freshInstallation(dialect, 'gongkai-cli-restore-');
      const bareTarget = await freshInstallation(dialect, 'gk-');
      try {
        const restore = cli(['restore', path.join(dir, 'b.zip')], fresh.env);
        assert.equal(restore.code, 0, restore.err);
        assert.match(restore.out, /已从 .* 恢复 \d+ 行数据/);
        assert.match(cli(['agency', 'list'], fresh.env).out, /哈拉直沟乡人民政府/);
        assert.notEqual(cli(['restore', path.join(dir, 'b.zip')], fresh.env).code, 0);
        // An old-style bare database file is not a backup: refused.
        fs.writeFileSync(path.join(fresh.dir, 'bare.db'), 'SQLite format 3');
        const bare = cli(['restore', path.join(fresh.dir, 'bare.db')], bareTarget.env);
        assert.notEqual(bare.code, 0);
        assert.match(bare.err, /不是 gongkai 备份文件/);
      } finally {
        await fresh.close();
        await bareTarget.close();
      }
    } finally {
      await inst.close();
    }
  });

  test('an empty installation is set up from the command line: agency, then its first admin', async () => {
    const inst = await freshInstallation(dialect);
    const { env } = inst;
    try {
      assert.match(cli(['agency', 'list'], env).out, /还没有机关/);
      const county = cli(['agency', 'add', '630299', '--name', '某某县人民政府', '--kind', 'county'], env);
      assert.equal(county.code, 0, county.err);
      const town = cli(
        [
          'agency',
          'add',
          '630299-AB',
          '--name',
          '某某乡人民政府',
          '--kind',
          'township',
          '--parent',
          '630299',
        ],
        env,
      );
      assert.equal(town.code, 0, town.err);
      const wrong = cli(
        ['agency', 'add', '630299-CD', '--name', '某某县教育局', '--kind', 'county', '--parent', '630299-AB'],
        env,
      );
      assert.equal(wrong.code, 1);
      assert.match(wrong.err, /之下不能设立/);
      const admin = cli(['user', 'add', 'admin', '--role', 'admin', '--agency', '630299-AB'], env);
      assert.equal(admin.code, 0, admin.err);
      assert.match(admin.out, /一次性密码/);
      const list = cli(['agency', 'list'], env);
      assert.match(list.out, /630299-AB\t某某乡人民政府\t乡镇人民政府\t上级：某某县人民政府/);
    } finally {
      await inst.close();
    }
  });
});

test('help on every command; unknown command and bad configuration fail clearly', () => {
  const help = cli(['--help']);
  assert.equal(help.code, 0);
  for (const name of [
    'serve',
    'migrate',
    'demo',
    'agency',
    'user',
    'import',
    'backup',
    'restore',
    'calendar',
    'requests',
    'report',
  ]) {
    assert.match(help.out, new RegExp(`\\b${name}\\b`));
    const h = cli([name, '--help']);
    assert.equal(h.code, 0, name);
    assert.match(h.out, new RegExp(`gongkai ${name}`));
  }
  const unknown = cli(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /未知命令/);
  const bad = cli(['migrate'], { DATABASE_URL: 'mysql://nope' });
  assert.equal(bad.code, 1);
  assert.match(bad.err, /配置错误 \/ invalid configuration: DATABASE_URL/);
});

test('the server refuses to start on a bad PORT with a one-line message and exit 1', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: 'abc', GONGKAI_DATA_DIR: os.tmpdir() },
    encoding: 'utf8',
  });
  assert.equal(r.status, 1);
  assert.match(r.stderr.trim(), /^配置错误 \/ invalid configuration: PORT="abc"/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});
