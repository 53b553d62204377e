/**
 * docs/deployment.md as written: its nginx block is deploy/nginx/gongkai.conf unchanged (the file test/multinode
 * renders), and its backup commands — run exactly as the page shows them — restore a database with its files.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/db.ts';
import { databaseStore } from '../../src/storage/database-store.ts';
import { fileStep, readAll } from '../../src/storage/file-store.ts';
import { NGINX_TEMPLATE, ROOT } from './cluster.ts';

const DOC = fs.readFileSync(path.join(ROOT, 'docs/deployment.md'), 'utf8');

/** The fenced block between `<!-- NAME:start -->` and `<!-- NAME:end -->`, without its fence lines. */
function block(name: string): string {
  const m = new RegExp(
    `<!-- ${name}:start -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\`\\n<!-- ${name}:end -->`,
  ).exec(DOC);
  if (!m) throw new Error(`docs/deployment.md has no ${name} block`);
  return m[1]!;
}

it('docs/deployment.md shows the nginx configuration the three-node test runs, unchanged', () => {
  assert.equal(block('nginx-template'), fs.readFileSync(NGINX_TEMPLATE, 'utf8'));
});

const skip =
  !(await postgresAvailable()) && process.env.GONGKAI_REQUIRE_PG !== '1' ? 'PostgreSQL not reachable' : false;

describe('the backup commands of docs/deployment.md [postgres]', { skip }, () => {
  let source: TestDatabase;
  let target: TestDatabase;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-pgdump-'));
  before(async () => {
    source = await createTestDatabase('postgres');
    target = await createTestDatabase('postgres', { migrate: false });
  });
  after(async () => {
    await source?.close();
    await target?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pg_dump and pg_restore as written bring back every row and every stored file byte-identical', async () => {
    const store = databaseStore();
    const files = new Map<string, Buffer>();
    for (const size of [1, 300_000, 700_001]) {
      const key = `publications/1/${crypto.randomBytes(8).toString('hex')}.pdf`;
      const bytes = crypto.randomBytes(size);
      await fileStep(source.db, store, (_trx, f) => f.put(key, bytes));
      files.set(key, bytes);
    }
    const r = spawnSync('bash', ['-euo', 'pipefail', '-c', block('backup-commands')], {
      encoding: 'utf8',
      env: {
        ...process.env,
        DATABASE_URL: source.url,
        RESTORE_URL: target.url,
        BACKUP_FILE: path.join(dir, 'gongkai.dump'),
      },
    });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    const tables = (await source.db.introspection.getTables()).map((t) => t.name);
    assert.ok(tables.includes('stored_file_chunks'));
    for (const t of tables) {
      const count = async (db: TestDatabase) =>
        Number(
          (
            await db.db
              .selectFrom(t as never)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      assert.equal(await count(target), await count(source), `rows of ${t}`);
    }
    for (const [key, bytes] of files) assert.ok((await readAll(store, target.db, key)).equals(bytes), key);
  });
});
