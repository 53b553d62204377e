import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeOutRefusal, followUpDates, statusLabel } from './problem.ts';
import { rosterMismatches } from './providers/core-providers.ts';
import { autoScore, AUTO_POINTS, type ItemScore } from './assessment.ts';
import { screenComment } from './evaluations.ts';
import { supervisionPolicy } from './supervision.policy.ts';
import { draftBulletin } from './bulletin.ts';
import type { Actor } from '../context.ts';
import type { Role } from '../org/roles.ts';

test('statusLabel: plain Chinese for every state, overdue and recurring shown', () => {
  const base = { deadline: '2026-03-10', isRecurring: false, pendingFollowUps: 0, supervisionWaiting: false };
  const cases: [Parameters<typeof statusLabel>[0], string, string][] = [
    [{ ...base, status: 'open' }, '2026-03-10', '待整改'],
    [{ ...base, status: 'open' }, '2026-03-11', '待整改（已逾期）'],
    [{ ...base, status: 'open', isRecurring: true }, '2026-03-01', '复发，待整改'],
    [{ ...base, status: 'open', isRecurring: true }, '2026-04-01', '复发，待整改（已逾期）'],
    [{ ...base, status: 'rectified' }, '2026-04-01', '已整改，待销号'],
    [{ ...base, status: 'closed', pendingFollowUps: 2 }, '2026-04-01', '已销号，待回头看'],
    [{ ...base, status: 'closed' }, '2026-04-01', '已销号'],
  ];
  for (const [p, today, want] of cases) assert.equal(statusLabel(p, today), want);
});

test('销号 needs a second person (neither rectifier nor responsible) and a rectified problem', () => {
  const p = { status: 'rectified' as const, rectifiedBy: 7, responsibleUserId: 8 };
  assert.match(closeOutRefusal(p, 7)!, /第二人/);
  assert.match(closeOutRefusal(p, 8)!, /第二人/);
  assert.equal(closeOutRefusal(p, 9), null);
  assert.match(closeOutRefusal({ ...p, status: 'open' }, 9)!, /已整改、待销号/);
});

test('回头看 dates: +30 and +90 by default, deduplicated and sorted, invalid offsets dropped', () => {
  assert.deepEqual(followUpDates('2026-03-31', [30, 90]), [
    { offset: 30, dueOn: '2026-04-30' },
    { offset: 90, dueOn: '2026-06-29' },
  ]);
  assert.deepEqual(
    followUpDates('2026-12-15', [90, 30, 30, 0, -5]).map((f) => f.dueOn),
    ['2027-01-14', '2027-03-15'],
  );
});

test('leaders roster: a roster name after another roster post is flagged; 副乡长 is not read as 乡长', () => {
  const leaders = [
    { post: '乡长', name: '祁德明' },
    { post: '副乡长', name: '马永福' },
  ];
  assert.deepEqual(rosterMismatches('副乡长祁德明主持会议', leaders), [
    { name: '祁德明', written: '副乡长', post: '乡长' },
  ]);
  assert.deepEqual(rosterMismatches('乡长马永福讲话', leaders), [
    { name: '马永福', written: '乡长', post: '副乡长' },
  ]);
  assert.deepEqual(rosterMismatches('乡长祁德明、副乡长马永福出席；马永福同志', leaders), []);
});

test('assessment: record score from weighted rates, items without records left out of the denominator', () => {
  const item = (weight: number, n: number, d: number): ItemScore => ({
    code: 'x',
    label: 'x',
    weight,
    numerator: n,
    denominator: d,
    rate: d ? n / d : null,
  });
  assert.equal(autoScore([item(30, 9, 10), item(20, 0, 0), item(30, 1, 2), item(20, 2, 2)]), 62);
  assert.equal(autoScore([item(30, 0, 0), item(20, 0, 0)]), AUTO_POINTS);
  assert.equal(autoScore([item(30, 0, 4)]), 0);
});

test('evaluation comments: phone and ID numbers masked for readers outside the office', () => {
  assert.equal(screenComment('请打13912345678联系'), '请打139****5678联系');
  assert.doesNotMatch(screenComment('身份证632126198001010011'), /198001010011/);
  assert.equal(screenComment('建议公开更及时'), '建议公开更及时');
});

test('bulletin draft: figures, per-unit line, and the problems still open', () => {
  const text = draftBulletin({ name: '测试乡人民政府' }, '2026-04', {
    problems: {
      found: 2,
      fixed: 1,
      fixedOnTime: 1,
      overdue: 1,
      open: 2,
      recurring: 1,
      byUnit: [{ unit: '费家村', found: 1, fixed: 0, overdue: 1 }],
      rectifyDays: [5],
    },
    timeliness: { published: 4, publishedOnTime: 3, replied: 0, repliedOnTime: 0 },
    newProblems: [
      {
        reference: 'ZG1-2026-0002',
        unit: '白崖村',
        title: '公开栏破损',
        source: '专项督查',
        status: '整改中',
      },
    ],
    openProblems: [
      {
        reference: 'ZG1-2026-0001',
        unit: '费家村',
        title: '公开栏未更新',
        status: '整改中',
        recurring: true,
      },
    ],
  });
  assert.match(
    text,
    /发现问题2个，整改销号1个（其中按期整改1个）；截至月底尚未销号2个，其中整改逾期1个，回头看发现复发1个/,
  );
  assert.match(text, /费家村发现1个、销号0个、逾期1个/);
  assert.match(text, /费家村：公开栏未更新（回头看发现复发，整改中）/);
  assert.match(text, /按时公开率75%/);
});

/** A user of an agency (2: the township, 1: its county) for the policy matrices. */
const user = (roles: Role[], agencyId = 2, extra: Partial<Extract<Actor, { kind: 'user' }>> = {}): Actor => ({
  kind: 'user',
  userId: 100 + roles.length,
  name: 'u',
  agencyId,
  officeId: null,
  villageId: null,
  roles,
  ...extra,
});

test('policy matrix: read / inspect / plan below / rectify / 督办, default deny; the county supervisor is the 督办 role', () => {
  const scope = { agencyId: 2, ancestorIds: [1] };
  const rows: [string, Actor, boolean, boolean, boolean, boolean, boolean][] = [
    // who, actor, read, inspect, plan below, 督办, manage
    ['township clerk', user(['clerk']), true, true, false, false, true],
    ['township drafter', user(['drafter']), true, false, false, false, false],
    ['township liaison', user(['liaison']), true, false, false, false, false],
    // A village's own people (isVillageOnly) read no township-wide supervision data: readProblem below.
    ['village liaison', user(['liaison'], 2, { villageId: 9 }), false, false, false, false, false],
    [
      '村务监督委员会 member',
      user(['village_supervisor'], 2, { villageId: 9 }),
      false,
      false,
      false,
      false,
      false,
    ],
    [
      '包村干部 (township staff)',
      user(['village_cadre'], 2, { villageId: 9 }),
      true,
      false,
      false,
      false,
      false,
    ],
    ['township supervisor role (nothing below)', user(['supervisor']), true, false, true, false, false],
    ['county inspector (reads only)', user(['inspector'], 1), true, false, false, false, false],
    ['county supervisor (督办)', user(['supervisor'], 1), true, true, true, true, false],
    ['county admin', user(['admin'], 1), false, false, false, false, false],
    ['another county’s supervisor', user(['supervisor'], 3), false, false, true, false, false],
    ['public', { kind: 'public' }, false, false, false, false, false],
  ];
  for (const [who, a, read, inspect, planBelow, supervise, manage] of rows) {
    assert.equal(supervisionPolicy.read(a, scope), read, `${who} read`);
    assert.equal(supervisionPolicy.inspect(a, scope), inspect, `${who} inspect`);
    assert.equal(supervisionPolicy.planBelow(a), planBelow, `${who} plan below`);
    assert.equal(supervisionPolicy.superviseFromAbove(a, scope), supervise, `${who} 督办`);
    assert.equal(supervisionPolicy.manage(a, scope), manage, `${who} manage`);
    // Answering a 督办 and reading unscreened evaluation comments: the township's own supervision staff only.
    assert.equal(supervisionPolicy.answerSupervision(a, scope), manage, `${who} answer 督办`);
    assert.equal(supervisionPolicy.readRawComments(a, scope), manage, `${who} raw comments`);
  }
  assert.equal(supervisionPolicy.read(user(['clerk']), scope), true);
  assert.equal(supervisionPolicy.read(user(['inspector'], 1), scope), true, 'the county reads its townships');
  assert.equal(supervisionPolicy.read(user(['clerk'], 3), scope), false, 'another township reads nothing');
  assert.equal(supervisionPolicy.read({ kind: 'public' }, scope), false);
  const facts = { responsibleUserId: 5, unitKind: 'village', unitId: 9 };
  assert.equal(
    supervisionPolicy.rectify(user(['drafter'], 2, { userId: 5 }), scope, facts),
    true,
    'the responsible person',
  );
  assert.equal(
    supervisionPolicy.rectify(user(['liaison'], 2, { villageId: 9 }), scope, facts),
    true,
    'the village liaison',
  );
  assert.equal(
    supervisionPolicy.rectify(user(['liaison'], 2, { villageId: 8 }), scope, facts),
    false,
    'another village',
  );
  assert.equal(
    supervisionPolicy.rectify(user(['inspector'], 1), scope, facts),
    false,
    'the county never rectifies',
  );
  assert.equal(
    supervisionPolicy.rectify(user(['supervisor'], 1), scope, facts),
    false,
    'nor does the county supervisor',
  );
  assert.equal(supervisionPolicy.inspect({ kind: 'system', name: '每日巡查' }, scope), true);
});

test('policy matrix: readProblem narrows a village-only user to the problems of their village or person', () => {
  const scope = { agencyId: 2, ancestorIds: [1] };
  // Village A's people are user 50 (a problem names them as responsible: assignedToMe).
  const me = { userId: 50 };
  const ofVillage = (villageId: number) => ({
    unitKind: 'village',
    unitId: villageId,
    villageId,
    responsibleUserId: null,
  });
  const problems = {
    villageA: ofVillage(9),
    villageB: ofVillage(8),
    township: { unitKind: 'agency', unitId: null, villageId: null, responsibleUserId: null },
    // An office whose id equals village A's: the unit kind decides, not the number.
    officeNine: { unitKind: 'office', unitId: 9, villageId: null, responsibleUserId: null },
    assignedToMe: { unitKind: 'office', unitId: 3, villageId: null, responsibleUserId: me.userId },
    // About village A (所涉村), the 党政办 (office 3) responsible: village A reads it, village B does not.
    officeAboutA: { unitKind: 'office', unitId: 3, villageId: 9, responsibleUserId: null },
  };
  const rows: [string, Actor, Record<keyof typeof problems, boolean>][] = [
    [
      'liaison of village A',
      user(['liaison'], 2, { ...me, villageId: 9 }),
      {
        villageA: true,
        villageB: false,
        township: false,
        officeNine: false,
        assignedToMe: true,
        officeAboutA: true,
      },
    ],
    [
      '监委会 member of village A',
      user(['village_supervisor'], 2, { ...me, villageId: 9 }),
      {
        villageA: true,
        villageB: false,
        township: false,
        officeNine: false,
        assignedToMe: true,
        officeAboutA: true,
      },
    ],
    [
      'liaison of village B',
      user(['liaison'], 2, { villageId: 8, userId: 51 }),
      {
        villageA: false,
        villageB: true,
        township: false,
        officeNine: false,
        assignedToMe: false,
        officeAboutA: false,
      },
    ],
    [
      'liaison of village A in another township',
      user(['liaison'], 3, { ...me, villageId: 9 }),
      {
        villageA: false,
        villageB: false,
        township: false,
        officeNine: false,
        assignedToMe: false,
        officeAboutA: false,
      },
    ],
    [
      'township clerk',
      user(['clerk'], 2),
      {
        villageA: true,
        villageB: true,
        township: true,
        officeNine: true,
        assignedToMe: true,
        officeAboutA: true,
      },
    ],
    [
      'county supervisor',
      user(['supervisor'], 1),
      {
        villageA: true,
        villageB: true,
        township: true,
        officeNine: true,
        assignedToMe: true,
        officeAboutA: true,
      },
    ],
    [
      'public',
      { kind: 'public' },
      {
        villageA: false,
        villageB: false,
        township: false,
        officeNine: false,
        assignedToMe: false,
        officeAboutA: false,
      },
    ],
  ];
  for (const [who, a, want] of rows)
    for (const [name, p] of Object.entries(problems))
      assert.equal(
        supervisionPolicy.readProblem(a, scope, p),
        want[name as keyof typeof problems],
        `${who} reads ${name}`,
      );
  // Village A's liaison reads the 党政办's problem about village A but does not rectify it (the office does).
  assert.equal(
    supervisionPolicy.rectify(user(['liaison'], 2, { villageId: 9 }), scope, problems.officeAboutA),
    false,
  );
  // The village liaison still rectifies their own village's problem; the 监委会 member does not (it supervises).
  const mine = { ...problems.villageA };
  assert.equal(supervisionPolicy.rectify(user(['liaison'], 2, { villageId: 9 }), scope, mine), true);
  assert.equal(
    supervisionPolicy.rectify(user(['village_supervisor'], 2, { villageId: 9 }), scope, mine),
    false,
  );
});
