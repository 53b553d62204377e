import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../context.ts';
import { ROLES, type Role } from '../org/roles.ts';
import { publicationPolicy, type PublicationFacts, type ReviewAction } from './publication.policy.ts';
import { chainState, DEFAULT_REVIEW_CHAIN, type ReviewStep } from './publication.ts';

const scope = { agencyId: 10, ancestorIds: [1] };
const DRAFTER_ID = 100;
const OFFICE = 7;
const user = (id: number, roles: Role[], agencyId = 10, officeId: number | null = OFFICE): Actor => ({
  kind: 'user',
  userId: id,
  name: `u${id}`,
  agencyId,
  officeId,
  villageId: null,
  roles,
});

/** An item whose chain has been signed up to (not including) `at`. */
function itemAt(
  at: ReviewStep | 'done',
  opts: { major?: boolean; signers?: number[] } = {},
): PublicationFacts {
  const steps = ['first_review', 'second_review', 'final_review', 'principal_approval'] as const;
  const upto = at === 'done' ? steps.length : steps.indexOf(at);
  const ids = opts.signers ?? [DRAFTER_ID, 201, 301, 401];
  const reviews = steps.slice(0, upto).map((step, i) => ({
    round: 1,
    step,
    action: 'approve' as const,
    userId: ids[i]!,
    userName: `u${ids[i]}`,
    reason: null,
    signedAt: '2025-01-01T00:00:00Z',
  }));
  const chain = chainState(DEFAULT_REVIEW_CHAIN, opts.major ?? true, 1, reviews);
  return {
    status: at === 'first_review' ? 'draft' : chain.next ? 'in_review' : 'approved',
    createdBy: DRAFTER_ID,
    officeId: OFFICE,
    chain,
  };
}

const actors: Record<string, Actor> = {
  'drafter (the item’s own)': user(DRAFTER_ID, ['drafter']),
  'another drafter': user(101, ['drafter']),
  'office head of the office': user(200, ['office_head']),
  'office head of another office': user(202, ['office_head'], 10, 99),
  'deputy leader': user(300, ['deputy_leader']),
  'principal leader': user(400, ['principal_leader']),
  clerk: user(500, ['clerk']),
  admin: user(600, ['admin']),
  'deputy leader of another agency': user(301, ['deputy_leader'], 11),
  inspector: user(700, ['inspector'], 1),
  public: { kind: 'public' },
};

// Expected: which actor may take which action at which step (everything else is denied).
const allowed = new Set([
  'drafter (the item’s own)|first_review|approve',
  'office head of the office|second_review|approve',
  'office head of the office|second_review|return',
  'deputy leader|final_review|approve',
  'deputy leader|final_review|return',
  'principal leader|principal_approval|approve',
  'principal leader|principal_approval|return',
]);

describe('publicationPolicy.review matrix (role × step × action)', () => {
  for (const [name, actor] of Object.entries(actors)) {
    for (const step of ['first_review', 'second_review', 'final_review', 'principal_approval'] as const) {
      for (const action of ['approve', 'return'] as ReviewAction[]) {
        const key = `${name}|${step}|${action}`;
        const expected = allowed.has(key);
        it(`${key} → ${expected ? 'allowed' : 'denied'}`, () => {
          assert.equal(publicationPolicy.review(actor, scope, itemAt(step), step, action), expected);
        });
      }
    }
  }
});

describe('review: order and separation of duties', () => {
  it('a step cannot be signed before the previous one (no skipping)', () => {
    const item = itemAt('second_review');
    assert.equal(
      publicationPolicy.review(actors['deputy leader']!, scope, item, 'final_review', 'approve'),
      false,
    );
    assert.equal(
      publicationPolicy.review(actors['principal leader']!, scope, item, 'principal_approval', 'approve'),
      false,
    );
  });
  it('nobody signs two steps of one item', () => {
    const both = user(201, ['office_head', 'deputy_leader']);
    const item = itemAt('final_review', { signers: [DRAFTER_ID, 201] });
    assert.equal(publicationPolicy.review(both, scope, item, 'final_review', 'approve'), false);
    const other = user(302, ['deputy_leader']);
    assert.equal(publicationPolicy.review(other, scope, item, 'final_review', 'approve'), true);
  });
  it('the drafter cannot review his own item at a later step even with the role', () => {
    const drafterHead = user(DRAFTER_ID, ['drafter', 'office_head']);
    assert.equal(
      publicationPolicy.review(drafterHead, scope, itemAt('second_review'), 'second_review', 'approve'),
      false,
    );
  });
  it('审定 is not a step of an ordinary item', () => {
    const item = itemAt('final_review', { major: false });
    const signed = { ...item, chain: { ...item.chain, next: null }, status: 'approved' as const };
    assert.equal(
      publicationPolicy.review(actors['principal leader']!, scope, signed, 'principal_approval', 'approve'),
      false,
    );
  });
  it('a returned item goes back to its drafter for the first step', () => {
    const item = { ...itemAt('first_review'), status: 'returned' as const };
    assert.equal(
      publicationPolicy.review(actors['drafter (the item’s own)']!, scope, item, 'first_review', 'approve'),
      true,
    );
    assert.equal(
      publicationPolicy.review(actors['another drafter']!, scope, item, 'first_review', 'approve'),
      false,
    );
  });
});

describe('publish, edit, channels', () => {
  const cases: [string, Actor, PublicationFacts, boolean][] = [
    ['clerk publishes an approved item', actors.clerk!, itemAt('done'), true],
    ['clerk cannot publish an item still in review', actors.clerk!, itemAt('final_review'), false],
    ['a drafter cannot publish', actors['drafter (the item’s own)']!, itemAt('done'), false],
    ['admin without clerk role cannot publish', actors.admin!, itemAt('done'), false],
  ];
  for (const [title, actor, item, ok] of cases)
    it(title, () => assert.equal(publicationPolicy.publish(actor, scope, item), ok));
  it('the drafter edits a draft, not an item under review', () => {
    const d = actors['drafter (the item’s own)']!;
    assert.equal(publicationPolicy.edit(d, scope, itemAt('first_review')), true);
    assert.equal(publicationPolicy.edit(d, scope, itemAt('second_review')), false);
    assert.equal(publicationPolicy.edit(actors['another drafter']!, scope, itemAt('first_review')), false);
    assert.equal(publicationPolicy.edit(actors.clerk!, scope, itemAt('first_review')), true);
  });
  it('reassign: the agency admin only; a named reviewer signs a step outside his role', () => {
    assert.equal(publicationPolicy.reassign(actors.admin!, scope), true);
    assert.equal(publicationPolicy.reassign(actors.clerk!, scope), false);
    const named = {
      ...itemAt('second_review'),
      reviewerIds: [actors.clerk!.kind === 'user' ? actors.clerk!.userId : 0],
    };
    assert.equal(publicationPolicy.review(actors.clerk!, scope, named, 'second_review', 'approve'), true);
    assert.equal(
      publicationPolicy.review(actors.clerk!, scope, itemAt('second_review'), 'second_review', 'approve'),
      false,
    );
  });
  it('channels only for published items', () => {
    assert.equal(publicationPolicy.useChannel(actors.clerk!, scope, { status: 'published' }), true);
    assert.equal(publicationPolicy.useChannel(actors.clerk!, scope, { status: 'approved' }), false);
    assert.equal(publicationPolicy.useChannel(actors.public!, scope, { status: 'published' }), false);
  });
  it('catalogue: admins only', () => {
    assert.equal(publicationPolicy.manageCatalogue(actors.admin!, scope), true);
    assert.equal(publicationPolicy.manageCatalogue(actors.clerk!, scope), false);
  });
});

describe('view, create, published items, portal pages and registers: role × action', () => {
  const town = { agencyId: 10, ancestorIds: [1] };
  const as = (agencyId: number, role: Role): Actor => ({
    kind: 'user',
    userId: 77,
    name: 'x',
    agencyId,
    officeId: null,
    villageId: null,
    roles: [role],
  });
  // [view, create, managePublished, managePages, manageRegisters] for a member of the township
  const expected: Record<Role, [boolean, boolean, boolean, boolean, boolean]> = {
    admin: [true, false, false, true, true],
    clerk: [true, true, true, true, true],
    drafter: [true, true, false, false, false],
    office_head: [true, false, false, false, false],
    deputy_leader: [true, false, false, false, false],
    principal_leader: [true, false, false, false, false],
    liaison: [true, true, false, false, false],
    inspector: [true, false, false, false, false],
    supervisor: [true, false, false, false, false],
    auditor: [true, false, false, false, false],
    platform_admin: [true, false, false, false, false],
    village_supervisor: [true, false, false, false, false],
    village_cadre: [true, false, false, false, false],
  };
  for (const role of ROLES)
    it(role, () => {
      const a = as(10, role);
      assert.deepEqual(
        [
          publicationPolicy.view(a, town),
          publicationPolicy.create(a, town),
          publicationPolicy.managePublished(a, town, { status: 'published' }),
          publicationPolicy.managePages(a, town),
          publicationPolicy.manageRegisters(a, town),
        ],
        expected[role],
      );
      // A published-only action never applies to an item that is not published; another township gets nothing.
      assert.equal(publicationPolicy.managePublished(a, town, { status: 'approved' }), false);
      const other = as(11, role);
      assert.deepEqual(
        [
          publicationPolicy.create(other, town),
          publicationPolicy.managePages(other, town),
          publicationPolicy.manageRegisters(other, town),
        ],
        [false, false, false],
      );
    });
  it('the public reads nothing in the office', () => {
    assert.equal(publicationPolicy.view({ kind: 'public' }, town), false);
  });
});
