import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Role } from './roles.ts';
import { orgPolicy } from './org.policy.ts';
import { canReadAgencyData, type AgencyScope } from './access.ts';
import { publicActor as pub, userWithRole as user } from '../../test/support/actors.ts';

// Tree: county 1 → townships 2 and 3.
const town2: AgencyScope = { agencyId: 2, ancestorIds: [1] };
const county: AgencyScope = { agencyId: 1, ancestorIds: [] };

// Expected outcome per role for: [view own, manage own, view sibling, manage sibling, read data of sibling]
const matrix: Record<Role, [boolean, boolean, boolean, boolean, boolean]> = {
  admin: [true, true, false, false, false],
  clerk: [true, false, false, false, false],
  drafter: [true, false, false, false, false],
  office_head: [true, false, false, false, false],
  deputy_leader: [true, false, false, false, false],
  principal_leader: [true, false, false, false, false],
  liaison: [true, false, false, false, false],
  inspector: [true, false, false, false, false],
  supervisor: [true, false, false, false, false],
  auditor: [true, false, false, false, false],
  platform_admin: [true, false, false, false, false],
  village_supervisor: [true, false, false, false, false],
  village_cadre: [true, false, false, false, false],
};

test('organisation policies: role × action matrix (users of township 3 acting on 3 and on sibling 2)', () => {
  const own: AgencyScope = { agencyId: 3, ancestorIds: [1] };
  for (const role of ROLES) {
    const a = user(3, role);
    const got = [
      orgPolicy.view(a, own),
      orgPolicy.manage(a, own),
      orgPolicy.view(a, town2),
      orgPolicy.manage(a, town2),
      canReadAgencyData(a, town2),
    ];
    assert.deepEqual(got, matrix[role], role);
  }
});

test('an inspector of the county reads every township below but changes nothing', () => {
  const insp = user(1, 'inspector');
  assert.equal(orgPolicy.view(insp, town2), true);
  assert.equal(canReadAgencyData(insp, town2), true);
  assert.equal(orgPolicy.manage(insp, town2), false);
  assert.equal(orgPolicy.view(insp, county), true);
  // An inspector of a township sees nothing of its county or siblings.
  const low = user(2, 'inspector');
  assert.equal(canReadAgencyData(low, { agencyId: 3, ancestorIds: [1] }), false);
  assert.equal(canReadAgencyData(low, county), false);
});

test('a county admin administers townships below; the public can do nothing', () => {
  assert.equal(orgPolicy.manage(user(1, 'admin'), town2), true);
  assert.equal(orgPolicy.view(pub, town2), false);
  assert.equal(orgPolicy.manage(pub, town2), false);
});

test('new agencies: only an admin of the agency or above', () => {
  const own: AgencyScope = { agencyId: 3, ancestorIds: [1] };
  for (const role of ROLES) {
    assert.equal(orgPolicy.createChild(user(3, role), own), role === 'admin', `${role} child`);
    assert.equal(orgPolicy.createChild(user(2, role), own), false, `${role} of a sibling`);
  }
  assert.equal(orgPolicy.createChild(user(1, 'admin'), own), true, 'county admin below');
  assert.equal(orgPolicy.createChild(pub, own), false);
});
