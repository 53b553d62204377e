/**
 * The rule that keeps installations upgradable: a landed migration file never changes, and a new one sorts after
 * every landed one (Kysely refuses to run a pending migration whose name sorts before an executed one).
 * `src/db/migrations/manifest.json` records the SHA-256 of every landed file; `npm run migrations:freeze` adds new
 * files to it (never rewrites an entry). Pure: the caller reads the files.
 */
import crypto from 'node:crypto';

export type MigrationManifest = Record<string, string>;

export const MIGRATION_NAME = /^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+$/;

export function hashMigration(source: string | Buffer): string {
  return crypto.createHash('sha256').update(source).digest('hex');
}

/**
 * Problems with a migrations folder: `files` maps each migration's name (without `.ts`) to its source, `registered`
 * lists the names in `migrations/index.ts` in order. Returns one message per problem (empty when all is well).
 */
export function checkMigrations(
  manifest: MigrationManifest,
  files: ReadonlyMap<string, string | Buffer>,
  registered: readonly string[],
): string[] {
  const problems: string[] = [];
  const landed = Object.keys(manifest).sort();
  const lastLanded = landed.at(-1) ?? '';
  for (const name of landed) {
    const src = files.get(name);
    if (src === undefined) problems.push(`landed migration ${name} was deleted or renamed`);
    else if (hashMigration(src) !== manifest[name])
      problems.push(`landed migration ${name} was edited: add a new migration instead`);
  }
  for (const name of files.keys()) {
    if (!MIGRATION_NAME.test(name))
      problems.push(`migration ${name} is not named YYYY_MM_DD_HHMM_verb_object`);
    if (!(name in manifest) && name <= lastLanded)
      problems.push(`new migration ${name} sorts before the landed ${lastLanded}: give it a later timestamp`);
  }
  const onDisk = [...files.keys()].sort();
  if (JSON.stringify([...registered].sort()) !== JSON.stringify(onDisk))
    problems.push(
      `migrations/index.ts lists ${registered.length} migrations, the folder has ${onDisk.length}`,
    );
  return problems;
}

/** The manifest with every unlisted file added (for `npm run migrations:freeze`); refuses what checkMigrations refuses. */
export function freezeMigrations(
  manifest: MigrationManifest,
  files: ReadonlyMap<string, string | Buffer>,
  registered: readonly string[],
): MigrationManifest {
  const problems = checkMigrations(manifest, files, registered);
  if (problems.length) throw new Error(problems.join('\n'));
  const next: MigrationManifest = { ...manifest };
  for (const [name, src] of files) next[name] ??= hashMigration(src);
  return Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)));
}
