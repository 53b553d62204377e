import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../context.ts';
import type { Role } from '../../org/roles.ts';
import { reportPolicy, type ReportAction } from './report.policy.ts';

const TOWN = 10;
const COUNTY = 1;
const OTHER_TOWN = 11;
const scope = { agencyId: TOWN, ancestorIds: [COUNTY] };
const countyScope = { agencyId: COUNTY, ancestorIds: [] };
const user = (agencyId: number, ...roles: Role[]): Actor => ({
  kind: 'user',
  userId: 1,
  name: 'x',
  agencyId,
  officeId: null,
  villageId: null,
  roles,
});

// Expected permissions on the township's report, per actor.
const matrix: [string, Actor, Record<Exclude<ReportAction, 'overview'>, boolean>][] = [
  [
    'town clerk',
    user(TOWN, 'clerk'),
    { view: true, draft: true, finalise: true, reopen: false, import: true, setDeadline: false },
  ],
  [
    'town office head',
    user(TOWN, 'office_head'),
    { view: true, draft: true, finalise: true, reopen: false, import: true, setDeadline: false },
  ],
  [
    'town admin',
    user(TOWN, 'admin'),
    { view: true, draft: true, finalise: true, reopen: true, import: true, setDeadline: true },
  ],
  [
    'town principal',
    user(TOWN, 'principal_leader'),
    { view: true, draft: false, finalise: true, reopen: true, import: false, setDeadline: false },
  ],
  [
    'town deputy',
    user(TOWN, 'deputy_leader'),
    { view: true, draft: false, finalise: true, reopen: true, import: false, setDeadline: false },
  ],
  [
    'town drafter',
    user(TOWN, 'drafter'),
    { view: true, draft: false, finalise: false, reopen: false, import: false, setDeadline: false },
  ],
  [
    'town liaison',
    user(TOWN, 'liaison'),
    { view: true, draft: false, finalise: false, reopen: false, import: false, setDeadline: false },
  ],
  [
    'county inspector (reads only)',
    user(COUNTY, 'inspector'),
    { view: true, draft: false, finalise: false, reopen: false, import: false, setDeadline: false },
  ],
  [
    'county supervisor (督办: named county permissions)',
    user(COUNTY, 'supervisor'),
    { view: false, draft: false, finalise: false, reopen: false, import: true, setDeadline: true },
  ],
  [
    'township supervisor (nothing below it)',
    user(TOWN, 'supervisor'),
    { view: true, draft: false, finalise: false, reopen: false, import: false, setDeadline: false },
  ],
  [
    'county admin',
    user(COUNTY, 'admin'),
    { view: false, draft: false, finalise: false, reopen: false, import: true, setDeadline: true },
  ],
  [
    'county clerk',
    user(COUNTY, 'clerk'),
    { view: false, draft: false, finalise: false, reopen: false, import: false, setDeadline: false },
  ],
  [
    'other town clerk',
    user(OTHER_TOWN, 'clerk', 'admin'),
    { view: false, draft: false, finalise: false, reopen: false, import: false, setDeadline: false },
  ],
  [
    'public',
    { kind: 'public' },
    { view: false, draft: false, finalise: false, reopen: false, import: false, setDeadline: false },
  ],
  [
    'system',
    { kind: 'system', name: 'cli' },
    { view: true, draft: true, finalise: true, reopen: true, import: true, setDeadline: true },
  ],
];

for (const [who, actor, expected] of matrix) {
  test(`report policy: ${who}`, () => {
    for (const [action, allowed] of Object.entries(expected)) {
      assert.equal(
        reportPolicy[action as Exclude<ReportAction, 'overview'>](actor, scope),
        allowed,
        `${who} ${action}`,
      );
    }
  });
}

test('the county overview: its inspectors and admins (and the system), nobody else', () => {
  assert.equal(reportPolicy.overview(user(COUNTY, 'inspector'), countyScope), true);
  assert.equal(reportPolicy.overview(user(COUNTY, 'admin'), countyScope), true);
  assert.equal(reportPolicy.overview(user(COUNTY, 'clerk'), countyScope), false);
  assert.equal(reportPolicy.overview(user(TOWN, 'inspector'), countyScope), false);
  assert.equal(reportPolicy.overview({ kind: 'public' }, countyScope), false);
  assert.equal(reportPolicy.overview({ kind: 'system', name: 'cli' }, countyScope), true);
});
