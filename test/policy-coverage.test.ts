/**
 * Every action of every policy is exercised by its matrix test: for each `src/**\/*.policy.ts`, every function of
 * every exported policy object must be called (`.action(`), named (`'action'`) or given an expected value in a
 * matrix row (`action: true`) in the `*.policy.test.ts` beside it, so a new action cannot go untested.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src');

function policyFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return policyFiles(p);
    return e.name.endsWith('.policy.ts') ? [p] : [];
  });
}

test('every policy action appears in its matrix test', async () => {
  const files = policyFiles(SRC);
  assert.ok(files.length >= 4);
  const missing: string[] = [];
  for (const file of files) {
    const testFile = file.replace(/\.ts$/, '.test.ts');
    const rel = path.relative(SRC, file);
    if (!fs.existsSync(testFile)) {
      missing.push(`${rel}: no ${path.basename(testFile)} beside it`);
      continue;
    }
    const testText = fs.readFileSync(testFile, 'utf8');
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (!/Policy$/.test(name) || typeof value !== 'object' || value === null) continue;
      for (const [action, fn] of Object.entries(value))
        if (
          typeof fn === 'function' &&
          !testText.includes(`.${action}(`) &&
          !testText.includes(`'${action}'`) &&
          !new RegExp(`[{,\\s]${action}: (true|false)`).test(testText)
        )
          missing.push(`${rel}: ${name}.${action}`);
    }
  }
  assert.deepEqual(missing, []);
});
