/**
 * The dependency rules of `npm run check` (.dependency-cruiser.cjs) catch what they are for: a tree with one
 * wrong-way import per rule fails with that rule's name, and the project's own tree passes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEPCRUISE = path.join(ROOT, 'node_modules/.bin/depcruise');

function cruise(cwd: string) {
  return spawnSync(
    DEPCRUISE,
    ['src', '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err'],
    {
      cwd,
      encoding: 'utf8',
    },
  );
}

test('a wrong-way import of each kind fails the check, naming the rule', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-deps-'));
  try {
    fs.copyFileSync(path.join(ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
    const files: Record<string, string> = {
      'src/web/page.ts': 'export const page = 1;\n',
      'src/requests/index.ts': "export { inner } from './inner.ts';\n",
      'src/requests/inner.ts': 'export const inner = 1;\n',
      // a feature reaching into the web layer
      'src/requests/use-case.ts': "import { page } from '../web/page.ts';\nexport const x = page;\n",
      // a feature reaching past another feature's index.ts
      'src/publications/use-case.ts':
        "import { inner } from '../requests/inner.ts';\nexport const y = inner;\n",
      // a shared piece importing a feature
      'src/notifications/writer.ts':
        "import { inner } from '../requests/index.ts';\nexport const z = inner;\n",
      // a cycle
      'src/jobs/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
      'src/jobs/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
    };
    for (const [f, src] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), src);
    }
    const r = cruise(dir);
    assert.notEqual(r.status, 0, r.stdout + r.stderr);
    const out = r.stdout + r.stderr;
    assert.match(out, /not-into-web: src\/requests\/use-case\.ts → src\/web\/page\.ts/);
    assert.match(out, /feature-through-index: src\/publications\/use-case\.ts → src\/requests\/inner\.ts/);
    assert.match(out, /shared-imports-no-feature: src\/notifications\/writer\.ts → src\/requests\/index\.ts/);
    assert.match(out, /no-circular: src\/jobs\/a\.ts/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the project's own tree passes the dependency rules", () => {
  const r = cruise(ROOT);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
