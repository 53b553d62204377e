import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeForEachDialect } from '../../../test/support/db.ts';
import { cliProcess as cli, freshInstallation } from '../../../test/support/cli.ts';

// The real CLI on a fresh installation: the demo writes its village photos to the disk store; `files migrate`
// moves them into the database store, and `files check` finds every one of them there.
describeForEachDialect('CLI files', (dialect) => {
  test('files migrate copies the disk files into the database store, resumably; files check verifies either store', async () => {
    const inst = await freshInstallation(dialect, 'gongkai-files-');
    const { env } = inst;
    try {
      assert.equal(cli(['demo'], env).code, 0);
      const onDisk = cli(['files', 'check'], env);
      assert.equal(onDisk.code, 0, onDisk.err);
      const n = Number(/检查了 (\d+) 个附件/.exec(onDisk.out)?.[1]);
      assert.ok(n > 0, onDisk.out);
      const inDb = () => cli(['files', 'check'], { ...env, GONGKAI_FILE_STORE: 'database' });
      const before = inDb();
      assert.equal(before.code, 1, 'nothing is in the database store yet');
      assert.match(before.out, new RegExp(`缺少 ${n} 个`));
      const first = cli(['files', 'migrate'], env);
      assert.equal(first.code, 0, first.err);
      assert.match(first.out, new RegExp(`已复制 ${n} 个文件`));
      const again = cli(['files', 'migrate'], env);
      assert.match(again.out, new RegExp(`已复制 0 个文件.*已存在且一致 ${n} 个`));
      const after = inDb();
      assert.equal(after.code, 0, after.err);
      assert.match(after.out, /数据库存储.*缺少 0 个，校验不符 0 个/);
      assert.equal(cli(['files', 'bogus'], env).code, 2);
    } finally {
      await inst.close();
    }
  });
});
