/**
 * Every action of every policy is exercised by its matrix test: for each `src/**\/*.policy.ts`, every function of
 * every exported policy object must be called (`.action(`), named (`'action'`) or given an expected value in a
 * matrix row (`action: true`) in a test file of its folder that imports it, so a new action cannot go untested.
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
    // The matrix lives in `<name>.policy.test.ts`, or in another test file of the folder that imports the policy.
    const dir = path.dirname(file);
    const base = path.basename(file, '.ts');
    const rel = path.relative(SRC, file);
    const testFiles = fs
      .readdirSync(dir)
      .filter((f) => /\.test\.tsx?$/.test(f))
      .map((f) => path.join(dir, f))
      .filter((f) => fs.readFileSync(f, 'utf8').includes(`/${base}.ts'`));
    if (!testFiles.length) {
      missing.push(`${rel}: no test file imports it`);
      continue;
    }
    const testText = testFiles.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
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
