// npm run migrations:freeze — add every new migration file to src/db/migrations/manifest.json (run it in the commit
// that lands the migration). Existing entries are never rewritten: an edited landed file fails instead.
import fs from 'node:fs';
import path from 'node:path';
import { freezeMigrations } from '../src/db/migration-guard.ts';
import { MIGRATIONS_DIR, readMigrationsFolder } from '../src/db/migrations-folder.ts';

const { manifest, files, registered } = readMigrationsFolder();
try {
  const next = freezeMigrations(manifest, files, registered);
  fs.writeFileSync(path.join(MIGRATIONS_DIR, 'manifest.json'), JSON.stringify(next, null, 2) + '\n');
  const added = Object.keys(next).filter((n) => !(n in manifest));
  process.stdout.write(added.length ? `frozen: ${added.join(', ')}\n` : 'nothing new to freeze\n');
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
}
