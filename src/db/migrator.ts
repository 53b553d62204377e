import { Migrator, type MigrationProvider } from 'kysely';
import type { Db } from './database.ts';
import { migrations } from './migrations/index.ts';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Bring the schema up to date. Kysely's migrator holds a database lock, so several instances may start at once.
 * `allowUnorderedMigrations`: `2026_11_25_0003_index_audit_agency` landed with a name sorting before migrations that
 * installations had already run; without this they could not upgrade. The migrations test forbids any new file that
 * sorts before a landed one, so this admits that one file only.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return migrateWith(db, provider);
}

/** Run a given set of migrations (the upgrade test replays an earlier commit's set with it). */
export async function migrateWith(db: Db, from: MigrationProvider): Promise<string[]> {
  const migrator = new Migrator({ db, provider: from, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
