import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

// The real CLI on a fresh data directory: the demo writes its village photos to the disk store; `files migrate`
// moves them into the database store, and `files check` finds every one of them there.
const root = path.resolve(import.meta.dirname, '../../..');

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, TZ: 'Asia/Shanghai', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('files migrate copies the disk files into the database store, resumably; files check verifies either store', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-files-'));
  const env = { GONGKAI_DATA_DIR: dir };
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
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
