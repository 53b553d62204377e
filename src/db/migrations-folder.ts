/** Reads the migrations folder for the guard (src/db/migration-guard.ts): files, the manifest, index.ts's list. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationManifest } from './migration-guard.ts';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function readMigrationsFolder(dir = MIGRATIONS_DIR): {
  manifest: MigrationManifest;
  files: Map<string, string | Buffer>;
  registered: string[];
} {
  const files = new Map<string, string | Buffer>();
  for (const f of fs.readdirSync(dir).sort())
    if (/^\d{4}_.*\.ts$/.test(f)) files.set(f.slice(0, -3), fs.readFileSync(path.join(dir, f)));
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = fs.existsSync(manifestFile)
    ? (JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as MigrationManifest)
    : {};
  const index = fs.readFileSync(path.join(dir, 'index.ts'), 'utf8');
  const registered = [...index.matchAll(/^\s*'(\d{4}_[a-z0-9_]+)':/gm)].map((m) => m[1]!);
  return { manifest, files, registered };
}
