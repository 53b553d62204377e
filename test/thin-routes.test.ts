/**
 * Thin routes (issue #9): a route parses input, calls a use case or a page query, and renders. The web layer holds
 * no SQL (page queries live in the features, behind their index.ts) and no route module grows past 400 lines.
 * Tests beside the routes may set up rows directly; the scan covers the code that runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const WEB = path.join(import.meta.dirname, '..', 'src', 'web');
const MAX_ROUTE_LINES = 400;
/** Kysely's query builders and raw SQL: none belongs in the web layer. */
const SQL_CALL =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql`|\bsql\.(raw|ref|table|id|lit|join)\(/;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

export function sqlCalls(text: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    if (SQL_CALL.test(code)) lines.push(i + 1);
  });
  return lines;
}

test('no query builder or raw SQL in the web layer', () => {
  const hits: string[] = [];
  for (const f of sources(WEB)) {
    for (const n of sqlCalls(fs.readFileSync(f, 'utf8'))) hits.push(`${path.relative(WEB, f)}:${n}`);
  }
  assert.deepEqual(
    hits,
    [],
    `SQL under src/web (move it into the feature's page query):\n${hits.join('\n')}`,
  );
});

test(`no route module over ${MAX_ROUTE_LINES} lines`, () => {
  const long: string[] = [];
  for (const f of sources(path.join(WEB, 'routes'))) {
    const n = fs.readFileSync(f, 'utf8').split('\n').length;
    if (n > MAX_ROUTE_LINES) long.push(`${path.relative(WEB, f)}: ${n}`);
  }
  assert.deepEqual(long, [], `route modules to split:\n${long.join('\n')}`);
});

test('the scan sees what it must (a deliberately wrong line is caught, a comment is not)', () => {
  assert.deepEqual(sqlCalls("const r = await db.selectFrom('requests').selectAll().execute();"), [1]);
  assert.deepEqual(sqlCalls('x\nawait sql`select 1`.execute(db);'), [2]);
  assert.deepEqual(sqlCalls('await trx.updateTable("x")'), [1]);
  assert.deepEqual(sqlCalls('// db.selectFrom(x) is what we used to do'), []);
  assert.deepEqual(sqlCalls('const selected = rows.filter(Boolean);'), []);
});
