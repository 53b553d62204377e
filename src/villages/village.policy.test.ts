import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../context.ts';
import { ROLES, type Role } from '../org/roles.ts';
import type { AgencyScope } from '../org/access.ts';
import { villagePolicy, type DisclosureFacts } from './village.policy.ts';
import type { DisclosureStatus } from './village-disclosure.ts';

// Township 2 under county 1; village 7 is the item's, village 8 another of the same township.
const town: AgencyScope = { agencyId: 2, ancestorIds: [1] };
const actor = (
  role: Role,
  o: { agencyId?: number; villageId?: number | null; userId?: number } = {},
): Actor => ({
  kind: 'user',
  userId: o.userId ?? 50,
  name: 'x',
  agencyId: o.agencyId ?? 2,
  officeId: null,
  villageId: o.villageId === undefined ? 7 : o.villageId,
  roles: [role],
});
const item = (status: DisclosureStatus, o: Partial<DisclosureFacts> = {}): DisclosureFacts => ({
  villageId: 7,
  status,
  createdBy: 40,
  signerIds: [],
  ...o,
});

type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean];
// [viewTownship, viewVillage, draft, edit draft, supervise, reviewTownship, answerObjection, recordOutcome]
// for a user of the same township placed in village 7.
const matrix: Record<Role, Row> = {
  admin: [true, true, false, false, false, false, false, false],
  clerk: [true, true, false, false, false, true, false, true],
  drafter: [false, false, false, false, false, false, false, false],
  office_head: [false, false, false, false, false, false, false, false],
  deputy_leader: [true, true, false, false, false, false, false, false],
  principal_leader: [true, true, false, false, false, false, false, false],
  liaison: [false, true, true, true, false, false, true, false],
  inspector: [false, false, false, false, false, false, false, false],
  auditor: [false, false, false, false, false, false, false, false],
  supervisor: [false, false, false, false, false, false, false, false],
  platform_admin: [false, false, false, false, false, false, false, false],
  village_supervisor: [false, true, false, false, true, false, false, false],
  village_cadre: [true, true, false, false, false, true, false, true],
};

test("village policies: role × action matrix (same township, the item's village)", () => {
  for (const role of ROLES) {
    const a = actor(role);
    const got: Row = [
      villagePolicy.viewTownship(a, town),
      villagePolicy.viewVillage(a, town, 7),
      villagePolicy.draft(a, town, 7),
      villagePolicy.edit(a, town, item('draft')),
      villagePolicy.supervise(a, town, item('supervision')),
      villagePolicy.reviewTownship(a, town, item('township_review')),
      villagePolicy.answerObjection(a, town, 7, 'open'),
      villagePolicy.recordOutcome(a, town, 7, 'escalated'),
    ];
    assert.deepEqual(got, matrix[role], role);
  }
});

test('village people act only for their own village; a 包村干部 only for his', () => {
  for (const role of ['liaison', 'village_supervisor', 'village_cadre'] as const) {
    const other = actor(role, { villageId: 8 });
    assert.equal(villagePolicy.viewVillage(other, town, 7), role === 'village_cadre', role);
    assert.equal(villagePolicy.draft(other, town, 7), false);
    assert.equal(villagePolicy.edit(other, town, item('draft')), false);
    assert.equal(villagePolicy.supervise(other, town, item('supervision')), false);
    assert.equal(villagePolicy.reviewTownship(other, town, item('township_review')), false);
    assert.equal(villagePolicy.recordOutcome(other, town, 7, 'escalated'), false);
  }
});

test('each step only in its state; no one signs twice; the drafter never reviews', () => {
  const liaison = actor('liaison');
  for (const s of ['supervision', 'township_review', 'published'] as const)
    assert.equal(villagePolicy.edit(liaison, town, item(s)), false, s);
  assert.equal(villagePolicy.edit(liaison, town, item('returned')), true);
  const sup = actor('village_supervisor', { userId: 40 });
  assert.equal(villagePolicy.supervise(sup, town, item('supervision')), false); // 40 drafted it
  assert.equal(villagePolicy.supervise(actor('village_supervisor'), town, item('township_review')), false);
  const clerk = actor('clerk', { villageId: null, userId: 60 });
  assert.equal(
    villagePolicy.reviewTownship(clerk, town, item('township_review', { signerIds: [60] })),
    false,
  );
  assert.equal(villagePolicy.reviewTownship(clerk, town, item('supervision')), false);
  assert.equal(villagePolicy.recordBoard(liaison, town, item('published')), true);
  assert.equal(villagePolicy.recordBoard(liaison, town, item('township_review')), false);
  assert.equal(villagePolicy.answerObjection(liaison, town, 7, 'escalated'), false);
});

test('a county inspector reads every township below, writes nothing; other townships and the public get nothing', () => {
  const insp = actor('inspector', { agencyId: 1, villageId: null });
  assert.equal(villagePolicy.viewTownship(insp, town), true);
  assert.equal(villagePolicy.viewVillage(insp, town, 7), true);
  assert.equal(villagePolicy.printBoard(insp, town, item('published')), true);
  for (const f of [
    villagePolicy.draft(insp, town, 7),
    villagePolicy.reviewTownship(insp, town, item('township_review')),
    villagePolicy.recordOutcome(insp, town, 7, 'escalated'),
    villagePolicy.manageTemplates(insp, town),
  ])
    assert.equal(f, false);
  const sibling = actor('clerk', { agencyId: 3, villageId: null });
  assert.equal(villagePolicy.viewTownship(sibling, town), false);
  assert.equal(villagePolicy.reviewTownship(sibling, town, item('township_review')), false);
  const pub: Actor = { kind: 'public' };
  assert.equal(villagePolicy.viewVillage(pub, town, 7), false);
  assert.equal(villagePolicy.answerObjection(pub, town, 7, 'open'), false);
});
