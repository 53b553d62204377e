import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Role } from '../org/roles.ts';
import type { AgencyScope } from '../org/access.ts';
import { systemActor } from '../context.ts';
import { calendarPolicy } from './calendar.policy.ts';
import { publicActor, userWithRole as user } from '../../test/support/actors.ts';

// Tree: county 1 → townships 2 and 3; the users below belong to township 3.
const own: AgencyScope = { agencyId: 3, ancestorIds: [1] };
const sibling: AgencyScope = { agencyId: 2, ancestorIds: [1] };

// Expected outcome per role: the national calendar, regional holidays of the own and of a sibling agency, viewing.
const matrix: Record<
  Role,
  { manage: boolean; regionalOwn: boolean; regionalSibling: boolean; view: boolean }
> = {
  // An agency admin does not edit the national calendar (issue 12), only its own regional holidays.
  admin: { manage: false, regionalOwn: true, regionalSibling: false, view: true },
  clerk: { manage: false, regionalOwn: false, regionalSibling: false, view: true },
  drafter: { manage: false, regionalOwn: false, regionalSibling: false, view: true },
  office_head: { manage: false, regionalOwn: false, regionalSibling: false, view: true },
  deputy_leader: { manage: false, regionalOwn: false, regionalSibling: false, view: true },
  principal_leader: { manage: false, regionalOwn: false, regionalSibling: false, view: true },
  liaison: { manage: false, regionalOwn: false, regionalSibling: false, view: true },
  inspector: { manage: false, regionalOwn: false, regionalSibling: false, view: true },
  supervisor: { manage: false, regionalOwn: false, regionalSibling: false, view: true },
  auditor: { manage: false, regionalOwn: false, regionalSibling: false, view: true },
  // The one table every agency's deadlines use: only the platform role loads or edits it.
  platform_admin: { manage: true, regionalOwn: false, regionalSibling: false, view: true },
  village_supervisor: { manage: false, regionalOwn: false, regionalSibling: false, view: true },
  village_cadre: { manage: false, regionalOwn: false, regionalSibling: false, view: true },
};

test('calendar policy: role × action matrix', () => {
  for (const role of ROLES) {
    const a = user(3, role);
    const got = {
      manage: calendarPolicy.manage(a),
      regionalOwn: calendarPolicy.manageRegional(a, own),
      regionalSibling: calendarPolicy.manageRegional(a, sibling),
      view: calendarPolicy.view(a),
    };
    assert.deepEqual(got, matrix[role], role);
  }
});

test('calendar policy: a county admin sets regional holidays below; the system does all; the public nothing', () => {
  assert.equal(calendarPolicy.manageRegional(user(1, 'admin'), own), true);
  const sys = systemActor('测试');
  assert.deepEqual(
    [calendarPolicy.manage(sys), calendarPolicy.manageRegional(sys, own), calendarPolicy.view(sys)],
    [true, true, true],
  );
  assert.deepEqual(
    [
      calendarPolicy.manage(publicActor),
      calendarPolicy.manageRegional(publicActor, own),
      calendarPolicy.view(publicActor),
    ],
    [false, false, false],
  );
});
