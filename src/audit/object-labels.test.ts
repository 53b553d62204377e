import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { OBJECT_TYPE_LABELS, objectTypeLabel } from './object-labels.ts';

test('every object type the code writes to the audit log has a Chinese label', () => {
  const used = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
        for (const m of fs
          .readFileSync(p, 'utf8')
          .matchAll(
            /objectType: '([a-z0-9_]+)'|objectType: table === 'decision' \? '(art20_decision)' : '(art20_fee)'/g,
          ))
          for (const g of m.slice(1)) if (g) used.add(g);
    }
  };
  walk(path.join(import.meta.dirname, '..'));
  assert.ok(used.size > 20, `found ${used.size} object types`);
  assert.deepEqual(
    [...used].filter((t) => !(t in OBJECT_TYPE_LABELS)),
    [],
  );
  assert.equal(objectTypeLabel('info_request'), '依申请公开');
  assert.equal(objectTypeLabel('no_such_table'), '其他记录');
});
