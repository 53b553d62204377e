/**
 * Every installation made at an earlier commit of main upgrades to HEAD: for each distinct set of migrations main
 * ever had (states.json; the versions that differ from the landed files are frozen copies in test/fixtures/migrations), build that schema, fill every table,
 * migrate to HEAD, and check the schema equals a fresh database's and no row was lost.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Migration } from 'kysely';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/support/db.ts';
import { rowCounts, schemaSnapshot } from '../../test/support/schema-snapshot.ts';
import { fillEveryTable } from '../../test/support/fill-tables.ts';
import { migrateToLatest, migrateWith } from './migrator.ts';
import { migrations } from './migrations/index.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/migrations');
const states = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'states.json'), 'utf8')) as Record<
  string,
  { commit: string; migrations: Record<string, string> }
>;

async function frozenSet(files: Record<string, string>): Promise<Record<string, Migration>> {
  const out: Record<string, Migration> = {};
  // '@head': the commit's file is byte-identical to the landed one (the guard keeps landed files unchanged).
  for (const [name, file] of Object.entries(files))
    out[name] = (
      file === '@head' ? migrations[name] : await import(path.join(FIXTURES, 'files', file))
    ) as Migration;
  return out;
}

describeEachDialect('upgrade from every earlier commit of main', (t) => {
  let fresh: string[] = [];
  it('a fresh database (the reference schema)', async () => {
    fresh = await schemaSnapshot(t().db, t().dialect);
    assert.ok(fresh.length > 100);
  });

  for (const [short, state] of Object.entries(states)) {
    it(`from ${short} (${Object.keys(state.migrations).length} migrations)`, async () => {
      const old: TestDatabase = await createTestDatabase(t().dialect, { migrate: false });
      try {
        const set = await frozenSet(state.migrations);
        await migrateWith(old.db, { getMigrations: async () => set });
        const refused = await fillEveryTable(old.db, old.dialect);
        const before = await rowCounts(old.db, old.dialect);
        const filled = Object.entries(before).filter(([, n]) => n > 0).length;
        assert.ok(
          before.agencies! > 0 && before.users! > 0,
          `core tables filled (refused: ${refused.join(', ')})`,
        );
        assert.ok(
          filled >= Object.keys(before).length / 2,
          `most tables filled; refused: ${refused.join(', ')}`,
        );

        const ran = await migrateToLatest(old.db);
        assert.deepEqual(
          ran.sort(),
          Object.keys(migrations)
            .filter((n) => !(n in state.migrations))
            .sort(),
          'exactly the migrations the old commit lacked ran',
        );
        assert.deepEqual(await schemaSnapshot(old.db, old.dialect), fresh, 'same schema as a fresh database');
        const after = await rowCounts(old.db, old.dialect);
        for (const [table, n] of Object.entries(before)) assert.equal(after[table], n, `rows of ${table}`);
      } finally {
        await old.close();
      }
    });
  }
});
