/**
 * Every error-summary link resolves to a field (issue 10, "bad input"). The shared FormError component lists a failed
 * submit's errors at the top of the form, each entry a link to `#f-<name>`; a link whose target is missing (or is not
 * a form control) leaves the user — and a screen reader — with an error they cannot reach.
 *
 * The routes are not listed here: every POST route of the app's own route table (the matrix test keeps
 * test/attack/route-table.ts equal to it) is posted empty by an anonymous visitor and by every role of the attacked
 * township (test/attack/world.ts), admins last; every page that comes back with an error summary is parsed, and then
 * posted again with a bad value in each field the summary named. A new form is checked from its first commit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { describeEachDialect } from './support/db.ts';
import { testApp, type TestClient } from './support/http.ts';
import { TEST_PASSWORD } from './support/factories.ts';
import { fixedClock } from '../src/clock.ts';
import { ROUTE_TABLE } from './attack/route-table.ts';
import { buildWorld, concretePath } from './attack/world.ts';

const clock = fixedClock('2026-03-10T02:00:00Z');
/** Ends the caller's session (the rest would run signed out). */
const SKIP = new Set(['POST /office/sign-out']);
const CONTROLS = new Set(['input', 'select', 'textarea', 'fieldset']);

/** The summary's link targets that do not resolve to a form control (or its fieldset) of the same page. */
function brokenLinks(html: string): { names: string[]; broken: string[] } | null {
  const doc = parseDocument(html);
  const summaries = DomUtils.findAll((e) => e.attribs['data-error-summary'] !== undefined, doc.children);
  if (!summaries.length) return null;
  const names: string[] = [];
  const broken: string[] = [];
  for (const s of summaries)
    for (const a of DomUtils.findAll((e) => e.name === 'a', [s])) {
      const href = a.attribs.href ?? '';
      if (!href.startsWith('#')) continue;
      const id = decodeURIComponent(href.slice(1));
      names.push(id.replace(/^f-/, ''));
      const target = DomUtils.findOne((e) => e.attribs.id === id, doc.children) as Element | null;
      if (!target) broken.push(`${href} (no element)`);
      else if (!CONTROLS.has(target.name)) broken.push(`${href} (a <${target.name}>, not a form control)`);
      else if (target.attribs.type === 'hidden') broken.push(`${href} (a hidden input nobody can reach)`);
    }
  return { names, broken };
}

/** A value each kind of field refuses: not a date, not a number, not an id, too long for a name. */
const BAD = '２０２６-13-45 <x>'.padEnd(400, '错');

describeEachDialect('every error-summary link resolves to a form control of the same page', (t) => {
  test('all POST routes of the route table, posted empty and with bad values, by every role', async () => {
    const { db } = t();
    const { a } = await buildWorld(db, clock);
    const { app, client } = testApp(db, clock);
    const posts = [
      ...new Set(app.routes.filter((r) => r.method === 'POST').map((r) => `POST ${r.path}`)),
    ].filter((k) => !SKIP.has(k));
    assert.ok(posts.length > 50, `only ${posts.length} POST routes found`);

    const callers: { name: string; c: TestClient; csrf: string; staff: boolean }[] = [];
    const anon = client({ ip: '10.40.0.1' });
    callers.push({ name: 'anonymous', c: anon, csrf: await anon.csrf(), staff: false });
    const isAdmin = (r: string) => r === 'admin' || r === 'county_admin';
    const users = [...a.users].sort((x, y) => Number(isAdmin(x.role)) - Number(isAdmin(y.role)));
    for (const [i, u] of users.entries()) {
      const c = client({ ip: `10.40.1.${i + 1}` });
      assert.equal((await c.signIn(u.user.username, TEST_PASSWORD)).status, 303, `${u.role} signs in`);
      callers.push({ name: u.role, c, csrf: await c.csrf(), staff: true });
    }

    const failures: string[] = [];
    const withSummary = new Set<string>();
    let pages = 0;
    const check = async (
      who: string,
      c: TestClient,
      csrf: string,
      key: string,
      path: string,
      form: Record<string, string>,
    ) => {
      const res = await c.post(path, form, { csrf });
      if (!res.headers.get('content-type')?.includes('text/html')) {
        await res.arrayBuffer();
        return null;
      }
      const found = brokenLinks(await res.text());
      if (!found) return null;
      pages++;
      withSummary.add(key);
      for (const b of found.broken)
        failures.push(`${key} as ${who}${Object.keys(form).length ? ' (bad values)' : ''}: ${b}`);
      return found.names;
    };
    for (const key of posts) {
      const entry = ROUTE_TABLE[key];
      assert.ok(entry, `${key} has no entry in the route table`);
      const path = concretePath(key.slice(key.indexOf(' ') + 1), a.objects, entry.owner);
      for (const { name, c, csrf, staff } of callers) {
        if (staff !== (entry.who === 'staff')) continue;
        const names = await check(name, c, csrf, key, path, {});
        if (!names) continue;
        // The same form with a bad value in every field it named: other checks, other messages, same links.
        await check(name, c, csrf, key, path, Object.fromEntries(names.map((n) => [n, BAD])));
      }
    }
    console.log(`# ${pages} error pages from ${withSummary.size} of ${posts.length} POST routes`);
    // Not a fixed list, but a floor: if the forms stopped showing summaries, this test would check nothing.
    assert.ok(withSummary.size >= 20, `only ${withSummary.size} routes showed an error summary`);
    assert.deepEqual(failures, [], `${failures.length} summary links lead nowhere`);
  });
});
