import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../context.ts';
import { ROLES, type Role } from '../org/roles.ts';
import { reportCheckPolicy } from './report-check.policy.ts';

const town = { agencyId: 10, ancestorIds: [1] };
const as = (agencyId: number, role: Role): Actor => ({
  kind: 'user',
  userId: 5,
  name: 'x',
  agencyId,
  officeId: null,
  villageId: null,
  roles: [role],
});

// [upload, view own agency's upload, view a township's upload from the county]
const expected: Record<Role, [boolean, boolean, boolean]> = {
  admin: [true, true, false],
  clerk: [true, true, false],
  drafter: [false, false, false],
  office_head: [true, true, false],
  deputy_leader: [true, true, false],
  principal_leader: [true, true, false],
  liaison: [false, false, false],
  inspector: [true, true, true],
  supervisor: [false, false, false],
  auditor: [false, false, false],
  platform_admin: [false, false, false],
  village_supervisor: [false, false, false],
  village_cadre: [false, false, false],
};

test('年报体检: role × action', () => {
  for (const role of ROLES)
    assert.deepEqual(
      [
        reportCheckPolicy.upload(as(10, role)),
        reportCheckPolicy.view(as(10, role), town),
        reportCheckPolicy.view(as(1, role), town),
      ],
      expected[role],
      role,
    );
  assert.equal(reportCheckPolicy.view({ kind: 'public' }, town), false);
  assert.equal(reportCheckPolicy.view({ kind: 'system', name: 's' }, town), true);
});
