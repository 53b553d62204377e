import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../context.ts';
import { ROLES, type Role } from './roles.ts';
import { auditPolicy, calendarPolicy, orgPolicy } from './org.policy.ts';
import { canReadAgencyData, type AgencyScope } from './access.ts';

// Tree: county 1 → townships 2 and 3.
const town2: AgencyScope = { agencyId: 2, ancestorIds: [1] };
const county: AgencyScope = { agencyId: 1, ancestorIds: [] };
const user = (agencyId: number, role: Role): Actor => ({
  kind: 'user',
  userId: 9,
  name: 'x',
  agencyId,
  officeId: null,
  villageId: null,
  roles: [role],
});

// Expected outcome per role for: [view own, manage own, view sibling, manage sibling, audit own, calendar manage, read data of sibling]
const matrix: Record<Role, [boolean, boolean, boolean, boolean, boolean, boolean, boolean]> = {
  // An agency admin does not edit the national calendar (issue 12): only the platform role does.
  admin: [true, true, false, false, true, false, false],
  clerk: [true, false, false, false, false, false, false],
  drafter: [true, false, false, false, false, false, false],
  office_head: [true, false, false, false, false, false, false],
  deputy_leader: [true, false, false, false, false, false, false],
  principal_leader: [true, false, false, false, false, false, false],
  liaison: [true, false, false, false, false, false, false],
  inspector: [true, false, false, false, false, false, false],
  supervisor: [true, false, false, false, false, false, false],
  auditor: [true, false, false, false, true, false, false],
  platform_admin: [true, false, false, false, false, true, false],
  village_supervisor: [true, false, false, false, false, false, false],
  village_cadre: [true, false, false, false, false, false, false],
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
      auditPolicy.view(a, own),
      calendarPolicy.manage(a),
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
  const pub: Actor = { kind: 'public' };
  assert.equal(orgPolicy.view(pub, town2), false);
  assert.equal(orgPolicy.manage(pub, town2), false);
  assert.equal(auditPolicy.view(pub, town2), false);
  assert.equal(calendarPolicy.view(pub), false);
});

test('regional holidays and new agencies: only an admin of the agency or above', () => {
  const own: AgencyScope = { agencyId: 3, ancestorIds: [1] };
  for (const role of ROLES) {
    const ok = role === 'admin';
    assert.equal(calendarPolicy.manageRegional(user(3, role), own), ok, `${role} regional`);
    assert.equal(orgPolicy.createChild(user(3, role), own), ok, `${role} child`);
    assert.equal(calendarPolicy.manageRegional(user(2, role), own), false, `${role} of a sibling`);
  }
  assert.equal(orgPolicy.createChild(user(1, 'admin'), own), true, 'county admin below');
  assert.equal(calendarPolicy.manageRegional({ kind: 'public' }, own), false);
});
