/**
 * No dead ends (issue 10): every state of a request and of a publication, under every review configuration (the
 * step's office with or without a head, with or without a substitute, the disclosure office with or without a head,
 * review chains of 1 to 4 steps), waits on at least one named person; that person may take the step under the
 * policy — or, when nobody is left, is an admin who may reassign it, after which the assignee may take it — and the
 * person is told (a reminder row is written for them by the one notification writer). The same for village items and
 * villagers' objections, citizens' messages (互动交流) and the problems of the 整改台账 with their 督办.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './support/db.ts';
import {
  ctxAs,
  fixedClock,
  makeAgency,
  makeOffice,
  makeUser,
  makeVillage,
  systemCtx,
  userActor,
} from './support/factories.ts';
import type { Db } from '../src/db/database.ts';
import { setDisclosureOffice } from '../src/org/manage-agency.ts';
import { orgSnapshot, type OrgSnapshot } from '../src/org/acting-persons.ts';
import { agencyScope } from '../src/org/org.queries.ts';
import type { User } from '../src/org/org.ts';
import { requestWaiting } from '../src/requests/waiting.ts';
import { requestPolicy, type RequestScope } from '../src/requests/request.policy.ts';
import { requestScope } from '../src/requests/requests.queries.ts';
import { REQUEST_STATES, type InfoRequest } from '../src/requests/request.ts';
import { publicationWaiting } from '../src/publications/waiting.ts';
import { publicationPolicy } from '../src/publications/publication.policy.ts';
import {
  chainState,
  PUBLICATION_STATUSES,
  type ReviewChainConfig,
  type ReviewRecord,
} from '../src/publications/publication.ts';
import type { Publication } from '../src/publications/publications.queries.ts';
import { notifyHandover } from '../src/notifications/handover.ts';
import type { WaitingItem } from '../src/notifications/waiting-item.ts';
import { disclosureWaiting, objectionWaiting } from '../src/villages/waiting.ts';
import { villagePolicy } from '../src/villages/village.policy.ts';
import { requireActors } from '../src/villages/notify.ts';
import { inquiryApprovers, inquiryWaiting, listInquiryWaiting } from '../src/inquiries/waiting.ts';
import { headsOf, inquiryAgencyScope } from '../src/inquiries/inquiries.queries.ts';
import { submitInquiry } from '../src/inquiries/submit-inquiry.ts';
import { routeInquiry } from '../src/inquiries/route-inquiry.ts';
import { approveReply, submitReply } from '../src/inquiries/reply-inquiry.ts';
import { seedCalendar } from '../src/calendar/seed-calendar.ts';
import { inquiryPolicy } from '../src/inquiries/inquiry.policy.ts';
import { problemWaiting } from '../src/supervision/waiting.ts';
import { supervisionPolicy } from '../src/supervision/supervision.policy.ts';
import { closeOutRefusal } from '../src/supervision/problem.ts';
import { listProblemWaiting, rectifyDeadEnd } from '../src/supervision/waiting.ts';
import { recordProblem } from '../src/supervision/record-problem.ts';
import { rectifyProblem } from '../src/supervision/rectify-problem.ts';
import { closeOutProblem } from '../src/supervision/close-out-problem.ts';
import { loadProblem } from '../src/supervision/supervision.queries.ts';
import { InvalidStateError } from '../src/errors.ts';

interface World {
  label: string;
  agencyId: number;
  office: number;
  disclosure: number;
  drafter: User;
  admin: User;
  byId: Map<number, User>;
}

/** Who exists in a configuration besides the drafting office's two drafters. */
interface Staff {
  officeHead: boolean;
  substitute: boolean;
  disclosureHead: boolean;
  /** The disclosure office's clerk (政务公开工作机构): absent, the admins do the clerk's work. */
  clerk?: boolean;
  /** 分管领导 and 主要领导. */
  leaders?: boolean;
}

/** One agency per configuration: the drafting office with/without head and substitute, the disclosure office too. */
async function world(db: Db, staff: Staff): Promise<World> {
  const { officeHead, substitute, disclosureHead, clerk = true, leaders = true } = staff;
  const agency = await makeAgency(db);
  const disclosure = await makeOffice(db, agency.id);
  await setDisclosureOffice(systemCtx(db), agency.id, disclosure);
  const office = await makeOffice(db, agency.id);
  const drafters = [
    await makeUser(db, agency.id, ['drafter'], { officeId: office }),
    await makeUser(db, agency.id, ['drafter'], { officeId: office }),
  ];
  const admin = await makeUser(db, agency.id, ['admin']);
  const users = [...drafters, admin];
  if (clerk) users.push(await makeUser(db, agency.id, ['clerk'], { officeId: disclosure }));
  if (leaders)
    users.push(
      await makeUser(db, agency.id, ['deputy_leader']),
      await makeUser(db, agency.id, ['principal_leader']),
    );
  if (officeHead) users.push(await makeUser(db, agency.id, ['office_head'], { officeId: office }));
  if (disclosureHead) users.push(await makeUser(db, agency.id, ['office_head'], { officeId: disclosure }));
  if (substitute) {
    // The substitute of both offices: a drafter of the drafting office (not its author).
    for (const o of [office, disclosure])
      await db
        .updateTable('offices')
        .set({ substitute_user_id: drafters[1]!.id })
        .where('id', '=', o)
        .execute();
  }
  return {
    label: `站办所负责人${officeHead ? '有' : '无'}·代理人${substitute ? '有' : '无'}·公开机构负责人${disclosureHead ? '有' : '无'}·公开机构工作人员${clerk ? '有' : '无'}·领导${leaders ? '有' : '无'}`,
    agencyId: agency.id,
    office,
    disclosure,
    drafter: drafters[0]!,
    admin,
    byId: new Map(users.map((u) => [u.id, u])),
  };
}

/** Every combination of the flags (2^n records, each flag true or false). */
function everyCombination<K extends string>(flags: readonly K[]): Record<K, boolean>[] {
  return Array.from(
    { length: 1 << flags.length },
    (_, bits) => Object.fromEntries(flags.map((f, k) => [f, (bits & (1 << k)) !== 0])) as Record<K, boolean>,
  );
}

/** Staff of an agency from a table: each row's person is made when its flag is on. */
async function staffOf(
  db: Db,
  agencyId: number,
  rows: readonly [
    present: boolean,
    roles: Parameters<typeof makeUser>[2],
    opts?: Parameters<typeof makeUser>[3],
  ][],
): Promise<User[]> {
  const users: User[] = [];
  for (const [present, roles, opts] of rows)
    if (present) users.push(await makeUser(db, agencyId, roles, opts));
  return users;
}

/** Every combination of the flags, plus the agencies without a clerk and without leaders. */
function configurations(flags: readonly (keyof Staff)[]): Staff[] {
  const out: Staff[] = everyCombination(flags).map((f: Partial<Staff>) => ({
    officeHead: false,
    substitute: false,
    disclosureHead: false,
    ...f,
  }));
  const bare = { officeHead: false, substitute: false, disclosureHead: false };
  out.push({ ...bare, clerk: false }, { ...bare, leaders: false }, { ...bare, clerk: false, leaders: false });
  out.push({ officeHead: true, substitute: false, disclosureHead: true, clerk: false, leaders: false });
  return out;
}

const CHAINS: ReviewChainConfig[] = [
  { steps: [{ step: 'first_review', role: 'drafter' }], principalWhen: 'major' },
  {
    steps: [
      { step: 'first_review', role: 'drafter' },
      { step: 'second_review', role: 'office_head' },
    ],
    principalWhen: 'major',
  },
  {
    steps: [
      { step: 'first_review', role: 'drafter' },
      { step: 'second_review', role: 'office_head' },
      { step: 'final_review', role: 'deputy_leader' },
    ],
    principalWhen: 'major',
  },
  {
    steps: [
      { step: 'first_review', role: 'drafter' },
      { step: 'second_review', role: 'office_head' },
      { step: 'final_review', role: 'deputy_leader' },
      { step: 'principal_approval', role: 'principal_leader' },
    ],
    principalWhen: 'always',
  },
];

type Actor = ReturnType<typeof userActor>;
/** The policy that lets a person take a waiting item, by its kind (`default`: every other kind). */
const REQUEST_CAN: Record<string, (a: Actor, scope: RequestScope) => boolean> = {
  'request.approval': (a, scope) => requestPolicy.approve(a, scope),
  'request.extension_approval': (a, scope) => requestPolicy.extend(a, scope),
  'request.confirm': (a, scope) => requestPolicy.register(a, scope),
  default: (a, scope) => requestPolicy.handle(a, scope),
};
type InquiryScope = Parameters<typeof inquiryPolicy.handle>[1];
const INQUIRY_CAN: Record<string, (a: Actor, scope: InquiryScope) => boolean> = {
  'inquiry.routing': (a, scope) => inquiryPolicy.manage(a, scope),
  'inquiry.approval': (a, scope) => inquiryPolicy.approve(a, scope),
  'inquiry.transfer': (a, scope) => inquiryPolicy.acceptTransfer(a, scope),
  default: (a, scope) => inquiryPolicy.handle(a, scope),
};
/** A village item's step by its state (`default`: the liaison's draft or returned item). */
type VillageFacts = Parameters<typeof villagePolicy.edit>[2];
type VillageScope = Parameters<typeof villagePolicy.edit>[1];
const VILLAGE_CAN: Record<string, (a: Actor, scope: VillageScope, facts: VillageFacts) => boolean> = {
  supervision: (a, scope, facts) => villagePolicy.supervise(a, scope, facts),
  township_review: (a, scope, facts) => villagePolicy.reviewTownship(a, scope, facts),
  default: (a, scope, facts) => villagePolicy.edit(a, scope, facts),
};

/** Someone can act on the item: a resolved person the policy lets take it, or an admin whose reassignee can. */
function assertActionable(
  w: World,
  org: OrgSnapshot,
  item: WaitingItem,
  can: (u: User, org: OrgSnapshot) => boolean,
  resolve: (org: OrgSnapshot) => WaitingItem,
  where: string,
) {
  assert.ok(item.persons.userIds.length > 0, `${where}: nobody to act`);
  if (item.persons.via !== 'admin') {
    for (const id of item.persons.userIds)
      assert.ok(can(w.byId.get(id)!, org), `${where}: user ${id} may not act`);
    return;
  }
  // Nobody holds the step: the admins are told and may reassign it; the assignee then can act.
  assert.ok(item.step, `${where}: an item falling to the admins must be reassignable`);
  assert.ok(item.persons.userIds.includes(w.admin.id), `${where}: admin not among the persons`);
  // Any other member of staff will do (the reassignment names a person, whatever the role).
  const assignee = [...w.byId.values()].find((u) => u.id !== w.admin.id && u.id !== w.drafter.id)!;
  const after: OrgSnapshot = {
    ...org,
    assignments: [
      { objectType: item.objectType, objectId: item.objectId, step: item.step, userId: assignee.id },
      ...org.assignments,
    ],
  };
  const again = resolve(after);
  assert.deepEqual(again.persons.userIds, [assignee.id], `${where}: reassignment not honoured`);
  assert.ok(can(assignee, after), `${where}: the reassigned person may not act`);
}

async function assertTold(db: Db, item: WaitingItem, where: string) {
  await notifyHandover(db, new Date('2026-12-01T02:00:00Z'), null, [], [item]);
  for (const id of item.persons.userIds) {
    const row = await db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', id)
      .where('kind', '=', item.kind)
      .where('link', '=', item.link)
      .executeTakeFirst();
    assert.ok(row, `${where}: user ${id} was not told`);
  }
}

describeEachDialect('no dead ends: every waiting state reaches a person who can act and is told', (t) => {
  it('requests: every state × with/without head, substitute, extension requested', async () => {
    const { db } = t();
    let cases = 0;
    let nextId = 1_000_000;
    for (const staff of configurations(['substitute', 'disclosureHead'])) {
      const w = await world(db, staff);
      // The scope as the use cases read it (who does the clerk's work included).
      const base = await requestScope(db, w.agencyId);
      for (const status of REQUEST_STATES)
        for (const extensionAsked of [false, true]) {
          const id = nextId++;
          const r = {
            id,
            agencyId: w.agencyId,
            reference: `测试〔2026〕${id}号`,
            status,
            submittedOn: '2026-11-20',
            dueOn: '2026-12-18',
            handlerId: null,
            extensionDays: null,
            extensionRequestedAt: extensionAsked ? '2026-12-01T01:00:00Z' : null,
            extensionRequestedDays: extensionAsked ? 10 : null,
            extensionRequestedReason: extensionAsked ? '需调取档案' : null,
            extensionRequestedByName: '办件员',
          } as unknown as InfoRequest;
          const resolve = (org: OrgSnapshot) => requestWaiting(org, r, { correctionToReview: false });
          const org = await orgSnapshot(db, w.agencyId);
          const items = resolve(org);
          const where = `${w.label} · ${status}${extensionAsked ? ' · 延期待批' : ''}`;
          if (status === 'archived') {
            assert.equal(items.length, 0, `${where}: an archived request waits on nothing`);
            continue;
          }
          assert.ok(items.length > 0, `${where}: waits on nothing`);
          for (const item of items) {
            const can = (u: User, o: OrgSnapshot) => {
              const again = requestWaiting(o, r, { correctionToReview: false }).find(
                (x) => x.kind === item.kind,
              )!;
              const taking = again.persons.via === 'admin' ? [] : again.persons.userIds;
              const scope: RequestScope = {
                ...base,
                handlerId: null,
                approverIds: item.kind === 'request.approval' ? taking : [],
                extensionApproverIds: item.kind === 'request.extension_approval' ? taking : [],
              };
              return (REQUEST_CAN[item.kind] ?? REQUEST_CAN.default!)(userActor(u), scope);
            };
            assertActionable(w, org, item, can, (o) => resolve(o).find((x) => x.kind === item.kind)!, where);
            await assertTold(db, item, where);
            cases++;
          }
        }
    }
    // 8 configurations × 11 non-archived states × 2, plus the extension items of the open states.
    assert.ok(cases >= 8 * 22, `only ${cases} cases enumerated`);
  });

  it('publications: every state × office head, substitute, disclosure head × 1–4 step chains', async () => {
    const { db } = t();
    let cases = 0;
    let nextId = 2_000_000;
    for (const staff of configurations(['officeHead', 'substitute', 'disclosureHead'])) {
      const w = await world(db, staff);
      const scope = await agencyScope(db, w.agencyId);
      for (const chainConfig of CHAINS) {
        const n = chainConfig.steps.length;
        // draft, returned, approved, plus in review at each step after the drafter's own.
        const states: { status: (typeof PUBLICATION_STATUSES)[number]; signed: number }[] = [
          { status: 'draft', signed: 0 },
          { status: 'returned', signed: 0 },
          ...Array.from({ length: n - 1 }, (_, k) => ({ status: 'in_review' as const, signed: k + 1 })),
          { status: 'approved', signed: n },
          { status: 'published', signed: n },
          { status: 'withdrawn', signed: n },
        ];
        for (const s of states) {
          const id = nextId++;
          const p = {
            id,
            agencyId: w.agencyId,
            status: s.status,
            officeId: w.office,
            createdBy: w.drafter.id,
            createdByName: w.drafter.displayName,
            reviewRound: 1,
            isMajor: false,
            title: `测试信息${id}`,
            dueOn: '2026-12-20',
          } as unknown as Publication;
          const org = await orgSnapshot(db, w.agencyId);
          // Sign the first `signed` steps as the chain itself would: each by a person its step resolves to.
          const reviews: ReviewRecord[] = [];
          for (let k = 0; k < s.signed && s.status === 'in_review'; k++) {
            const chain = chainState(chainConfig, false, 1, reviews);
            const signer =
              k === 0 ? w.drafter.id : publicationWaiting(org, p, chain, null)[0]!.persons.userIds[0]!;
            reviews.push({
              round: 1,
              step: chainConfig.steps[k]!.step,
              action: 'approve',
              userId: signer,
              userName: '签批人',
              reason: null,
              signedAt: '2026-12-01T01:00:00Z',
            });
          }
          const chain = chainState(chainConfig, false, 1, reviews);
          const resolve = (o: OrgSnapshot) => publicationWaiting(o, p, chain, null);
          const items = resolve(org);
          const where = `${w.label} · ${n}步 · ${s.status}${s.status === 'in_review' ? `（第${s.signed + 1}步）` : ''}`;
          if (s.status === 'published' || s.status === 'withdrawn') {
            assert.equal(items.length, 0, `${where}: a finished item waits on nothing`);
            continue;
          }
          assert.equal(items.length, 1, `${where}: waits on nothing`);
          const item = items[0]!;
          const can = (u: User, o: OrgSnapshot) => {
            const again = resolve(o)[0]!;
            const facts = {
              status: p.status,
              createdBy: p.createdBy,
              officeId: p.officeId,
              chain,
              reviewerIds: again.persons.via === 'admin' ? [] : again.persons.userIds,
              publisherIds: again.persons.via === 'admin' ? [] : again.persons.userIds,
            };
            const a = userActor(u);
            if (p.status === 'in_review')
              return (
                publicationPolicy.review(a, scope, facts, chain.next!.step, 'approve') &&
                publicationPolicy.review(a, scope, facts, chain.next!.step, 'return')
              );
            if (p.status === 'approved') return publicationPolicy.publish(a, scope, facts);
            return publicationPolicy.review(a, scope, facts, 'first_review', 'approve');
          };
          assertActionable(w, org, item, can, (o) => resolve(o)[0]!, where);
          await assertTold(db, item, where);
          cases++;
        }
      }
    }
    assert.ok(cases >= 12 * (4 * 3 + 6), `only ${cases} cases enumerated`);
  });
});

/** Every person of every item may act under `can`, and is told; returns the number of items checked. */
async function assertEachCanAndIsTold(
  db: Db,
  items: readonly WaitingItem[],
  byId: Map<number, User>,
  can: (item: WaitingItem, u: User) => boolean,
  where: string,
): Promise<number> {
  for (const item of items) {
    assert.ok(item.persons.userIds.length > 0, `${where} · ${item.kind}: nobody to act`);
    for (const id of item.persons.userIds)
      assert.ok(can(item, byId.get(id)!), `${where} · ${item.kind}: user ${id} may not act`);
    await assertTold(db, item, `${where} · ${item.kind}`);
  }
  return items.length;
}

describeEachDialect('no dead ends: villages, 互动交流 and 监督', (t) => {
  it('village items and objections: every state × 监委会 member, 包村干部, 党政办 present or not', async () => {
    const { db } = t();
    let cases = 0;
    let nextId = 3_000_000;
    for (const { supervisor, cadre, clerk } of everyCombination(['supervisor', 'cadre', 'clerk'] as const)) {
      const agency = await makeAgency(db);
      const villageId = await makeVillage(db, agency.id);
      const liaison = await makeUser(db, agency.id, ['liaison'], { villageId });
      const [signer = null] = await staffOf(db, agency.id, [
        [supervisor, ['village_supervisor'], { villageId }],
      ]);
      const users = [
        liaison,
        await makeUser(db, agency.id, ['admin']),
        ...(signer ? [signer] : []),
        ...(await staffOf(db, agency.id, [
          [cadre, ['village_cadre'], { villageId }],
          [clerk, ['clerk']],
        ])),
      ];
      const byId = new Map(users.map((u) => [u.id, u]));
      const scope = await agencyScope(db, agency.id);
      const org = await orgSnapshot(db, agency.id);
      const where = `监委会${supervisor ? '有' : '无'}·包村干部${cadre ? '有' : '无'}·党政办${clerk ? '有' : '无'}`;
      for (const status of ['draft', 'returned', 'supervision', 'township_review'] as const) {
        const id = nextId++;
        const d = {
          id,
          villageId,
          villageName: '测试村',
          title: `事项${id}`,
          status,
          createdBy: liaison.id,
          dueOn: '2026-12-10',
          signerIds: status === 'township_review' && signer ? [signer.id] : [],
          returnReason: status === 'returned' ? '金额有误' : null,
        };
        const items = disclosureWaiting(org, d);
        assert.equal(items.length, 1, `${where} · ${status}: waits on nothing`);
        if (items[0]!.persons.userIds.length === 0) {
          // Nobody could act: the move into this state is refused before it happens (the reason names who is missing).
          assert.ok(status === 'supervision' || status === 'township_review', `${where} · ${status}`);
          await assert.rejects(requireActors(db, agency.id, villageId, status), /账号/);
          cases++;
          continue;
        }
        const facts = { villageId, status, createdBy: liaison.id, signerIds: d.signerIds };
        cases += await assertEachCanAndIsTold(
          db,
          items,
          byId,
          (_item, u) => (VILLAGE_CAN[status] ?? VILLAGE_CAN.default!)(userActor(u), scope, facts),
          `${where} · ${status}`,
        );
      }
      for (const status of ['open', 'escalated'] as const) {
        const item = objectionWaiting(org, {
          id: nextId++,
          disclosureId: nextId,
          villageId,
          villageName: '测试村',
          title: '低保名单',
          status,
          answerDueOn: '2026-12-08',
        });
        if (item.persons.userIds.length === 0) {
          assert.equal(status, 'escalated');
          await assert.rejects(requireActors(db, agency.id, villageId, 'objection_escalated'), /账号/);
          cases++;
          continue;
        }
        cases += await assertEachCanAndIsTold(
          db,
          [item],
          byId,
          (_i, u) =>
            status === 'open'
              ? villagePolicy.answerObjection(userActor(u), scope, villageId, 'open')
              : villagePolicy.recordOutcome(userActor(u), scope, villageId, 'escalated'),
          `${where} · 异议${status}`,
        );
      }
    }
    assert.equal(cases, 8 * 6);
  });

  it('互动交流: every open state × office head, drafter, leaders, clerk; transfers to an office without a head', async () => {
    const { db } = t();
    let cases = 0;
    let nextId = 4_000_000;
    for (const { clerk, head, drafter, leader } of everyCombination([
      'clerk',
      'head',
      'drafter',
      'leader',
    ] as const)) {
      const agency = await makeAgency(db);
      const office = await makeOffice(db, agency.id);
      const other = await makeOffice(db, agency.id);
      const users = await staffOf(db, agency.id, [
        [true, ['admin']],
        [clerk, ['clerk']],
        [head, ['office_head'], { officeId: office }],
        [drafter, ['drafter'], { officeId: office }],
        [leader, ['deputy_leader']],
      ]);
      const byId = new Map(users.map((u) => [u.id, u]));
      const org = await orgSnapshot(db, agency.id);
      // The pure resolution agrees with the one the use cases read (headsOf).
      assert.deepEqual(
        inquiryApprovers(org, office),
        (await headsOf(db, agency.id, office)).map((u) => u.id),
      );
      const where = `公开机构工作人员${clerk ? '有' : '无'}·负责人${head ? '有' : '无'}·承办人${drafter ? '有' : '无'}·领导${leader ? '有' : '无'}`;
      const states = [
        { status: 'pending_routing', officeId: null, returnedReason: null, transferTo: null },
        { status: 'in_progress', officeId: office, returnedReason: null, transferTo: null },
        { status: 'in_progress', officeId: office, returnedReason: '请补充依据', transferTo: null },
        { status: 'pending_approval', officeId: office, returnedReason: null, transferTo: null },
        { status: 'in_progress', officeId: office, returnedReason: null, transferTo: other },
      ] as const;
      for (const s of states) {
        const items = inquiryWaiting(org, {
          id: nextId++,
          reference: `LY${nextId}`,
          kind: 'question',
          topic: null,
          status: s.status,
          officeId: s.officeId,
          dueOn: '2026-12-15',
          returnedReason: s.returnedReason,
          draftByName: '承办人',
          transferToOfficeId: s.transferTo,
          transferReason: s.transferTo ? '不属本站所职责' : null,
        });
        assert.ok(items.length > 0, `${where} · ${s.status}: waits on nothing`);
        const scope = {
          ...(await inquiryAgencyScope(db, agency.id)),
          officeId: s.officeId,
          transferToOfficeId: s.transferTo,
          approverIds: (await headsOf(db, agency.id, s.officeId)).map((u) => u.id),
          transferApproverIds: s.transferTo
            ? (await headsOf(db, agency.id, s.transferTo)).map((u) => u.id)
            : [],
        };
        cases += await assertEachCanAndIsTold(
          db,
          items,
          byId,
          (item, u) => (INQUIRY_CAN[item.kind] ?? INQUIRY_CAN.default!)(userActor(u), scope),
          `${where} · ${s.status}`,
        );
      }
    }
    assert.ok(cases >= 16 * 6, `only ${cases} cases enumerated`);
  });

  it('互动交流 in an agency with no clerk: the admin is told of a new message, routes it, answers and approves', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    await seedCalendar(systemCtx(db, clock));
    const agency = await makeAgency(db);
    const office = await makeOffice(db, agency.id);
    const admin = await makeUser(db, agency.id, ['admin']);
    const asAdmin = ctxAs(db, userActor(admin), clock);
    const told = async (kind: string) =>
      db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', admin.id)
        .where('kind', '=', kind)
        .execute();
    const q = await submitInquiry(
      { db, clock, actor: { kind: 'public' }, meta: { ip: '10.9.0.1' } },
      agency,
      {
        kind: 'question',
        topic: '农业农村',
        body: '请问今年的耕地地力保护补贴什么时候发放？',
        contactName: '马先生',
        contactPhone: '13912340001',
        allowPublish: '1',
      },
    );
    assert.equal(q.status, 'pending_routing');
    // Told through the one notification writer (in-app at once).
    assert.equal((await told('inquiry.new')).length, 1, 'the admin is told of the new message');
    const item = (await listInquiryWaiting(db, agency.id)).find((i) => i.objectId === q.id)!;
    assert.deepEqual(item.persons.userIds, [admin.id]);
    assert.ok(
      inquiryPolicy.manage(userActor(admin), await inquiryAgencyScope(db, agency.id)),
      'the admin may route the message',
    );
    // The office has nobody: the answer, and then its approval, fall to the admin too.
    await routeInquiry(asAdmin, q.id, { officeId: office });
    await submitReply(asAdmin, q.id, { reply: '补贴预计4月发放，请留意村务公开栏。' });
    const done = await approveReply(asAdmin, q.id);
    assert.equal(done.status, 'answered');
  });

  it('监督: problems to rectify, to close out (not by the rectifier) and 督办 to answer × who exists', async () => {
    const { db } = t();
    let cases = 0;
    let refused = 0;
    let nextId = 5_000_000;
    type Resp = 'none' | 'drafter' | 'clerk';
    const configs: { admin: boolean; leader: boolean; clerk: boolean; head: boolean; resp: Resp }[] = [];
    for (const resp of ['drafter', 'none'] as const)
      for (const f of everyCombination(['head', 'clerk'] as const))
        configs.push({ admin: true, leader: true, ...f, resp });
    // Only one person can act (no administrator, no leader): one clerk; one clerk who is also the responsible
    // person; one clerk and a responsible drafter; and a clerk responsible with a leader to close out.
    const one = { admin: false, leader: false, clerk: true, head: false };
    configs.push({ ...one, resp: 'none' }, { ...one, resp: 'clerk' }, { ...one, resp: 'drafter' });
    configs.push({ ...one, leader: true, resp: 'clerk' });
    for (const c of configs) {
      const agency = await makeAgency(db);
      const office = await makeOffice(db, agency.id);
      const users = await staffOf(db, agency.id, [
        [c.admin, ['admin']],
        [c.leader, ['deputy_leader']],
        [c.head, ['office_head'], { officeId: office }],
      ]);
      const [clerkUser = null] = await staffOf(db, agency.id, [[c.clerk, ['clerk']]]);
      if (clerkUser) users.push(clerkUser);
      const resp =
        c.resp === 'clerk'
          ? clerkUser
          : c.resp === 'drafter'
            ? await makeUser(db, agency.id, ['drafter'], { officeId: office })
            : null;
      if (resp && resp !== clerkUser) users.push(resp);
      const byId = new Map(users.map((u) => [u.id, u]));
      const scope = await agencyScope(db, agency.id);
      const org = await orgSnapshot(db, agency.id);
      const where = `管理员${c.admin ? '有' : '无'}·领导${c.leader ? '有' : '无'}·责任人${{ none: '无', drafter: '站所人员', clerk: '党政办人员本人' }[c.resp]}·负责人${c.head ? '有' : '无'}·党政办${c.clerk ? '有' : '无'}`;
      const facts = { responsibleUserId: resp?.id ?? null, unitKind: 'office', unitId: office };
      const mayRectify = (u: User) => supervisionPolicy.rectify(userActor(u), scope, facts);
      const mayClose = (x: User, rectifiedBy: number | null) =>
        supervisionPolicy.inspect(userActor(x), scope) &&
        closeOutRefusal(
          { status: 'rectified', rectifiedBy, responsibleUserId: facts.responsibleUserId },
          x.id,
        ) == null;
      // Every person the policy lets rectify: either someone else may then 销号, or the step is refused beforehand.
      const rectifiedBy: number[] = [];
      for (const u of users.filter(mayRectify)) {
        const refusal = rectifyDeadEnd(org, facts, u.id);
        // Refused exactly when nobody the policy lets 销号 is left by the four-eyes rule.
        const closer = users.find((x) => mayClose(x, u.id));
        assert.equal(refusal == null, closer != null, `${where}: rectified by ${u.id}`);
        if (refusal == null) rectifiedBy.push(u.id);
        else {
          assert.match(refusal, /第二人复核/, `${where}: refusal cites the rule`);
          assert.match(refusal, /增加一名政务公开工作机构人员或为领导开通账号/, `${where}: names who to add`);
          refused++;
        }
      }
      const anyoneCanClose = rectifiedBy.length > 0;
      for (const s of [
        { status: 'open' as const, rectifiedBy: null, sv: null },
        ...rectifiedBy.map((by) => ({ status: 'rectified' as const, rectifiedBy: by, sv: null })),
        { status: 'open' as const, rectifiedBy: null, sv: '2026-12-12' },
        { status: 'closed' as const, rectifiedBy: users[0]!.id, sv: '2026-12-12' },
      ]) {
        const p = {
          id: nextId++,
          reference: `ZG${nextId}`,
          title: '栏目未更新',
          status: s.status,
          unitName: '测试站所',
          ...facts,
          rectifiedBy: s.rectifiedBy,
          deadline: '2026-12-20',
          supervisionAnswerBy: s.sv,
        };
        const items = problemWaiting(org, p);
        assert.ok(items.length > 0, `${where} · ${s.status}: waits on nothing`);
        const rectify = items.find((i) => i.kind === 'supervision.rectify');
        // Where no rectification could be closed out, the persons are told so with the waiting item itself.
        if (rectify && !anyoneCanClose)
          assert.match(rectify.detail ?? '', /没有整改人和责任人以外可以复核销号的人员/);
        cases += await assertEachCanAndIsTold(
          db,
          items,
          byId,
          (item, u) =>
            (
              ({
                'supervision.rectify': () => mayRectify(u),
                'supervision.close_out': () => mayClose(u, p.rectifiedBy),
              }) as Record<string, () => boolean>
            )[item.kind]?.() ?? supervisionPolicy.answerSupervision(userActor(u), scope),
          `${where} · ${s.status}${s.sv ? ' · 督办' : ''}`,
        );
      }
    }
    assert.ok(cases >= 12 * 4, `only ${cases} cases enumerated`);
    assert.ok(refused >= 3, `only ${refused} dead-end rectifications refused`);
  });

  it('监督 with one clerk only, who is the responsible person: the rectification is refused, nothing moves; a second person added, they are told and close it out', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const office = await makeOffice(db, agency.id);
    const clerk = await makeUser(db, agency.id, ['clerk']);
    const asClerk = ctxAs(db, userActor(clerk), fixedClock('2026-12-01T02:00:00Z'));
    const p = await recordProblem(asClerk, agency.id, {
      unitKind: 'office',
      unitId: office,
      responsibleUserId: clerk.id,
      responsibleName: '',
      title: '政府信息公开指南未更新',
      description: '',
      deadline: null,
      link: null,
    });
    const submit = (ctx: typeof asClerk, version: number) =>
      rectifyProblem(ctx, p.id, { version, note: '已更新公开指南', link: 'https://example.gov.cn/zn' }, []);
    await assert.rejects(submit(asClerk, p.version), (e: Error) => {
      assert.ok(e instanceof InvalidStateError);
      assert.match(e.message, /销号须由整改人和责任人以外的第二人复核/);
      return true;
    });
    assert.equal((await loadProblem(db, p.id)).problem.status, 'open', 'the refused step moved nothing');
    // The one who could add a person adds a leader: the same submission now goes through, and the leader is told.
    const leader = await makeUser(db, agency.id, ['deputy_leader']);
    const r = await submit(asClerk, p.version);
    assert.equal(r.status, 'rectified');
    const told = await db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', leader.id)
      .where('kind', '=', 'supervision.close_out')
      .execute();
    assert.equal(told.length, 1, 'the leader is told to close it out');
    const items = await listProblemWaiting(db, agency.id);
    assert.deepEqual(
      items.filter((i) => i.objectId === p.id).map((i) => [i.kind, i.persons.userIds]),
      [['supervision.close_out', [leader.id]]],
    );
    const closed = await closeOutProblem(
      ctxAs(db, userActor(leader), fixedClock('2026-12-02T02:00:00Z')),
      p.id,
      {
        version: r.version,
        decision: 'close',
        note: '已核实公开指南更新',
      },
    );
    assert.equal(closed.status, 'closed');
  });
});
