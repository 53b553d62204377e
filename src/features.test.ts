import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditLabels, featureJobHandlers, featureNav, featureSchedules, features } from './features.ts';

test('every feature has a unique name and is a manifest, not a function', () => {
  const names = features().map((f) => f.name);
  assert.equal(new Set(names).size, names.length);
  for (const f of features()) assert.equal(typeof f, 'object', f.name);
});

test('every scheduled job kind has a handler, and no kind is declared twice', () => {
  const handlers = featureJobHandlers();
  for (const s of featureSchedules()) assert.ok(handlers.has(s.kind), `no handler for ${s.kind}`);
});

test('menu entries are unique and every audit label is Chinese text', () => {
  const hrefs = featureNav().map((n) => n.href);
  assert.equal(new Set(hrefs).size, hrefs.length);
  for (const [action, label] of Object.entries(auditLabels()))
    assert.match(label, /[\u4e00-\u9fff]/, `label of ${action}`);
});
