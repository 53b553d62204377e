import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Role } from '../org/roles.ts';
import type { AgencyScope } from '../org/access.ts';
import { systemActor } from '../context.ts';
import { auditPolicy } from './audit.policy.ts';
import { publicActor, userWithRole as user } from '../../test/support/actors.ts';

// Tree: county 1 → townships 2 and 3.
const own: AgencyScope = { agencyId: 3, ancestorIds: [1] };
const sibling: AgencyScope = { agencyId: 2, ancestorIds: [1] };

// Expected outcome of view per role, for a user of township 3: [own log, sibling's log], and for a user of the county
// looking at township 3 below it.
const matrix: Record<Role, { own: boolean; sibling: boolean; fromAbove: boolean }> = {
  admin: { own: true, sibling: false, fromAbove: true },
  clerk: { own: false, sibling: false, fromAbove: false },
  drafter: { own: false, sibling: false, fromAbove: false },
  office_head: { own: false, sibling: false, fromAbove: false },
  deputy_leader: { own: false, sibling: false, fromAbove: false },
  principal_leader: { own: false, sibling: false, fromAbove: false },
  liaison: { own: false, sibling: false, fromAbove: false },
  // An inspector above reads business data, not who did what in the office.
  inspector: { own: false, sibling: false, fromAbove: false },
  supervisor: { own: false, sibling: false, fromAbove: false },
  // The auditor reads its own agency's log only; an auditor of the county does not read a township's.
  auditor: { own: true, sibling: false, fromAbove: false },
  platform_admin: { own: false, sibling: false, fromAbove: false },
  village_supervisor: { own: false, sibling: false, fromAbove: false },
  village_cadre: { own: false, sibling: false, fromAbove: false },
};

test('audit policy: role × agency matrix for view', () => {
  for (const role of ROLES) {
    const got = {
      own: auditPolicy.view(user(3, role), own),
      sibling: auditPolicy.view(user(3, role), sibling),
      fromAbove: auditPolicy.view(user(1, role), own),
    };
    assert.deepEqual(got, matrix[role], role);
  }
});

test('audit policy: the system reads every log, the public none', () => {
  assert.equal(auditPolicy.view(systemActor('测试'), own), true);
  assert.equal(auditPolicy.view(publicActor, own), false);
});
