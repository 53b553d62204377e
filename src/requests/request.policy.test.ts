import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../context.ts';
import type { Role } from '../org/roles.ts';
import { requestPolicy, type RequestPolicyAction, type RequestScope } from './request.policy.ts';

const SCOPE: RequestScope = { agencyId: 10, ancestorIds: [5, 1], disclosureOfficeId: 100, handlerId: 7 };
const user = (
  roles: Role[],
  o: Partial<{ agencyId: number; officeId: number | null; userId: number }> = {},
): Actor => ({
  kind: 'user',
  userId: o.userId ?? 1,
  name: 'x',
  agencyId: o.agencyId ?? 10,
  officeId: o.officeId ?? null,
  villageId: null,
  roles,
});

const ACTIONS: RequestPolicyAction[] = [
  'view',
  'register',
  'handle',
  'assign',
  'approve',
  'extend',
  'waiveFee',
  'manageAppeals',
  'manageSettings',
  'requestExtension',
  'reassign',
];

// Expected allowed actions per actor; anything not listed is denied.
const MATRIX: [string, Actor, RequestPolicyAction[]][] = [
  ['clerk', user(['clerk']), ['view', 'register', 'handle', 'assign', 'manageAppeals', 'requestExtension']],
  ['assigned drafter', user(['drafter'], { userId: 7 }), ['view', 'handle', 'requestExtension']],
  ['other drafter', user(['drafter'], { userId: 8 }), ['view']],
  [
    'head of the disclosure office',
    user(['office_head'], { officeId: 100 }),
    ['view', 'assign', 'approve', 'extend', 'waiveFee'],
  ],
  ['head of another office', user(['office_head'], { officeId: 101 }), ['view', 'assign']],
  ['deputy leader', user(['deputy_leader']), ['view', 'approve', 'waiveFee']],
  ['principal leader', user(['principal_leader']), ['view', 'approve', 'waiveFee']],
  ['admin', user(['admin']), ['view', 'manageAppeals', 'manageSettings', 'reassign']],
  ['auditor', user(['auditor']), ['view']],
  ['liaison', user(['liaison']), []],
  ['inspector above', user(['inspector'], { agencyId: 5 }), ['view']],
  ['inspector elsewhere', user(['inspector'], { agencyId: 6 }), []],
  ['clerk of another agency', user(['clerk'], { agencyId: 11 }), []],
  ['head of the disclosure office elsewhere', user(['office_head'], { agencyId: 11, officeId: 100 }), []],
  ['the public', { kind: 'public' }, []],
  ['system', { kind: 'system', name: 'job' }, ACTIONS],
];

for (const [name, actor, allowed] of MATRIX) {
  test(`policy: ${name}`, () => {
    const got = ACTIONS.filter((a) => requestPolicy[a](actor, SCOPE));
    assert.deepEqual(got, allowed);
  });
}

test('no disclosure office set: nobody but the system may extend', () => {
  const scope = { ...SCOPE, disclosureOfficeId: null };
  assert.equal(requestPolicy.extend(user(['office_head'], { officeId: 100 }), scope), false);
  assert.equal(requestPolicy.extend({ kind: 'system', name: 'x' }, scope), true);
});

test('named persons (a substitute, a reassignee) approve and extend; others and outsiders do not', () => {
  const scope = { ...SCOPE, approverIds: [42], extensionApproverIds: [42] };
  const named = user(['drafter'], { userId: 42 });
  assert.equal(requestPolicy.approve(named, scope), true);
  assert.equal(requestPolicy.extend(named, scope), true);
  assert.equal(requestPolicy.approve(user(['drafter'], { userId: 43 }), scope), false);
  assert.equal(requestPolicy.extend(user(['drafter'], { userId: 42, agencyId: 11 }), scope), false);
});
