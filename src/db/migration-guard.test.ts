import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkMigrations, freezeMigrations, hashMigration } from './migration-guard.ts';
import { readMigrationsFolder } from './migrations-folder.ts';

test('the migrations folder keeps every landed file as frozen and registers every file', () => {
  const { manifest, files, registered } = readMigrationsFolder();
  assert.deepEqual(checkMigrations(manifest, files, registered), []);
  assert.ok(Object.keys(manifest).length >= 10);
});

test('a deliberately edited landed migration fails the guard', () => {
  const { manifest, files, registered } = readMigrationsFolder();
  const edited = new Map(files);
  const name = '2026_11_25_1101_index_report_sources';
  edited.set(name, String(files.get(name)) + '\n// one more index\n');
  assert.deepEqual(checkMigrations(manifest, edited, registered), [
    `landed migration ${name} was edited: add a new migration instead`,
  ]);
});

test('a new migration sorting before the last landed one fails; one after it passes', () => {
  const { manifest, files, registered } = readMigrationsFolder();
  const early = new Map(files).set('2026_11_25_0004_index_something', 'x');
  const problems = checkMigrations(manifest, early, [...registered, '2026_11_25_0004_index_something']);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /sorts before the landed/);
  const late = new Map(files).set('2099_01_01_0000_create_later', 'x');
  assert.deepEqual(checkMigrations(manifest, late, [...registered, '2099_01_01_0000_create_later']), []);
});

test('a deleted landed migration, an unregistered file and a badly named file fail', () => {
  const { manifest, files, registered } = readMigrationsFolder();
  const gone = new Map(files);
  gone.delete('2026_11_25_0002_protect_audit_events');
  const p = checkMigrations(manifest, gone, registered);
  assert.ok(p.some((m) => /was deleted or renamed/.test(m)));
  const unregistered = new Map(files).set('2099_01_01_0000_create_later', 'x');
  assert.ok(checkMigrations(manifest, unregistered, registered).some((m) => /index\.ts lists/.test(m)));
  const badName = new Map(files).set('2099_1_1_create', 'x');
  assert.ok(
    checkMigrations(manifest, badName, [...registered, '2099_1_1_create']).some((m) => /not named/.test(m)),
  );
});

test('freezing adds new files and never rewrites a landed entry', () => {
  const { manifest, files, registered } = readMigrationsFolder();
  const withNew = new Map(files).set('2099_01_01_0000_create_later', 'new');
  const next = freezeMigrations(manifest, withNew, [...registered, '2099_01_01_0000_create_later']);
  assert.equal(next['2099_01_01_0000_create_later'], hashMigration('new'));
  for (const [k, v] of Object.entries(manifest)) assert.equal(next[k], v);
  const edited = new Map(files).set('2026_11_25_0001_create_foundation', 'changed');
  assert.throws(() => freezeMigrations(manifest, edited, registered), /was edited/);
});
